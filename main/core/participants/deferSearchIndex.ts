import type { Database } from 'better-sqlite3';

const trigger = 'participants_search_insert';

/**
 * Runs `insert` (which must only add participants) with the search index's per-row insert
 * trigger set aside, then indexes the new rows in one statement and puts the trigger back as it
 * was. Trigram-indexing 25,000 rows one trigger call at a time takes seconds; in one INSERT …
 * SELECT, a tenth of that. Must run inside a transaction, so a failure undoes the trigger's
 * removal with everything else. The trigger's own SQL is read from the schema, so it never drifts.
 */
export function deferSearchIndex(db: Database, insert: () => void): void {
  if (!db.inTransaction) throw new Error('deferSearchIndex needs a transaction');
  const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(trigger) as string | undefined;
  if (!sql) {
    insert();
    return;
  }
  // Rowids of new rows are above every existing one (SQLite picks max + 1 while it can).
  const before = (db.prepare('SELECT max(rowid) FROM participants').pluck().get() as number | null) ?? 0;
  db.exec(`DROP TRIGGER ${trigger}`);
  insert();
  db.prepare(
    `INSERT INTO participants_search (rowid, name, organisation, email)
       SELECT rowid, name, organisation, email FROM participants WHERE rowid > ?`,
  ).run(before);
  db.exec(sql);
}
