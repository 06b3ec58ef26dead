import type { Database } from 'better-sqlite3';
import { CoreError } from '../errors';
import { fingerprintOf } from '../sync/deviceIdentity';

/** A paired laptop as this one keeps it (the venue_peers table: device-local, never synced). */
export interface PairedPeer {
  deviceId: string;
  name: string;
  /** Its ed25519 device key (SPKI DER, base64), as bundles carry it. */
  publicKey: string;
  fingerprint: string;
  /** SHA-256 of its venue certificate: how it is recognised on the network. */
  certFingerprint: string;
  /** Where it listens, `https://HOST:PORT` (its URL without the fingerprint). */
  url: string;
  pairedAt: string;
  lastExchangeAt: string | null;
  changesReceived: number;
}

const columns = `device_id AS deviceId, name, public_key AS publicKey, fingerprint, cert_fingerprint AS certFingerprint,
  url, paired_at AS pairedAt, last_exchange_at AS lastExchangeAt, changes_received AS changesReceived`;

export function listPeers(db: Database): PairedPeer[] {
  return db.prepare(`SELECT ${columns} FROM venue_peers ORDER BY paired_at, device_id`).all() as PairedPeer[];
}

export function getPeer(db: Database, deviceId: string): PairedPeer | undefined {
  return db.prepare(`SELECT ${columns} FROM venue_peers WHERE device_id = ?`).get(deviceId) as PairedPeer | undefined;
}

export function peerByCertificate(db: Database, certFingerprint: string): PairedPeer | undefined {
  return db.prepare(`SELECT ${columns} FROM venue_peers WHERE cert_fingerprint = ?`).get(certFingerprint) as PairedPeer | undefined;
}

/**
 * The key this laptop already pins for a device id (trusted, or seen relayed), if any. Pairing
 * never replaces one: a device id under a new key is a different laptop claiming its name.
 */
export function assertSameDeviceKey(db: Database, deviceId: string, publicKey: string, name: string): void {
  const pinned = db
    .prepare('SELECT public_key FROM known_devices WHERE device_id = ? UNION ALL SELECT public_key FROM relayed_devices WHERE device_id = ?')
    .pluck()
    .all(deviceId, deviceId) as string[];
  const other = pinned.find((key) => key !== publicKey);
  if (other !== undefined) {
    throw new CoreError(
      'peer_key_changed',
      `“${name}” (${deviceId}) presents the device key ${fingerprintOf(publicKey)}, but this laptop knows that device under the key ${fingerprintOf(other)}. It was not paired.`,
    );
  }
}

/**
 * Pins a paired laptop: its certificate for the network, and its device key trusted exactly as
 * importing its first bundle with "trust" does (known_devices), so its bundles need no question.
 * The certificate may change only by pairing again (with a code); the device key never.
 */
export function savePeer(db: Database, peer: Omit<PairedPeer, 'lastExchangeAt' | 'changesReceived' | 'fingerprint'>): void {
  const fingerprint = fingerprintOf(peer.publicKey);
  db.transaction(() => {
    assertSameDeviceKey(db, peer.deviceId, peer.publicKey, peer.name);
    // A certificate pinned for another device id was that laptop's before it took a new identity.
    db.prepare('DELETE FROM venue_peers WHERE cert_fingerprint = ? AND device_id <> ?').run(peer.certFingerprint, peer.deviceId);
    db.prepare(
      `INSERT INTO venue_peers (device_id, name, public_key, fingerprint, cert_fingerprint, url, paired_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET name = excluded.name, cert_fingerprint = excluded.cert_fingerprint,
         url = excluded.url, paired_at = excluded.paired_at`,
    ).run(peer.deviceId, peer.name, peer.publicKey, fingerprint, peer.certFingerprint, peer.url, peer.pairedAt);
    db.prepare(
      `INSERT INTO known_devices (device_id, name, public_key, fingerprint, trusted_at, last_import_at)
       VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT (device_id) DO NOTHING`,
    ).run(peer.deviceId, peer.name, peer.publicKey, fingerprint, peer.pairedAt);
  })();
}

export function removePeer(db: Database, deviceId: string): void {
  db.prepare('DELETE FROM venue_peers WHERE device_id = ?').run(deviceId);
}

export function recordExchange(db: Database, deviceId: string, at: string, changes: number): void {
  db.prepare('UPDATE venue_peers SET last_exchange_at = ?, changes_received = changes_received + ? WHERE device_id = ?').run(at, changes, deviceId);
}

/** Venue mode on this device: on when a host is remembered (the meta table: this device's, never synced). */
export interface VenueSetting {
  host: string;
  port: number;
}

export function venueSetting(db: Database): VenueSetting | null {
  const read = (key: string) => db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  const host = read('venue_host');
  const port = Number(read('venue_port'));
  return host && Number.isInteger(port) && port > 0 && port < 65536 ? { host, port } : null;
}

export function rememberVenueSetting(db: Database, setting: VenueSetting | null): void {
  const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    if (setting) {
      set.run('venue_host', setting.host);
      set.run('venue_port', String(setting.port));
    } else db.prepare("DELETE FROM meta WHERE key IN ('venue_host', 'venue_port')").run();
  })();
}
