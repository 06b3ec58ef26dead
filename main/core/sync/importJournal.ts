import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../store/cachedStatement';

/**
 * An import is applied in many short transactions (see applyInChunks), so it can stop halfway:
 * an error in a later slice, a full disk, a crash. To keep imports all or nothing, each slice
 * notes in `meta`, in its own transaction, which change-log entries it wrote (a slice's writes
 * are consecutive, since nothing else writes during it); the last slice removes the note. An
 * import that stops with its note still there is rolled back (see rollBackImport): at once after
 * an error, or when the database is next opened after a crash.
 */
export interface ImportJournal {
  id: string;
  kind: 'bundle' | 'participants';
  /** Change-log seq ranges (after, upTo] the import's slices wrote. */
  ranges: Array<[number, number]>;
}

const prefix = 'pending_import:';

export function recordJournal(db: Database, journal: ImportJournal): void {
  // Statements kept: a merge runs these a hundred times.
  cachedStatement(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    `${prefix}${journal.id}`,
    JSON.stringify(journal),
  );
}

export function endJournal(db: Database, id: string): void {
  cachedStatement(db, 'DELETE FROM meta WHERE key = ?').run(`${prefix}${id}`);
}

export function pendingImports(db: Database): ImportJournal[] {
  const rows = db.prepare('SELECT value FROM meta WHERE key >= ? AND key < ? ORDER BY key').pluck().all(prefix, `${prefix}\uffff`) as string[];
  return rows.map((value) => JSON.parse(value) as ImportJournal);
}

/** The newest change-log seq: a slice's writes all come after it. */
export function lastSeq(db: Database): number {
  return (cachedStatement(db, 'SELECT max(seq) FROM changes').pluck().get() as number | null) ?? 0;
}

/**
 * Runs one slice of an import and notes in the journal which log entries it wrote, in the same
 * transaction (the caller's), so the journal and the log never disagree.
 */
export function journalled(db: Database, journal: ImportJournal, slice: () => void): void {
  const after = lastSeq(db);
  slice();
  const upTo = lastSeq(db);
  if (upTo > after) journal.ranges.push([after, upTo]);
  recordJournal(db, journal);
}
