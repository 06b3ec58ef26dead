import type { Database } from 'better-sqlite3';
import { ftsPhrase } from './searchWords';

/**
 * A word of one or two characters (乡村: Chinese words are often two) is in no trigram of its own,
 * but it begins trigrams: 乡村振, 乡村地… The index's vocabulary lists them in order, so the word
 * becomes "乡村振" OR "乡村地" OR …, answered from the index in about a millisecond where reading
 * every note takes 35 ms or more. Letters found nearly everywhere (e, a, ا) begin hundreds of
 * trigrams in most notes: those are "broad" and checked on the notes instead.
 */
export interface Expansion {
  /** An FTS5 expression, or null when no trigram begins with the word (only a note's end may hold it). */
  expression: string | null;
  broad: boolean;
}

/** More trigrams than this, or more (trigram, note) pairs than `maxPairs`, and the word is broad. */
const maxTerms = 64;
const maxPairs = 60_000;

const vocabularies = new WeakMap<Database, Map<string, string>>();

/** A per-connection (temp) view of an index's vocabulary: nothing is added to the database file. */
function vocabulary(db: Database, index: 'notes_search'): string {
  let known = vocabularies.get(db);
  if (!known) {
    known = new Map();
    vocabularies.set(db, known);
  }
  let name = known.get(index);
  if (!name) {
    name = `plenary_${index}_terms`;
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${name} USING fts5vocab(main, ${index}, row)`);
    known.set(index, name);
  }
  return name;
}

/** The trigrams the folded word begins, as one FTS5 expression. */
export function trigramExpansion(db: Database, index: 'notes_search', folded: string): Expansion {
  const table = vocabulary(db, index);
  const rows = db
    .prepare(`SELECT term, doc FROM temp.${table} WHERE term >= ? AND term <= ? LIMIT ${maxTerms + 1}`)
    .raw()
    .all(folded, `${folded}\u{10ffff}`) as Array<[string, number]>;
  const terms = rows.filter(([term]) => term.startsWith(folded) && !term.includes('\0'));
  const pairs = terms.reduce((sum, [, docs]) => sum + docs, 0);
  if (rows.length > maxTerms || pairs > maxPairs) return { expression: null, broad: true };
  if (terms.length === 0) return { expression: null, broad: false };
  return { expression: `(${terms.map(([term]) => ftsPhrase(term)).join(' OR ')})`, broad: false };
}
