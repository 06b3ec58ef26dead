import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';
import { integrityProblem } from './integrityProblem';
import { checkpointsMade, checkpointWal, holdCheckpoints, releaseCheckpoints } from './walCheckpoints';

/** How many backups a folder keeps: the newest few, and the newest of each recent day. */
export interface BackupRetention {
  /** The newest backups kept whatever their age. */
  newest: number;
  /** Beyond those, the newest backup of each of this many calendar days (UTC), today included. */
  dailyDays: number;
}

export const defaultRetention: BackupRetention = { newest: 10, dailyDays: 30 };

export interface BackupOptions {
  retention?: Partial<BackupRetention>;
  /** The clock the backup's name and the retention count from; tests set it. */
  now?: number;
  /**
   * Checks a copy larger than `checkHereUpTo` bytes somewhere else (a worker thread): the check
   * reads the whole file, which for a day's forum takes half a second and more, and on the main
   * thread no window could be answered meanwhile. Answers the problem found, or undefined.
   */
  checkElsewhere?: (copy: string) => Promise<string | undefined>;
  /** Copies up to this size are checked here, where a thread would take longer to start. */
  checkHereUpTo?: number;
}

/** About 40 ms of checking on our machines: less than a worker thread takes to start. */
export const defaultCheckHereUpTo = 8 * 1024 * 1024;

// The native binding each connection was opened with (Electron has its own build of
// better-sqlite3): the backup is checked through a connection of its own, which needs the same.
const nativeBindings = new WeakMap<Database.Database, string>();

export function rememberNativeBinding(db: Database.Database, nativeBinding: string | undefined): void {
  if (nativeBinding) nativeBindings.set(db, nativeBinding);
}

/** The folder backups of `file` go to: the one given, or `backups` beside the database. */
export function backupFolder(file: string, backupDir?: string): string {
  return backupDir ?? path.join(path.dirname(file), 'backups');
}

const stampOf = (millis: number) => new Date(millis).toISOString().replace(/[:.]/g, '-');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const stampPattern = '(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z';

/**
 * A consistent copy through SQLite's online backup API, named so the newest sorts last. It is
 * written under a temporary name, passes `PRAGMA integrity_check` on a read-only connection (on
 * another thread when large and the caller gives one: `checkElsewhere`), and only then takes its
 * real name, so a backup that exists is a whole, readable database. Created
 * 0600 in a 0700 folder: it holds the same personal data as the database. Older backups beyond
 * the retention are removed afterwards. On any failure the partial copy is removed and a
 * `backup_failed` error says why; the database and the other backups are left as they were.
 */
export async function backupDatabase(
  db: Database.Database,
  file: string,
  backupDir: string | undefined,
  reason: string,
  options: BackupOptions = {},
): Promise<string> {
  const dir = backupFolder(file, backupDir);
  const base = path.basename(file, path.extname(file));
  const now = options.now ?? Date.now();
  const target = path.join(dir, `${base}-${stampOf(now)}-${reason}.sqlite`);
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  const failed = (why: string) =>
    new CoreError(
      'backup_failed',
      `Plenary could not back up ${file} to ${dir} (${why}), so it changed nothing. Free some disk space or check that folder, then try again.`,
    );
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Made empty with its mode first: SQLite keeps an existing file's mode, and gives its journal the same.
    fs.closeSync(fs.openSync(partial, 'wx', 0o600));
    if (!(await copyCheckpointedFile(db, file, partial))) await db.backup(partial);
  } catch (error) {
    removeWithCompanions(partial);
    throw failed((error as Error).message);
  }
  const problem = await checkCopy(partial, nativeBindings.get(db), options);
  if (problem !== undefined) {
    removeWithCompanions(partial);
    throw new CoreError(
      'backup_failed',
      `The backup copy of ${file} failed SQLite's integrity check (${problem}), so it was removed and nothing was changed. The database itself may be damaged: keep the backups in ${dir} and ask for help before writing to it.`,
    );
  }
  try {
    fs.renameSync(partial, target);
  } catch (error) {
    removeWithCompanions(partial);
    throw failed((error as Error).message);
  }
  pruneBackups(dir, base, { ...defaultRetention, ...options.retention }, now);
  return target;
}

/** Removes a backup made for a write that then failed: the write changed nothing, so neither does the backup. */
export function discardBackup(backupPath: string): void {
  removeWithCompanions(backupPath);
}

/**
 * The database file copied as it stands once the WAL is all in it: the file itself is then the
 * whole database, and the copy is one system call off the main thread, where SQLite's backup API
 * (the fallback) copies the pages a hundred at a time on it, with the event loop turning between
 * steps. Answers false, having copied nothing usable, when the WAL could not be written back in
 * full (a reader still needs some of it) or when anything was checkpointed into the file while it
 * was being copied (SQLite's own checkpoints are held off meanwhile; ours are counted, and the
 * file's modification time shows another process's).
 */
async function copyCheckpointedFile(db: Database.Database, file: string, partial: string): Promise<boolean> {
  if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') return false;
  holdCheckpoints(db);
  try {
    const result = checkpointWal(db, 'PASSIVE');
    if (!result || result.busy !== 0 || result.log !== result.checkpointed) return false;
    const before = checkpointsMade(db);
    // Another process's checkpoint (the CLI beside the app) is not counted here: it shows as a write.
    const written = (await fs.promises.stat(file, { bigint: true })).mtimeNs;
    await fs.promises.copyFile(file, partial);
    const unchanged = (await fs.promises.stat(file, { bigint: true })).mtimeNs === written;
    // As the backup API leaves it: the owner's alone (a copy takes its source's mode), on disk.
    const handle = await fs.promises.open(partial, 'r+');
    try {
      await handle.chmod(0o600);
      if (unchanged && checkpointsMade(db) === before && db.open) {
        await handle.datasync();
        return true;
      }
      // Perhaps torn: the backup API starts again from an empty file.
      await handle.truncate(0);
      return false;
    } finally {
      await handle.close();
    }
  } finally {
    releaseCheckpoints(db);
  }
}

async function checkCopy(copy: string, nativeBinding: string | undefined, options: BackupOptions): Promise<string | undefined> {
  const elsewhere = options.checkElsewhere;
  if (!elsewhere || fs.statSync(copy).size <= (options.checkHereUpTo ?? defaultCheckHereUpTo)) return integrityProblem(copy, nativeBinding);
  try {
    return await elsewhere(copy);
  } catch (error) {
    // A check that could not run proves nothing: the copy is not kept.
    return (error as Error).message;
  }
}

/** Best effort: it runs on the way out of a failure (whose error matters more) or after a backup succeeded. */
function removeWithCompanions(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    try {
      fs.rmSync(`${file}${suffix}`, { force: true });
    } catch {
      // A folder that cannot be read holds nothing we made.
    }
  }
}

/**
 * Keeps the newest `newest` backups of the database named `base`, plus the newest of each of the
 * last `dailyDays` calendar days (UTC), and removes the others. Only files named as backupDatabase
 * names them are considered, so anything else kept in the folder is left alone. A partial copy
 * over an hour old is a backup that crashed half-way, and goes too.
 */
export function pruneBackups(dir: string, base: string, retention: BackupRetention, now = Date.now()): string[] {
  const complete = new RegExp(`^${escapeRegExp(base)}-${stampPattern}-[a-z0-9-]+\\.sqlite$`);
  const partial = new RegExp(`^${escapeRegExp(base)}-${stampPattern}-[a-z0-9-]+\\.sqlite\\.partial-[0-9a-f]+$`);
  const timeOf = (match: RegExpExecArray) => Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  const backups: Array<{ name: string; day: string; time: number }> = [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const found = complete.exec(name);
    if (found) {
      backups.push({ name, day: found[1] ?? '', time: timeOf(found) });
      continue;
    }
    const crashed = partial.exec(name);
    if (crashed && timeOf(crashed) < now - 3_600_000) removed.push(name);
  }
  backups.sort((a, b) => b.time - a.time || (a.name < b.name ? 1 : -1));
  const firstDay = new Date(now - (retention.dailyDays - 1) * 86_400_000).toISOString().slice(0, 10);
  const daysKept = new Set<string>();
  backups.forEach((backup, index) => {
    const newestOfItsDay = !daysKept.has(backup.day);
    daysKept.add(backup.day);
    if (index < retention.newest) return;
    if (newestOfItsDay && retention.dailyDays > 0 && backup.day >= firstDay) return;
    removed.push(backup.name);
  });
  for (const name of removed) removeWithCompanions(path.join(dir, name));
  return removed;
}
