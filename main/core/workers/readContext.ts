import Database from 'better-sqlite3';

/**
 * What a worker (or any reader that must not write) knows of the database: a read-only
 * connection and this device's identity as stored. Workers parse, verify and plan; only the main
 * connection writes, so a worker never opens the file for writing, never migrates and never
 * creates an identity.
 */
export interface ReadContext {
  db: Database.Database;
  databasePath: string;
  deviceId: string;
  /** This device's public signing key, once it has made one. */
  ownPublicKey: string | undefined;
}

export function openReadContext(databasePath: string, nativeBinding?: string): ReadContext {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  // A reader never waits on the writer in WAL mode, but a checkpoint may hold the file briefly.
  db.pragma('busy_timeout = 5000');
  return readContextOf(db, databasePath);
}

/** The same view over a connection already open (the main one, for planning in process). */
export function readContextOf(db: Database.Database, databasePath: string): ReadContext {
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const deviceId = meta.get('device_id');
  if (typeof deviceId !== 'string') throw new Error('The database has no device id yet; open it for writing first.');
  const ownPublicKey = meta.get('device_public_key');
  return { db, databasePath, deviceId, ownPublicKey: typeof ownPublicKey === 'string' ? ownPublicKey : undefined };
}
