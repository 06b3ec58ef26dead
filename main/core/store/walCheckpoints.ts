import type { Database } from 'better-sqlite3';

/**
 * The WAL's checkpoints, which copy its pages back into the database file. Ours all go through
 * checkpointWal, and SQLite's own (after a commit past wal_autocheckpoint pages) can be held
 * off, so that whoever reads the database file itself (a backup's copy: backupDatabase.ts) can
 * tell whether the file changed under it.
 */
export interface CheckpointResult {
  busy: number;
  /** Pages in the WAL, and how many of them are in the database file now. */
  log: number;
  checkpointed: number;
}

const made = new WeakMap<Database, number>();

export function checkpointWal(db: Database, mode: 'PASSIVE' | 'FULL' | 'TRUNCATE'): CheckpointResult | undefined {
  made.set(db, checkpointsMade(db) + 1);
  const [result] = db.pragma(`wal_checkpoint(${mode})`) as CheckpointResult[];
  return result;
}

/** How many checkpoints this connection has been asked for: unchanged, the file was not written. */
export const checkpointsMade = (db: Database): number => made.get(db) ?? 0;

/**
 * SQLite's own checkpoints stay off while any work is under way on the connection that needs the
 * file left alone (long work folding the WAL back at its own pace, a backup copying the file);
 * the setting comes back when the last of them ends.
 */
const held = new WeakMap<Database, { works: number; setting: number }>();

export function holdCheckpoints(db: Database): void {
  const hold = held.get(db);
  if (hold) hold.works += 1;
  else {
    held.set(db, { works: 1, setting: db.pragma('wal_autocheckpoint', { simple: true }) as number });
    db.pragma('wal_autocheckpoint = 0');
  }
}

export function releaseCheckpoints(db: Database): void {
  const hold = held.get(db);
  if (!hold) return;
  hold.works -= 1;
  if (hold.works > 0) return;
  held.delete(db);
  if (db.open) db.pragma(`wal_autocheckpoint = ${hold.setting}`);
}
