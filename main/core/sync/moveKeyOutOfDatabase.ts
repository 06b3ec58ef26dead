import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { publicKeyOf } from './deviceIdentity';
import { keyUnavailable, type DeviceKeyStore } from './deviceKeyStore';
import { checkpointWal } from '../store/walCheckpoints';

const privateKeyInMeta = (db: Database.Database) =>
  db.prepare("SELECT value FROM meta WHERE key = 'device_private_key'").pluck().get() as string | undefined;

/**
 * Plenary used to keep the private key in the meta table. On open, a key found there moves to the
 * key store: written, read back, then erased from the database (and from the backups beside it
 * that hold the same key) so that no freed page keeps its bytes.
 *
 * An open-time step rather than a numbered migration: it needs the key store (the keychain, a file
 * beside the database), which a schema migration must not depend on, and it must not run on the
 * worker connections, which have no store.
 */
export function moveKeyOutOfDatabase(
  db: Database.Database,
  store: DeviceKeyStore,
  options: { backupDir: string; nativeBinding?: string },
): void {
  const pem = privateKeyInMeta(db);
  if (pem === undefined) return;
  const publicKey = (db.prepare("SELECT value FROM meta WHERE key = 'device_public_key'").pluck().get() as string | undefined) ?? publicKeyOf(pem);
  const stored = store.read();
  if (stored === undefined) {
    store.write(pem);
    if (store.read() !== pem) {
      throw keyUnavailable(`The signing key copied to ${store.location} did not read back the same; it stays in the database for now.`);
    }
  } else if (publicKeyOf(stored) !== publicKey) {
    // Another database of this name left its key here. Both are kept; the person chooses.
    throw keyUnavailable(
      `The database ${db.name} still holds its own signing key, and ${store.location} holds another device's key (perhaps of a database this one replaced). Neither was changed. Move that key file somewhere safe and open the database again; Plenary will then move the database's key into it.`,
    );
  }
  // Backups first: should this stop halfway, the key is still in the database and the next open
  // finishes the job.
  eraseFromBackups(options.backupDir, pem, options.nativeBinding);
  db.transaction(() => {
    db.prepare("INSERT INTO meta (key, value) VALUES ('device_public_key', ?) ON CONFLICT (key) DO NOTHING").run(publicKey);
  })();
  erasePrivateKey(db);
}

/**
 * Deletes the key from meta with secure_delete on, so SQLite overwrites the freed cell with zeros
 * instead of leaving it in the page's free space, then checkpoints and truncates the WAL so no
 * older copy of the page stays in the -wal file.
 */
function erasePrivateKey(db: Database.Database): void {
  const before = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.prepare("DELETE FROM meta WHERE key = 'device_private_key'").run();
  } finally {
    db.pragma(`secure_delete = ${before === 2 ? 'FAST' : before ? 'ON' : 'OFF'}`);
  }
  checkpointWal(db, 'TRUNCATE');
}

/**
 * Backups written before the move (by earlier versions, or just now before a schema migration)
 * hold the key too. Only a backup holding this very key is touched, and only to erase it: the
 * key is safe in the store, and restoring such a backup simply finds it there.
 */
function eraseFromBackups(backupDir: string, pem: string, nativeBinding: string | undefined): void {
  let names: string[];
  try {
    names = fs.readdirSync(backupDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (/-(wal|shm|journal)$/.test(name)) continue;
    const file = path.join(backupDir, name);
    let backup: Database.Database | undefined;
    try {
      if (!fs.statSync(file).isFile()) continue;
      backup = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
      if (privateKeyInMeta(backup) === pem) erasePrivateKey(backup);
    } catch {
      // Not a Plenary database (or not a file at all), or one without meta: nothing of ours to erase.
    } finally {
      backup?.close();
    }
  }
}
