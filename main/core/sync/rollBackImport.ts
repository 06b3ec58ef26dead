import type { Database } from 'better-sqlite3';
import { rebuildRows } from '../store/changeLog';
import { logRewritten } from '../store/logGeneration';
import { isSyncedTable, type SyncedTable } from '../store/syncedTables';
import { endJournal, pendingImports, type ImportJournal } from './importJournal';

/**
 * Takes an unfinished import back out: the log entries its slices wrote are removed and every
 * row they touched is rebuilt from what remains, so the database is as it was before the import
 * (edits people made meanwhile stay, and show over what remains). Foreign keys are set aside for
 * the rollback only: a note typed meanwhile in a session the import brought keeps its text,
 * pointing at a session that comes back when the bundle is imported again.
 */
export function rollBackImport(db: Database, journal: ImportJournal): void {
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      const touched = new Map<SyncedTable, Set<string>>();
      const rowsIn = db.prepare('SELECT DISTINCT tbl, row_id AS rowId FROM changes WHERE seq > ? AND seq <= ?');
      const remove = db.prepare('DELETE FROM changes WHERE seq > ? AND seq <= ?');
      for (const [after, upTo] of journal.ranges) {
        for (const { tbl, rowId } of rowsIn.all(after, upTo) as Array<{ tbl: string; rowId: string }>) {
          if (!isSyncedTable(tbl)) continue;
          let rows = touched.get(tbl);
          if (!rows) touched.set(tbl, (rows = new Set()));
          rows.add(rowId);
        }
        remove.run(after, upTo);
      }
      for (const [table, rowIds] of touched) rebuildRows(db, table, rowIds);
      endJournal(db, journal.id);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
  // Seqs taken back are handed out again: caches that follow the log by seq must start over.
  logRewritten(db);
}

/** Rolls back every import a crash left unfinished; returns how many there were. */
export function rollBackUnfinishedImports(db: Database): number {
  const unfinished = pendingImports(db);
  for (const journal of unfinished) {
    console.warn(`An import was interrupted before it finished; it was undone (${journal.ranges.length} slices). Import the file again.`);
    rollBackImport(db, journal);
  }
  return unfinished.length;
}

/** Rolls back whatever slices an import that failed had applied (nothing, if it had not begun). */
export function undoImport(db: Database, journal: ImportJournal): void {
  if (pendingImports(db).some((j) => j.id === journal.id)) rollBackImport(db, journal);
}
