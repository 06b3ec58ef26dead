import type { OpeningStyle } from './paragraphPlace';

// Two marks a paragraph's prose may carry, kept in the text itself so that they travel with the
// words they belong to: through concurrent edits (each version keeps its own marks), amendments,
// translations, history and bundles, as any other character does. A stored offset or length
// would point at the wrong words as soon as someone edited the text before it on another laptop.
//
// - `[[para:<id>]]` is a cross-reference: it prints as the named paragraph's number in the
//   text's language ("7", "5 bis", "7 (a)"), whatever it is numbered when printed, and as a
//   marked "deleted paragraph" when the paragraph is gone.
// - `[[lead]]` ends the opening phrase a drafter marked; without it the opening phrase is the
//   words up to the first comma.

export const leadMarker = '[[lead]]';

const referencePattern = /\[\[para:([A-Za-z0-9_-]{1,64})\]\]/g;

export const referenceToken = (id: string): string => `[[para:${id}]]`;

/** The paragraphs a text refers to, each once, in the order they first appear. */
export function referenceIds(text: string): string[] {
  return [...new Set([...text.matchAll(referencePattern)].map((m) => m[1] ?? ''))].filter((id) => id !== '');
}

/** The text with each reference replaced by `print(id)` (which says how the paragraph is numbered now). */
export function resolveReferences(text: string, print: (id: string) => string): string {
  return text.replace(referencePattern, (_, id: string) => print(id));
}

// A comma in the Latin, Arabic or Chinese scripts ends the opening phrase.
const comma = /[,،，、]/;

/**
 * The opening phrase and the rest: up to the marker where the drafter put one (the marker itself
 * dropped), else up to the first comma (the comma stays in the rest), else no opening phrase.
 */
export function openingPhrase(text: string): { lead: string; rest: string } {
  const marked = text.indexOf(leadMarker);
  if (marked >= 0) return { lead: text.slice(0, marked), rest: text.slice(marked + leadMarker.length).split(leadMarker).join('') };
  const found = comma.exec(text);
  if (!found || text.slice(0, found.index).includes('\n')) return { lead: '', rest: text };
  return { lead: text.slice(0, found.index), rest: text.slice(found.index) };
}

/** The text without the opening-phrase marker (for screens and exports that do not style it). */
export const withoutLeadMarker = (text: string): string => text.split(leadMarker).join('');

/**
 * The text with its opening phrase set as rich text (italic *…*, underline ++…++), so every writer
 * (Word, HTML, Markdown, the screens) prints it without knowing about roles. A phrase that holds
 * markup, brackets or a line break of its own is left as typed rather than risk mangling it.
 */
export function styleOpeningPhrase(text: string, style: OpeningStyle | null): string {
  const { lead, rest } = openingPhrase(text);
  if (style === null || lead.trim() === '' || /[*_+[\]\n#`\\]/.test(lead)) return lead + rest;
  const start = lead.length - lead.trimStart().length;
  const end = lead.trimEnd().length;
  const marker = style === 'italic' ? '*' : '++';
  return `${lead.slice(0, start)}${marker}${lead.slice(start, end)}${marker}${lead.slice(end)}${rest}`;
}
