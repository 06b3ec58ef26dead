import type { Database } from 'better-sqlite3';
import type { CoreContext } from '../coreContext';
import { discardBackup } from '../store/backupDatabase';
import { cachedStatement } from '../store/cachedStatement';
import { backupForImport } from '../workers/backupForImport';

/**
 * The backup an import takes before it writes, begun while its preview is read. Copying and
 * checking the secretariat's database takes half a second after one WUF evening and grows every
 * day; made at the click, the import waits for it before its first write. Begun once the preview
 * has answered, it is ready by the click, and the import takes it if the database is exactly as
 * it was when the backup began: nothing written on this connection (SQLite's count of rows
 * changed) and nothing committed by any other (its data_version). Otherwise, or if it failed,
 * the import backs up afresh as it always did, and this one is removed.
 *
 * One is kept at a time, and not for long: a preview nobody imports leaves no backup.
 */
interface Ahead {
  /** The database as the backup began: see databaseState. */
  state: string;
  backupDir: string | undefined;
  made: Promise<string>;
  expiry: ReturnType<typeof setTimeout>;
}

const ahead = new WeakMap<Database, Ahead>();

/** How long a backup begun for a preview waits for its import. */
export const backupAheadKeepMs = 10 * 60 * 1000;

/**
 * Rows this connection ever inserted, updated or deleted, and the commits of other connections
 * it has seen: equal twice, nothing was written in between (every write of ours goes through this
 * connection; the CLI beside the app writes through another).
 */
function databaseState(db: Database): string {
  const written = cachedStatement(db, 'SELECT total_changes()').pluck().get() as number;
  const committed = db.pragma('data_version', { simple: true }) as number;
  return `${written}/${committed}`;
}

/**
 * Begins the backup for the import a preview leads to. One begun for an earlier preview serves
 * this one too while nothing was written since (files added to the list one after another each
 * preview the session again); otherwise it is let go.
 */
export function backUpAhead(ctx: CoreContext, backupDir?: string, keepMs = backupAheadKeepMs): void {
  // Read in the same turn as the backup's own first steps (its checkpoint), so no write comes between.
  const state = databaseState(ctx.db);
  const kept = ahead.get(ctx.db);
  const made = kept && kept.state === state && kept.backupDir === backupDir ? kept.made : backupForImport(ctx, backupDir, 'before-import');
  if (kept && kept.made !== made) dropBackupAhead(ctx);
  if (kept) clearTimeout(kept.expiry);
  made.catch(() => undefined);
  const expiry = setTimeout(() => {
    if (ahead.get(ctx.db)?.made === made) dropBackupAhead(ctx);
  }, keepMs);
  expiry.unref?.();
  ahead.set(ctx.db, { state, backupDir, made, expiry });
}

/**
 * The backup begun for the preview, if it still shows the database as it is and goes to the same
 * folder; a failed one is made again now. Undefined otherwise (and the one begun is removed).
 */
export function takeBackupAhead(ctx: CoreContext, backupDir: string | undefined): Promise<string> | undefined {
  const kept = ahead.get(ctx.db);
  if (!kept) return undefined;
  ahead.delete(ctx.db);
  clearTimeout(kept.expiry);
  if (kept.state !== databaseState(ctx.db) || kept.backupDir !== backupDir) {
    discardWhenMade(kept);
    return undefined;
  }
  // Nothing is written before the import has its backup, so one begun after a failure is as good.
  return kept.made.catch(() => backupForImport(ctx, backupDir, 'before-import'));
}

/** Lets the backup begun for a preview go, removing it once it is made. */
export function dropBackupAhead(ctx: CoreContext): void {
  const kept = ahead.get(ctx.db);
  if (!kept) return;
  ahead.delete(ctx.db);
  clearTimeout(kept.expiry);
  discardWhenMade(kept);
}

const discardWhenMade = (kept: Ahead) => void kept.made.then(discardBackup, () => undefined);
