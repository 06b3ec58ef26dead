import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';
import { backupDatabase, rememberNativeBinding, type BackupRetention } from './backupDatabase';
import { latestVersion, migrations } from './migrations';

export { backupDatabase } from './backupDatabase';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron keeps its own). */
  nativeBinding?: string;
  /** Where backups go; defaults to a `backups` folder beside the database. */
  backupDir?: string;
  /** How many backups to keep (see backupDatabase); the default keeps 10 and one a day for 30 days. */
  backupRetention?: Partial<BackupRetention>;
  /**
   * Only read: the file is opened read-only, never created, migrated or backed up, and a
   * database an older Plenary wrote is refused (`db_needs_upgrade`) rather than upgraded.
   */
  readonly?: boolean;
}

type NativeOptions = { nativeBinding?: string };

/**
 * Opens (creating if needed) and migrates the database. A file that is not a Plenary database,
 * or that a newer Plenary wrote, is refused before a single byte of it is written. A new file is
 * created 0600 (its -wal and -shm companions take the same mode): it holds people's personal data.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Database.Database> {
  const nativeOptions: NativeOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (options.readonly) return openReadOnly(file, nativeOptions);
  const existing = fs.existsSync(file) && fs.statSync(file).size > 0;
  const version = existing ? readVersionReadOnly(file, nativeOptions) : 0;

  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) createPrivately(file);
  const db = new Database(file, nativeOptions);
  rememberNativeBinding(db, options.nativeBinding);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The one writing connection never competes with another writer, but a reader's checkpoint or
    // another program (a stock sqlite3 shell) may hold the file a moment: wait, do not fail.
    db.pragma('busy_timeout = 5000');
    if (existing && version < latestVersion) {
      await backupDatabase(db, file, options.backupDir, `before-v${latestVersion}`, options.backupRetention ? { retention: options.backupRetention } : {});
    }
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** An empty file is a new database to SQLite, which keeps the mode of a file it did not create. */
function createPrivately(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** What sits beside the file before we open it; a read-only open may add -wal and -shm. */
const companionsMissing = (file: string) => ['-wal', '-shm'].map((suffix) => `${file}${suffix}`).filter((f) => !fs.existsSync(f));

/**
 * Removes the -wal and -shm files a read-only connection left behind (SQLite cannot remove them
 * from one), but only when no other connection uses them now: SQLite itself decides, as the
 * last connection to close removes them. That connection writes nothing of its own: it
 * checkpoints a WAL our connection never wrote to (empty, unless another process committed
 * meanwhile, whose changes belong in the file anyway). A file SQLite cannot read (not a
 * database) had no use for them.
 */
function releaseCompanions(file: string, created: string[], nativeOptions: NativeOptions): void {
  if (!created.some((f) => fs.existsSync(f))) return;
  let closer: Database.Database | undefined;
  try {
    closer = new Database(file, { ...nativeOptions, fileMustExist: true });
    closer.prepare('SELECT count(*) FROM sqlite_schema').get();
    closer.close();
  } catch {
    closer?.close();
    for (const f of created) fs.rmSync(f, { force: true });
  }
}

interface Inspection {
  version: number;
  objects: number;
}

/** The schema version, read through a connection that is already open read-only. */
function inspect(db: Database.Database, file: string): Inspection {
  try {
    const value = db.pragma('user_version', { simple: true });
    // Reading the schema proves the file is a database and not merely a file with a header.
    const objects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    return { version: typeof value === 'number' ? value : 0, objects };
  } catch (error) {
    throw unreadable(file, error);
  }
}

const unreadable = (file: string, error: unknown) =>
  new CoreError(
    'db_unreadable',
    `The file ${file} could not be read as a Plenary database (${(error as Error).message}). It was not changed; choose another file or restore a backup.`,
  );

/** Refuses what no version of this Plenary may open: another program's file, or a newer Plenary's. */
function refuseForeign(file: string, { version, objects }: Inspection): void {
  // Tables but no Plenary version: another program's database, never to be migrated.
  if (version === 0 && objects > 0) {
    throw new CoreError(
      'db_unreadable',
      `The file ${file} is an SQLite database made by another program, not a Plenary database. It was not changed; choose another file.`,
    );
  }
  if (version > latestVersion) {
    throw new CoreError(
      'db_newer_version',
      `The database ${file} was written by a newer version of Plenary (schema ${version}, this version knows up to ${latestVersion}). Update Plenary to open it; the file was not changed.`,
    );
  }
}

function readVersionReadOnly(file: string, nativeOptions: NativeOptions): number {
  const created = companionsMissing(file);
  let db: Database.Database | undefined;
  let found: Inspection;
  try {
    db = new Database(file, { ...nativeOptions, readonly: true, fileMustExist: true });
    found = inspect(db, file);
  } catch (error) {
    throw error instanceof CoreError ? error : unreadable(file, error);
  } finally {
    db?.close();
    releaseCompanions(file, created, nativeOptions);
  }
  refuseForeign(file, found);
  return found.version;
}

// Read-only connections to close with closeDatabase, and the companions they may have created.
const readOnlyCleanups = new WeakMap<Database.Database, () => void>();

function openReadOnly(file: string, nativeOptions: NativeOptions): Database.Database {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) {
    throw new CoreError('db_unreadable', `There is no Plenary database at ${file}. Nothing was created; check the path.`);
  }
  const created = companionsMissing(file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { ...nativeOptions, readonly: true, fileMustExist: true });
    const found = inspect(db, file);
    refuseForeign(file, found);
    if (found.version < latestVersion) {
      throw new CoreError(
        'db_needs_upgrade',
        `${found.version === 0 ? `The file ${file} holds no Plenary data yet` : `The database ${file} was written by an older Plenary (schema ${found.version}; this version uses ${latestVersion})`}, and this command only reads, so it did not upgrade it. Open it in the app, or run \`plenary upgrade --db ${file}\` (a backup is written first), then try again. The file was not changed.`,
      );
    }
  } catch (error) {
    db?.close();
    releaseCompanions(file, created, nativeOptions);
    throw error instanceof CoreError ? error : unreadable(file, error);
  }
  rememberNativeBinding(db, nativeOptions.nativeBinding);
  readOnlyCleanups.set(db, () => releaseCompanions(file, created, nativeOptions));
  return db;
}

/** Closes a connection; after a read-only one, removes the -wal and -shm files opening it made. */
export function closeDatabase(db: Database.Database): void {
  if (db.open) db.close();
  const cleanup = readOnlyCleanups.get(db);
  readOnlyCleanups.delete(db);
  cleanup?.();
}

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
