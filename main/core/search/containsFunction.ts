import type { Database } from 'better-sqlite3';
import { fold } from '../../../shared/foldText';

const registered = new WeakSet<Database>();

/**
 * The SQL function `plenary_contains(text, foldedWord)`: 1 when the text, folded as the indexes
 * fold, holds the word. For words the index cannot look up (one or two letters found nearly
 * everywhere) and for small tables; LIKE would fold neither accents nor non-Latin capitals.
 */
export function containsFunction(db: Database): string {
  if (!registered.has(db)) {
    db.function('plenary_contains', { deterministic: true }, (text: unknown, word: unknown) =>
      typeof text === 'string' && typeof word === 'string' && fold(text).includes(word) ? 1 : 0,
    );
    registered.add(db);
  }
  return 'plenary_contains';
}
