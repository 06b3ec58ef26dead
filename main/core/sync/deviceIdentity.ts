import type { Database } from 'better-sqlite3';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import os from 'node:os';
import { deviceName, maxDeviceNameLength } from '../../../shared/sync';
import { CoreError } from '../errors';
import type { HybridClock } from './hybridClock';
import { keyUnavailable, type DeviceKeyStore } from './deviceKeyStore';

export interface PublicDeviceIdentity {
  deviceId: string;
  name: string;
  /** SPKI DER, base64: what bundles carry and peers pin. */
  publicKey: string;
}

export interface DeviceIdentity extends PublicDeviceIdentity {
  privateKey: KeyObject;
}

/** What signing needs: the database (device id, public key, name) and where the private key is. */
export interface KeyHolder {
  db: Database;
  deviceId: string;
  /** Null on connections that never sign (the import and export workers). */
  deviceKeys: DeviceKeyStore | null;
}

const meta = (db: Database, key: string) =>
  db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
const setMeta = (db: Database, key: string, value: string) =>
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);

export const publicKeyOf = (privatePem: string): string =>
  createPublicKey(createPrivateKey(privatePem)).export({ type: 'spki', format: 'der' }).toString('base64');

/** The public half this device signs with, if it has ever had a key; never creates one. */
export const ownPublicKey = (db: Database): string | undefined => meta(db, 'device_public_key');

/**
 * This installation's signing identity: an ed25519 key pair, created on first use, and a name
 * people recognise ("Rapporteur B, room 2"), the computer's name until someone edits it. The
 * public half is kept in the local meta table (never in the change log); the private half only in
 * the key store, so the database and its backups never hold it.
 *
 * A device that has a public key but whose store is empty has lost its key: other laptops pin
 * that key to this device id and would refuse bundles signed by a new one, so no key is made in
 * its place. The user restores the key file, or deliberately starts a new identity.
 */
export function deviceIdentity(holder: KeyHolder): DeviceIdentity {
  const { db, deviceId } = holder;
  const store = signingStore(holder);
  const publicKey = ownPublicKey(db);
  let privatePem = store.read();
  if (privatePem === undefined) {
    if (publicKey !== undefined) {
      throw keyUnavailable(
        `This laptop (device ${deviceId}) signs with a key that is no longer in ${store.location}. Other laptops know this device by that key and would refuse bundles signed by any other, so Plenary has not made a new one. Restore the key file from your backup of this computer; if it is lost for good, start a new identity (plenary device new-identity --confirm), which other laptops will be asked to trust as a new device.`,
      );
    }
    privatePem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    storeVerified(store, privatePem);
  }
  const derived = publicKeyOf(privatePem);
  if (publicKey === undefined) setMeta(db, 'device_public_key', derived);
  else if (publicKey !== derived) {
    throw keyUnavailable(
      `The key in ${store.location} is not this laptop's (device ${deviceId}, fingerprint ${fingerprintOf(publicKey)}); it belongs to another device (fingerprint ${fingerprintOf(derived)}). Put back this database's own key file.`,
    );
  }
  return { deviceId, name: meta(db, 'device_name') ?? os.hostname(), publicKey: derived, privateKey: createPrivateKey(privatePem) };
}

/** Name and public key, for showing and comparing; creates the identity only if it has none. */
export function publicDeviceIdentity(holder: KeyHolder): PublicDeviceIdentity {
  const publicKey = ownPublicKey(holder.db);
  if (publicKey === undefined) {
    const { privateKey: _secret, ...identity } = deviceIdentity(holder);
    return identity;
  }
  return { deviceId: holder.deviceId, name: meta(holder.db, 'device_name') ?? os.hostname(), publicKey };
}

/**
 * A new device id and key pair, for a laptop whose key is lost or may have been copied. Changes
 * made under the old id stay in the log and keep travelling in bundles; other laptops will be
 * asked to trust this one as a new device. Its clock carries on, so its next change still sorts
 * after everything it wrote before.
 */
export function startNewIdentity(holder: KeyHolder & { clock: HybridClock }): DeviceIdentity {
  const store = signingStore(holder);
  const deviceId = randomUUID();
  const privatePem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  storeVerified(store, privatePem, true);
  holder.db.transaction(() => {
    setMeta(holder.db, 'device_id', deviceId);
    setMeta(holder.db, 'device_public_key', publicKeyOf(privatePem));
    setMeta(holder.db, 'clock', holder.clock.current());
  })();
  holder.deviceId = deviceId;
  return deviceIdentity(holder);
}

function signingStore(holder: KeyHolder): DeviceKeyStore {
  if (!holder.deviceKeys) throw new CoreError('internal', 'This connection was opened without a key store and cannot sign.');
  return holder.deviceKeys;
}

/** Written, then read back: a key that cannot be read again must not be the one we sign with. */
function storeVerified(store: DeviceKeyStore, privatePem: string, replace = false): void {
  store.write(privatePem, { replace });
  if (store.read() !== privatePem) {
    throw keyUnavailable(`The signing key written to ${store.location} did not read back the same; nothing was signed with it.`);
  }
}

/** Whether someone chose this laptop's name; until then it goes by the computer's host name. */
export const deviceNamed = (db: Database): boolean => meta(db, 'device_name') !== undefined;

/**
 * Names this laptop as other laptops will see it (in their import previews and histories: the
 * name travels in every bundle's signed manifest). Checked here whoever calls, so a name with
 * control characters, blank or too long never reaches a bundle; returns the name as stored (trimmed).
 */
export function renameDevice(db: Database, name: string): string {
  const parsed = deviceName.safeParse(name);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: 'name', message: issue.message }));
    throw new CoreError('invalid_input', `A laptop's name must be 1 to ${maxDeviceNameLength} visible characters on one line.`, issues);
  }
  setMeta(db, 'device_name', parsed.data);
  return parsed.data;
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

/**
 * Public keys already decoded, by their text. A merge checks every bundle's manifest and signed
 * blocks with the same few keys, and decoding one each time cost it 40-55 ms of the worker in
 * all (profile of 50 bundles). Bounded: a bundle's keys are input, and many need not be kept.
 */
const decodedKeys = new Map<string, KeyObject>();
const decodedKeysKept = 256;

function publicKeyObject(publicKey: string): KeyObject {
  let key = decodedKeys.get(publicKey);
  if (!key) {
    key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (decodedKeys.size >= decodedKeysKept) decodedKeys.delete(decodedKeys.keys().next().value as string);
    decodedKeys.set(publicKey, key);
  }
  return key;
}

export function verifyBytes(publicKey: string, bytes: Uint8Array, signature: string): boolean {
  try {
    const key = publicKeyObject(publicKey);
    return key.asymmetricKeyType === 'ed25519' && verify(null, bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
