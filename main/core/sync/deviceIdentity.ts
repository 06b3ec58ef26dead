import type { Database } from 'better-sqlite3';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import os from 'node:os';

export interface DeviceIdentity {
  deviceId: string;
  name: string;
  /** SPKI DER, base64: what bundles carry and peers pin. */
  publicKey: string;
  privateKey: KeyObject;
}

const meta = (db: Database, key: string) =>
  db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
const setMeta = (db: Database, key: string, value: string) =>
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);

/**
 * This installation's signing identity, created on first use: an ed25519 key pair kept in the
 * local meta table (never in the change log, never in a bundle but for the public half) and a
 * name people recognise ("Rapporteur B, room 2"), the computer's name until someone edits it.
 */
export function deviceIdentity(db: Database, deviceId: string): DeviceIdentity {
  let privatePem = meta(db, 'device_private_key');
  if (!privatePem) {
    const pair = generateKeyPairSync('ed25519');
    privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    db.transaction(() => {
      setMeta(db, 'device_private_key', privatePem as string);
      setMeta(db, 'device_public_key', pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'));
    })();
  }
  const privateKey = createPrivateKey(privatePem);
  const publicKey = meta(db, 'device_public_key') ?? createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  return { deviceId, name: meta(db, 'device_name') ?? os.hostname(), publicKey, privateKey };
}

export function renameDevice(db: Database, name: string): void {
  setMeta(db, 'device_name', name);
}

/** A key's fingerprint as people compare it aloud: 16 base32 characters in four groups. */
export function fingerprintOf(publicKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest();
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I to misread
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

export function signBytes(identity: DeviceIdentity, bytes: Uint8Array): string {
  return sign(null, bytes, identity.privateKey).toString('base64');
}

export function verifyBytes(publicKey: string, bytes: Uint8Array, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
