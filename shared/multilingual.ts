import { z } from 'zod';
import { languageTagPattern } from './languages';

/** Text held per language: `{ en: "...", zh: "..." }`. Each language is its own field in the change log. */
export const multilingualText = (max: number) =>
  z.record(
    z.string().regex(languageTagPattern, 'validation.languageTag'),
    z.string().trim().max(max, 'validation.tooLong'),
  );
export type MultilingualText = Record<string, string>;

/** The text to show in `lang`, falling back to the source language; says which it used. */
export function pickText(
  text: MultilingualText | undefined,
  lang: string,
  sourceLanguage: string,
): { text: string; lang: string; fallback: boolean } {
  const own = text?.[lang];
  if (own) return { text: own, lang, fallback: false };
  const source = text?.[sourceLanguage];
  if (source) return { text: source, lang: sourceLanguage, fallback: lang !== sourceLanguage };
  const first = Object.entries(text ?? {}).find(([, value]) => value);
  return first ? { text: first[1], lang: first[0], fallback: true } : { text: '', lang, fallback: false };
}
