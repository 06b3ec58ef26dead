import type { Database } from 'better-sqlite3';
import { cachedStatement } from './cachedStatement';

export interface KnownDevice {
  deviceId: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  trustedAt: string;
  lastImportAt: string | null;
}

// Local trust decisions: never logged, never bundled; each laptop decides whom it trusts.
export function getKnownDevice(db: Database, deviceId: string): KnownDevice | undefined {
  return db
    .prepare(
      `SELECT device_id AS deviceId, name, public_key AS publicKey, fingerprint, trusted_at AS trustedAt,
              last_import_at AS lastImportAt FROM known_devices WHERE device_id = ?`,
    )
    .get(deviceId) as KnownDevice | undefined;
}

export function rememberDevice(db: Database, device: Omit<KnownDevice, 'lastImportAt' | 'trustedAt'>, at: string): void {
  cachedStatement(
    db,
    `INSERT INTO known_devices (device_id, name, public_key, fingerprint, trusted_at, last_import_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET name = excluded.name, last_import_at = excluded.last_import_at`,
  ).run(device.deviceId, device.name, device.publicKey, device.fingerprint, at, at);
}

/** Records that `peer` has every change of each device up to the given clock (never lowering it). */
export function rememberPeerKnowledge(db: Database, peer: string, forumId: string, knowledge: Array<{ device: string; hlc: string }>): void {
  const upsert = cachedStatement(
    db,
    `INSERT INTO peer_knowledge (peer, forum_id, device, hlc) VALUES (?, ?, ?, ?)
     ON CONFLICT (peer, forum_id, device) DO UPDATE SET hlc = max(hlc, excluded.hlc)`,
  );
  for (const k of knowledge) upsert.run(peer, forumId, k.device, k.hlc);
}

/** Laptops this one has imported from, newest first; with `forumId`, only those that sent that forum. */
export function listKnownDevices(db: Database, forumId: string): KnownDevice[] {
  return db
    .prepare(
      `SELECT device_id AS deviceId, name, public_key AS publicKey, fingerprint, trusted_at AS trustedAt,
              last_import_at AS lastImportAt FROM known_devices
        WHERE device_id IN (SELECT peer FROM peer_knowledge WHERE forum_id = ?)
        ORDER BY last_import_at DESC`,
    )
    .all(forumId) as KnownDevice[];
}
