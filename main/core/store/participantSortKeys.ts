import { blankLastKey, foldedLetters, type participantSortColumns } from './migrations/m005_participantIndexes';

/** Blank (NULL or empty) sorts after everything else: the last Unicode code point. */
export const blankSortKey = String.fromCodePoint(0x10ffff);

const folds = new Map(foldedLetters.flatMap(([plain, accented]) => [...accented].map((letter) => [letter, plain] as const)));
// Printable ASCII (most names) is folded by toLowerCase alone, as SQLite's lower() folds it.
const notPrintableAscii = /[^ -~]/;
const foldable = /[A-Z\u00c0-\u024f]/g;

/**
 * The case- and accent-folded sort key of a name or an organisation, stored beside it in the
 * participants projection (name_key, organisation_key) so that a plain index orders the list.
 * It is exactly the key m005 computed in SQL (SQLite's lower() folds ASCII only; the accented
 * Latin letters it lists become plain ones), so upgraded lists keep their order; a stock sqlite3
 * shell could not parse that expression, which is why it became a column (m008).
 */
export function foldedSortKey(value: unknown): string {
  if (value === null || value === undefined || value === '') return blankSortKey;
  const text = String(value);
  if (!notPrintableAscii.test(text)) return text.toLowerCase();
  // Only the letters that change are visited: a Chinese or Arabic name comes back as it was.
  return text.replace(foldable, (letter) => (letter <= 'Z' ? letter.toLowerCase() : (folds.get(letter) ?? letter)));
}

type SortColumn = (typeof participantSortColumns)[number];

/**
 * A participant column's sort key as SQL, written exactly as its index is so SQLite reads pages
 * in order from the index instead of sorting the forum; `table` names the alias of a join.
 */
export function participantSortKey(column: SortColumn, table?: string): string {
  const ref = (name: string) => (table ? `${table}.${name}` : name);
  if (column === 'name') return ref('name_key');
  if (column === 'organisation') return ref('organisation_key');
  return blankLastKey(ref(column));
}
