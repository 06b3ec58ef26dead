import { characterCount, fold } from '../../../shared/foldText';

/** One word of a search, as typed and as the index folds it. */
export interface SearchWord {
  /** As typed (NFC), without control characters: always searched for as plain text. */
  text: string;
  folded: string;
  /** Three characters or more: the trigram index finds it directly. */
  indexed: boolean;
}

/** The trigram tokenizer reads three characters at a time: a shorter word is in no token of its own. */
export const trigram = 3;

// Zero-width and bidirectional marks come along when text is pasted; they are nobody's search.
const invisible = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The words of a query: split at spaces (ideographic ones too), control characters dropped, each
 * word kept whole, so `"`, `*`, `NEAR`, `AND`, `(` are text like any other. Duplicates go, as do
 * short words inside a longer one (`ru` adds nothing to `rural`).
 */
export function searchWords(query: string): SearchWord[] {
  const words = query
    .normalize('NFC')
    .replace(/\p{Cc}/gu, ' ')
    .replace(invisible, '')
    .split(/\s+/u)
    .map((text) => ({ text, folded: fold(text) }))
    .filter((word) => word.folded.length > 0);
  const kept: SearchWord[] = [];
  for (const word of words) {
    if (kept.some((k) => k.folded === word.folded)) continue;
    kept.push({ ...word, indexed: characterCount(word.folded) >= trigram });
  }
  return kept.filter((word) => word.indexed || !kept.some((other) => other !== word && other.folded.includes(word.folded)));
}

/** A word as one FTS5 phrase: inside double quotes, with its own quotes doubled, nothing is syntax. */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Every word is in the folded text (so it matches, wherever the words are). */
export function containsAll(foldedText: string, words: readonly SearchWord[]): boolean {
  return words.every((word) => foldedText.includes(word.folded));
}
