import type { Database } from 'better-sqlite3';
import { CoreError } from '../errors';
import { lineHash } from '../sync/changeBlocks';
import { rebuildRows, writeRow, type Writer } from './changeLog';
import { checkpointWal } from './walCheckpoints';

/** What an erased participant's changes keep: which forum the row is in, and that it is gone. */
const keptCells = new Set(['forum_id', 'deleted', 'erased']);

/**
 * Erases a participant's personal data for good: a tombstone change (deleted and erased) goes
 * into the log and travels like any other; every earlier change of the row keeps only its forum
 * and deletion, and the hash its bundle line had (so signed blocks still verify); the projection
 * and the search index are rebuilt without the values, and freed pages are overwritten. Laptops
 * that receive the tombstone erase their copies the same way (see scrubErasedRows).
 */
export function eraseParticipant(writer: Writer, id: string): { id: string; erased: true } {
  const { db } = writer;
  const row = db.prepare('SELECT forum_id FROM participants WHERE id = ?').get(id) as { forum_id: string } | undefined;
  if (!row) throw new CoreError('not_found', `No participant with id ${id}.`);
  const secure = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.transaction(() => {
      writeRow(writer, 'participants', id, { deleted: 1, erased: 1 });
      scrubRow(db, 'participants', id);
      db.prepare("DELETE FROM held_changes WHERE tbl = 'participants' AND row_id = ?").run(id);
      rebuildRows(db, 'participants', [id]);
      // Merges the search index's segments, so the deleted entry's words are gone, not just marked.
      db.prepare("INSERT INTO participants_search (participants_search) VALUES ('optimize')").run();
    })();
  } finally {
    db.pragma(`secure_delete = ${secure}`);
  }
  // Old page images with the values live on in the WAL until it is checkpointed.
  checkpointWal(db, 'TRUNCATE');
  return { id, erased: true };
}

/**
 * Strips every change of a row down to the cells that say nothing about a person, keeping each
 * one's original line hash. Changes already stripped, or holding nothing more, are left alone.
 */
export function scrubRow(db: Database, table: 'participants', rowId: string): number {
  const changes = db
    .prepare('SELECT seq, device, hlc, tbl, row_id AS rowId, cells, parents FROM changes WHERE tbl = ? AND row_id = ? AND erased_hash IS NULL')
    .all(table, rowId) as Array<{ seq: number; device: string; hlc: string; tbl: string; rowId: string; cells: string; parents: string | null }>;
  const update = db.prepare('UPDATE changes SET cells = ?, parents = NULL, erased_hash = ? WHERE seq = ?');
  let scrubbed = 0;
  for (const change of changes) {
    const cells = JSON.parse(change.cells) as Record<string, unknown>;
    if (Object.keys(cells).every((cell) => keptCells.has(cell)) && change.parents === null) continue;
    const kept = Object.fromEntries(Object.entries(cells).filter(([cell]) => keptCells.has(cell)));
    update.run(JSON.stringify(kept), lineHash(change).toString('hex'), change.seq);
    scrubbed += 1;
  }
  return scrubbed;
}

/** Whether any change of a participant, from any laptop, erased it. */
export function isErased(db: Database, rowId: string): boolean {
  return (
    db.prepare("SELECT 1 FROM changes WHERE tbl = 'participants' AND row_id = ? AND cells ->> '$.erased' = 1 LIMIT 1").pluck().get(rowId) !== undefined
  );
}

/**
 * After changes of participants arrive: those erased anywhere (by a change in this import or
 * earlier) are stripped and rebuilt, so an old bundle can never bring an erased person back.
 */
export function scrubErasedRows(db: Database, rowIds: Iterable<string>): string[] {
  const erased = [...rowIds].filter((id) => isErased(db, id));
  for (const id of erased) scrubRow(db, 'participants', id);
  if (erased.length > 0) rebuildRows(db, 'participants', erased);
  return erased;
}
