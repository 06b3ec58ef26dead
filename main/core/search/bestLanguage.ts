import { fold } from '../../../shared/foldText';
import type { SearchWord } from './searchWords';

/** A multilingual text: { lang: text }, as the projection stores it. */
export type Translations = Record<string, string>;

export function parseTranslations(json: string | null): Translations {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

export interface LanguageMatch {
  lang: string;
  /** How many of the words this language's text holds. */
  found: number;
}

/**
 * The language whose text (all fields of the row in that language) holds the most words; on a
 * tie, the earlier of `preferred` (the forum's source language first), then the order stored.
 * Null unless the row as a whole, every language together, holds every word: the index matches
 * all languages joined, so a word may be in one and the next word in another.
 */
export function bestLanguage(fields: Translations[], words: readonly SearchWord[], preferred: readonly string[]): LanguageMatch | null {
  const languages = [...new Set(fields.flatMap((field) => Object.keys(field)))];
  const folded = new Map(languages.map((lang) => [lang, fold(fields.map((field) => field[lang] ?? '').join('\n'))]));
  if (!words.every((word) => [...folded.values()].some((text) => text.includes(word.folded)))) return null;
  const rank = (lang: string) => {
    const at = preferred.indexOf(lang);
    return at === -1 ? preferred.length : at;
  };
  let best: LanguageMatch | null = null;
  for (const lang of languages) {
    const text = folded.get(lang) ?? '';
    const found = words.filter((word) => text.includes(word.folded)).length;
    if (!best || found > best.found || (found === best.found && rank(lang) < rank(best.lang))) best = { lang, found };
  }
  return best;
}

/** Of a row's fields, the first whose text in `lang` holds the most words (for the snippet). */
export function bestField(fields: Translations[], lang: string, words: readonly SearchWord[]): string {
  let best = '';
  let bestFound = -1;
  for (const field of fields) {
    const text = field[lang];
    if (!text) continue;
    const folded = fold(text);
    const found = words.filter((word) => folded.includes(word.folded)).length;
    if (found > bestFound) {
      best = text;
      bestFound = found;
    }
  }
  return best;
}
