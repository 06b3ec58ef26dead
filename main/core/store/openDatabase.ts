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
}

/**
 * Opens (creating if needed) and migrates the database. A file that is not a Plenary database,
 * or that a newer Plenary wrote, is refused before a single byte of it is written. A new file is
 * created 0600 (its -wal and -shm companions take the same mode): it holds people's personal data.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Database.Database> {
  const nativeOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const existing = fs.existsSync(file) && fs.statSync(file).size > 0;
  const version = existing ? readVersionReadOnly(file, nativeOptions) : 0;
  if (version > latestVersion) {
    throw new CoreError(
      'db_newer_version',
      `The database ${file} was written by a newer version of Plenary (schema ${version}, this version knows up to ${latestVersion}). Update Plenary to open it; the file was not changed.`,
    );
  }

  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) createPrivately(file);
  const db = new Database(file, nativeOptions);
  rememberNativeBinding(db, options.nativeBinding);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
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

function readVersionReadOnly(file: string, nativeOptions: { nativeBinding?: string }): number {
  // Reading a WAL database creates its -wal and -shm companions; ours to remove if we made them.
  const companions = ['-wal', '-shm'].map((suffix) => `${file}${suffix}`).filter((f) => !fs.existsSync(f));
  let db: Database.Database | undefined;
  let version: number;
  let objects: number;
  try {
    db = new Database(file, { ...nativeOptions, readonly: true, fileMustExist: true });
    const value = db.pragma('user_version', { simple: true });
    version = typeof value === 'number' ? value : 0;
    // Reading the schema proves the file is a database and not merely a file with a header.
    objects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
  } catch (error) {
    throw new CoreError(
      'db_unreadable',
      `The file ${file} could not be read as a Plenary database (${(error as Error).message}). It was not changed; choose another file or restore a backup.`,
    );
  } finally {
    db?.close();
    for (const companion of companions) fs.rmSync(companion, { force: true });
  }
  // Tables but no Plenary version: another program's database, never to be migrated.
  if (version === 0 && objects > 0) {
    throw new CoreError(
      'db_unreadable',
      `The file ${file} is an SQLite database made by another program, not a Plenary database. It was not changed; choose another file.`,
    );
  }
  return version;
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
