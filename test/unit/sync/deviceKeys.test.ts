import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { closeCore, openCore, type CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { CoreError } from '../../../main/core/errors';
import { writeRow } from '../../../main/core/store/changeLog';
import { backupDatabase } from '../../../main/core/store/openDatabase';
import { deviceIdentity, publicKeyOf, startNewIdentity } from '../../../main/core/sync/deviceIdentity';
import { fileKeyStore, keyFilePath } from '../../../main/core/sync/deviceKeyStore';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { readBundle } from '../../../main/core/sync/readBundle';
import { importBytes, previewBytes } from '../helpers/exchange';
import { snapshot, tempCore, tempDir } from '../helpers/tempCore';

const posix = process.platform !== 'win32';

/** The PEM's base64 past PKCS#8's fixed ed25519 prefix: the text that encodes the secret seed. */
const secretOf = (pem: string) => pem.split('\n')[1]?.slice(24) ?? '';

/** Whether a file holds the secret, or any 12 characters of it (a fragment left in free space). */
function holdsSecret(file: string, pem: string): boolean {
  if (!fs.existsSync(file)) return false;
  const bytes = fs.readFileSync(file);
  const secret = secretOf(pem);
  expect(secret.length).toBeGreaterThan(30);
  for (let i = 0; i + 12 <= secret.length; i += 1) if (bytes.includes(secret.slice(i, i + 12))) return true;
  return false;
}

const pemOf = (ctx: CoreContext) => deviceIdentity(ctx).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const metaKey = (ctx: CoreContext, key: string) => ctx.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
const newPem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** A database as Plenary kept it before: the private key in meta, a forum, a name edited often. */
async function olderDatabase(file: string, pem = newPem()) {
  const ctx = await openCore(file, { deviceKeys: null });
  const forum = createDemoForum(ctx);
  ctx.db.prepare("INSERT INTO meta (key, value) VALUES ('device_private_key', ?), ('device_public_key', ?)").run(pem, publicKeyOf(pem));
  for (let i = 0; i < 40; i += 1) ctx.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('device_name', ?)").run(`Rapporteur ${'B'.repeat(i)}`);
  const backup = await backupDatabase(ctx.db, file, path.join(path.dirname(file), 'backups'), 'before-v99');
  const deviceId = ctx.deviceId;
  closeCore(ctx);
  return { pem, forum, backup, deviceId };
}

describe('the device key', () => {
  it('is kept out of the database, in a file beside it that only its owner can read', async () => {
    const previous = process.umask(0o000); // a careless umask must not widen the key file
    let ctx: CoreContext;
    try {
      ctx = await tempCore();
      createDemoForum(ctx);
      exportBundle(ctx, { forumId: (ctx.db.prepare('SELECT id FROM forums').pluck().get() as string) ?? '' });
    } finally {
      process.umask(previous);
    }
    const pem = pemOf(ctx);
    const file = keyFilePath(ctx.databasePath);
    expect(fs.readFileSync(file, 'utf8')).toBe(pem);
    if (posix) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(metaKey(ctx, 'device_private_key')).toBeUndefined();
    expect(metaKey(ctx, 'device_public_key')).toBe(publicKeyOf(pem));
    expect(holdsSecret(ctx.databasePath, pem)).toBe(false);
    expect(holdsSecret(`${ctx.databasePath}-wal`, pem)).toBe(false);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is not in a backup of the database', async () => {
    const ctx = await tempCore();
    const forum = createDemoForum(ctx);
    exportBundle(ctx, { forumId: forum.id });
    const backup = await backupDatabase(ctx.db, ctx.databasePath, tempDir(), 'test');
    expect(fs.statSync(backup).size).toBeGreaterThan(100_000);
    expect(holdsSecret(backup, pemOf(ctx))).toBe(false);
  });

  it('is one per database when several share a folder', async () => {
    const dir = tempDir();
    const a = await openCore(path.join(dir, 'a.sqlite'));
    const b = await openCore(path.join(dir, 'b.sqlite'));
    try {
      expect(pemOf(a)).not.toBe(pemOf(b));
      expect(fs.readdirSync(dir).filter((name) => name.endsWith('.key')).sort()).toEqual(['a.sqlite.key', 'b.sqlite.key']);
    } finally {
      closeCore(a);
      closeCore(b);
    }
  });

  it('moves out of an older database, its WAL and its backups on open, and keeps signing as before', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plenary.sqlite');
    const older = await olderDatabase(file);
    // Another database's backup in the same folder keeps its own key: not ours to touch.
    const strangerPem = newPem();
    const stranger = path.join(dir, 'backups', 'other.sqlite');
    const db = new Database(stranger);
    db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('device_private_key', 'x')");
    db.prepare("UPDATE meta SET value = ? WHERE key = 'device_private_key'").run(strangerPem);
    db.close();
    expect(holdsSecret(file, older.pem)).toBe(true);
    expect(holdsSecret(older.backup, older.pem)).toBe(true);

    const ctx = await openCore(file);
    try {
      expect(fs.readFileSync(keyFilePath(file), 'utf8')).toBe(older.pem);
      expect(metaKey(ctx, 'device_private_key')).toBeUndefined();
      expect(ctx.deviceId).toBe(older.deviceId);
      expect(holdsSecret(file, older.pem)).toBe(false);
      expect(holdsSecret(`${file}-wal`, older.pem)).toBe(false);
      expect(holdsSecret(older.backup, older.pem)).toBe(false);
      expect(new Database(older.backup, { readonly: true }).prepare('SELECT count(*) FROM forums').pluck().get()).toBe(1);
      expect(holdsSecret(stranger, strangerPem)).toBe(true);

      const bundle = readBundle(exportBundle(ctx, { forumId: older.forum.id }).bytes);
      expect(bundle.manifest.device).toMatchObject({ id: older.deviceId, publicKey: publicKeyOf(older.pem) });
    } finally {
      closeCore(ctx);
    }
  });

  it('finishes a move that stopped after the key file was written', async () => {
    const file = path.join(tempDir(), 'plenary.sqlite');
    const older = await olderDatabase(file);
    fs.writeFileSync(keyFilePath(file), older.pem, { mode: 0o600 });
    const ctx = await openCore(file);
    expect(metaKey(ctx, 'device_private_key')).toBeUndefined();
    expect(pemOf(ctx)).toBe(older.pem);
    closeCore(ctx);
  });

  it('refuses to open an older database beside another database’s key file, changing neither', async () => {
    const file = path.join(tempDir(), 'plenary.sqlite');
    const older = await olderDatabase(file);
    const foreign = newPem();
    fs.writeFileSync(keyFilePath(file), foreign, { mode: 0o600 });
    await expect(openCore(file)).rejects.toMatchObject({ code: 'device_key_unavailable', message: expect.stringMatching(/Neither was changed/) });
    expect(fs.readFileSync(keyFilePath(file), 'utf8')).toBe(foreign);
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'device_private_key'").pluck().get()).toBe(older.pem);
    db.close();
  });

  it('once lost, is reported rather than silently replaced: other laptops pin it', async () => {
    const file = path.join(tempDir(), 'plenary.sqlite');
    let ctx = await openCore(file);
    const forum = createDemoForum(ctx);
    exportBundle(ctx, { forumId: forum.id });
    const device = await dispatch(ctx, 'cli', 'device:get', {});
    closeCore(ctx);
    fs.rmSync(keyFilePath(file));

    ctx = await openCore(file);
    try {
      const before = snapshot(ctx);
      expect(() => exportBundle(ctx, { forumId: forum.id })).toThrow(CoreError);
      const answer = await dispatch(ctx, 'cli', 'bundle:export', { forumId: forum.id });
      expect(answer).toMatchObject({ ok: false, error: { code: 'device_key_unavailable', message: expect.stringContaining(keyFilePath(file)) } });
      expect(fs.existsSync(keyFilePath(file))).toBe(false);
      expect(snapshot(ctx)).toBe(before);
      // Who this laptop is can still be shown and compared.
      expect(await dispatch(ctx, 'cli', 'device:get', {})).toEqual(device);
    } finally {
      closeCore(ctx);
    }
  });

  it('from another database is refused, not used to sign as this device', async () => {
    const dir = tempDir();
    const a = await openCore(path.join(dir, 'a.sqlite'));
    const b = await openCore(path.join(dir, 'b.sqlite'));
    pemOf(a);
    pemOf(b);
    fs.copyFileSync(keyFilePath(b.databasePath), keyFilePath(a.databasePath));
    try {
      expect(() => deviceIdentity(a)).toThrow(/belongs to another device/);
    } finally {
      closeCore(a);
      closeCore(b);
    }
  });

  it.skipIf(!posix)('is made private again, saying so, when others could read its file', async () => {
    const ctx = await tempCore();
    const pem = pemOf(ctx);
    const file = keyFilePath(ctx.databasePath);
    fs.chmodSync(file, 0o644);
    const warnings: string[] = [];
    expect(fileKeyStore(ctx.databasePath, { warn: (line) => warnings.push(line) }).read()).toBe(pem);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([expect.stringMatching(/could be read by other users .*mode 0644.*made it private/)]);
  });

  it('can be replaced by a deliberate new identity, which other laptops trust as a new device', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const forum = createDemoForum(a);
    await importBytes(b, exportBundle(a, { forumId: forum.id }).bytes);
    const oldId = a.deviceId;
    const lastBefore = a.db.prepare('SELECT max(hlc) FROM changes WHERE device = ?').pluck().get(oldId) as string;
    fs.rmSync(keyFilePath(a.databasePath));

    const identity = startNewIdentity(a);
    expect(identity.deviceId).not.toBe(oldId);
    expect(a.deviceId).toBe(identity.deviceId);
    expect(metaKey(a, 'device_id')).toBe(identity.deviceId);
    expect(publicKeyOf(fs.readFileSync(keyFilePath(a.databasePath), 'utf8'))).toBe(identity.publicKey);
    writeRow(a, 'forums', forum.id, { time_zone: 'Asia/Tokyo' });
    expect(a.db.prepare('SELECT min(hlc) FROM changes WHERE device = ?').pluck().get(identity.deviceId) as string > lastBefore).toBe(true);

    const bytes = exportBundle(a, { forumId: forum.id }).bytes;
    expect((await previewBytes(b, bytes)).device.status).toBe('unknown');
    await importBytes(b, bytes);
    expect(b.db.prepare('SELECT count(*) FROM changes WHERE device = ?').pluck().get(oldId)).toBeGreaterThan(0);
    expect(b.db.prepare('SELECT count(*) FROM changes WHERE device = ?').pluck().get(identity.deviceId)).toBe(1);
  });

  it('is never touched by worker connections, which have no key store', async () => {
    const file = path.join(tempDir(), 'plenary.sqlite');
    const older = await olderDatabase(file);
    const worker = await openCore(file, { deviceKeys: null });
    expect(metaKey(worker, 'device_private_key')).toBe(older.pem);
    expect(fs.existsSync(keyFilePath(file))).toBe(false);
    expect(() => deviceIdentity(worker)).toThrow(/cannot sign/);
    closeCore(worker);
  });
});
