import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { uiLanguages } from '../../../shared/languages';
import { errorCodes } from '../../../shared/result';

const root = path.resolve(__dirname, '../../..');
const localesDir = path.join(root, 'resources/locales');

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Map<string, string> =>
  new Map(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[prefix + key, value]] : [...flatten(value, `${prefix}${key}.`)],
    ),
  );
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;
/** All of a language's files merged, as the renderer merges them into one namespace. */
const load = (lang: string) => {
  const dir = path.join(localesDir, lang);
  const merged: Tree = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const [key, value] of Object.entries(readJson(path.join(dir, file)))) {
      if (key in merged) throw new Error(`${lang}/${file} repeats the top-level key ${key}`);
      merged[key] = value;
    }
  }
  return flatten(merged);
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// The companion page (renderer/companion) asks for its words the same way: t('companion.page.…').
const rendererFiles = [...sourceFiles(path.join(root, 'renderer/src')), ...sourceFiles(path.join(root, 'renderer/companion'))];
const parse = (file: string) => ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);

/** A literal attribute value, written plainly or in braces; '' for anything computed. */
function attributeText(initializer: ts.JsxAttributeValue): string {
  if (ts.isStringLiteral(initializer)) return initializer.text;
  if (ts.isJsxExpression(initializer) && initializer.expression && ts.isStringLiteral(initializer.expression)) {
    return initializer.expression.text;
  }
  return '';
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

describe('locales', () => {
  const english = load('en');

  it('keeps each area file under one top-level key named after the file, and the same files in every language', () => {
    const files = (lang: string) => fs.readdirSync(path.join(localesDir, lang)).filter((f) => f.endsWith('.json')).sort();
    for (const lang of uiLanguages) {
      expect(files(lang), lang).toEqual(files('en'));
      for (const file of files(lang).filter((f) => f !== 'app.json')) {
        expect(Object.keys(readJson(path.join(localesDir, lang, file))), `${lang}/${file}`).toEqual([file.replace(/\.json$/, '')]);
      }
    }
  });

  it.each(uiLanguages)('%s has exactly the English keys, none empty, with the same placeholders', (lang) => {
    const messages = load(lang);
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of messages) {
      expect(text.trim(), `${lang}:${key}`).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
      expect(placeholders(text), `${lang}:${key}`).toEqual(placeholders(english.get(key) ?? ''));
    }
  });

  it('is translated: no locale but English repeats most of the English text', () => {
    for (const lang of uiLanguages.filter((l) => l !== 'en')) {
      const messages = load(lang);
      // Single words may be cognates ("Participants", "Communiqué"); phrases must be translated.
      const same = [...english].filter(([key, text]) => messages.get(key) === text && /[a-z]{3,}\s+\S*[a-z]{3,}/i.test(text));
      expect(same.map(([k]) => k), lang).toEqual([]);
    }
  });

  it('explains every error code the core can send', () => {
    const missing = errorCodes.filter((code) => !english.has(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it('has every key the renderer asks for by a literal', () => {
    const missing: string[] = [];
    for (const file of rendererFiles) {
      walk(parse(file), (node) => {
        if (
          ts.isCallExpression(node) &&
          ts.isIdentifier(node.expression) &&
          node.expression.text === 't' &&
          node.arguments[0] &&
          ts.isStringLiteral(node.arguments[0])
        ) {
          const key = node.arguments[0].text;
          if (!english.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
        }
      });
    }
    expect(missing).toEqual([]);
  });

  it('has every key the companion page names in its markup (data-t)', () => {
    const html = fs.readFileSync(path.join(root, 'renderer/companion/index.html'), 'utf8');
    const keys = [...html.matchAll(/data-t="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !english.has(key))).toEqual([]);
    // No visible words in the markup itself: every element's text comes from the locale files.
    const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<title>[^<]*<\/title>/, '').replace(/<[^>]+>/g, '').trim();
    expect(text).toBe('');
  });

  it('JSX holds no literal, untranslated text', () => {
    const literals: string[] = [];
    const visibleAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);
    for (const file of rendererFiles.filter((f) => f.endsWith('.tsx'))) {
      walk(parse(file), (node) => {
        if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) literals.push(`${path.relative(root, file)}: "${node.text.trim()}"`);
        // {'text'} or {`text`} as a child of an element is visible text too.
        if (
          ts.isJsxExpression(node) &&
          (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) &&
          node.expression &&
          (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression)) &&
          /\p{L}/u.test(node.expression.text)
        ) {
          literals.push(`${path.relative(root, file)}: {'${node.expression.text}'}`);
        }
        if (
          ts.isJsxAttribute(node) &&
          visibleAttributes.has(node.name.getText()) &&
          node.initializer &&
          /\p{L}/u.test(attributeText(node.initializer))
        ) {
          literals.push(`${path.relative(root, file)}: ${node.name.getText()}="${attributeText(node.initializer)}"`);
        }
      });
    }
    expect(literals).toEqual([]);
  });
});
