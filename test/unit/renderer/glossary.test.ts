import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiLanguages } from '../../../shared/languages';

/**
 * One term per concept in each language: a delegate who reads "Programme" in the menu and
 * "ordre du jour" on the screen it opens wonders whether these are two things. Each language's
 * glossary (resources/glossary/<lang>.json) names the term for each concept and the variants
 * that must not appear (regular expressions, matched case-insensitively); this test holds every
 * interface string of that language to it.
 */
const root = path.resolve(__dirname, '../../..');
const localesDir = path.join(root, 'resources/locales');
const glossaryDir = path.join(root, 'resources/glossary');

type Tree = { [key: string]: string | Tree };
type Concept = { term: string; plural?: string; avoid: string[] };
type Glossary = Record<string, Concept>;

const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));

/** Every string of a language, keyed as the renderer sees them (all area files merged). */
function strings(lang: string): Map<string, string> {
  const dir = path.join(localesDir, lang);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  return new Map(files.flatMap((f) => flatten(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Tree)));
}

const glossaryOf = (lang: string) => JSON.parse(fs.readFileSync(path.join(glossaryDir, `${lang}.json`), 'utf8')) as Glossary;
// Placeholders are code, not words: {{session}} is not the French "session".
const words = (text: string) => text.replace(/{{\s*\w+\s*}}/g, '…');
const pattern = (avoid: string) => new RegExp(avoid, 'iu');
const forms = (concept: Concept) => [concept.term, ...(concept.plural ? [concept.plural] : [])];

describe('glossary', () => {
  const english = glossaryOf('en');

  it.each(uiLanguages)('%s has a glossary with the same concepts as English, each with a term and valid variants', (lang) => {
    expect(fs.existsSync(path.join(glossaryDir, `${lang}.json`)), `resources/glossary/${lang}.json`).toBe(true);
    const glossary = glossaryOf(lang);
    expect(Object.keys(glossary).sort()).toEqual(Object.keys(english).sort());
    for (const [name, concept] of Object.entries(glossary)) {
      expect(concept.term.trim(), `${lang}:${name}`).not.toBe('');
      expect(Array.isArray(concept.avoid), `${lang}:${name}.avoid`).toBe(true);
      for (const avoid of concept.avoid) expect(() => pattern(avoid), `${lang}:${name}: ${avoid}`).not.toThrow();
    }
  });

  it.each(uiLanguages)('%s gives each concept its own term, and no variant it avoids is one of its terms', (lang) => {
    const glossary = Object.entries(glossaryOf(lang));
    const terms = glossary.map(([, concept]) => concept.term.toLocaleLowerCase(lang));
    expect(terms.filter((term, i) => terms.indexOf(term) !== i), lang).toEqual([]);
    // A variant that matches a term would forbid the glossary's own words ("point" must spare "point clé").
    const clashes = glossary.flatMap(([name, concept]) =>
      concept.avoid.flatMap((avoid) =>
        glossary.flatMap(([other, o]) => forms(o).filter((form) => pattern(avoid).test(form)).map((form) => `${name} avoids /${avoid}/, which matches ${other} "${form}"`)),
      ),
    );
    expect(clashes).toEqual([]);
  });

  it.each(uiLanguages)('%s uses no variant its glossary avoids', (lang) => {
    const glossary = Object.entries(glossaryOf(lang));
    const offences: string[] = [];
    for (const [key, text] of strings(lang)) {
      for (const [name, concept] of glossary) {
        for (const avoid of concept.avoid) {
          const found = pattern(avoid).exec(words(text));
          if (found) offences.push(`${lang}:${key} says "${found[0]}" for ${name}: use "${concept.term}"`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it.each(uiLanguages)('%s uses every term of its glossary somewhere, so the glossary follows the app', (lang) => {
    const texts = [...strings(lang).values()].map((text) => words(text).toLocaleLowerCase(lang));
    const unused = Object.entries(glossaryOf(lang)).flatMap(([name, concept]) =>
      forms(concept)
        .filter((form) => !texts.some((text) => text.includes(form.toLocaleLowerCase(lang))))
        .map((form) => `${name}: "${form}"`),
    );
    expect(unused).toEqual([]);
  });
});
