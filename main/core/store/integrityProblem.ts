import Database from 'better-sqlite3';
import fs from 'node:fs';

/**
 * The first problem `PRAGMA integrity_check` finds in a database file (a backup copy), or
 * undefined when it says ok. Read-only, on a connection of its own; runs wherever it is called,
 * which for a large copy is a worker thread (backupForImport.ts): it reads the whole file.
 */
export function integrityProblem(copy: string, nativeBinding: string | undefined): string | undefined {
  let check: Database.Database | undefined;
  try {
    check = new Database(copy, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const result = check.pragma('integrity_check', { simple: true });
    return result === 'ok' ? undefined : String(result);
  } catch (error) {
    return (error as Error).message;
  } finally {
    check?.close();
    // The copy is in WAL mode like its source, so reading it made -wal and -shm files: ours alone.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${copy}${suffix}`, { force: true });
  }
}
