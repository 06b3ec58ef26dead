import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { publicKeyOf } from '../../../main/core/sync/deviceIdentity';
import { encryptedKeyFilePath, fileKeyStore, keyFilePath } from '../../../main/core/sync/deviceKeyStore';
import { readBundle } from '../../../main/core/sync/readBundle';
import { startShell } from '../../../main/electron/startShell';
import { tempDir, validForum } from '../helpers/tempCore';
import { createFakeElectron, fakeEvent, type FakeElectron, type FakeElectronOptions } from './fakeElectron';

const running: FakeElectron[] = [];

afterEach(() => {
  while (running.length) running.pop()?.app.emit('will-quit', fakeEvent({}));
});

const posix = process.platform !== 'win32';
const secretOf = (pem: string) => pem.split('\n')[1]?.slice(24) ?? '';
const newPem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** One run of the desktop app on `userData`; quitting closes its database, as Electron's will-quit does. */
async function desktop(userData: string, keychain?: FakeElectronOptions['keychain']) {
  const appRoot = tempDir();
  fs.mkdirSync(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
  fs.mkdirSync(path.join(appRoot, 'dist', 'main'));
  // The app composes bundles on its worker thread, built beside its script: here, the tests' build
  // (linked, so its requires resolve from the checkout).
  fs.symlinkSync(path.resolve(process.env.PLENARY_WORKER_DIR ?? '', 'coreWorker.cjs'), path.join(appRoot, 'dist', 'main', 'coreWorker.cjs'));
  const fake = createFakeElectron({ userData, appPath: appRoot, ...(keychain ? { keychain } : {}) });
  running.push(fake);
  const logged: string[] = [];
  const shell = await startShell(fake.electron, { env: {}, platform: 'linux', log: (line) => logged.push(line) });
  if (!shell) throw new Error(`the shell did not start: ${JSON.stringify(fake.record.errorBoxes)}`);
  const call = async (name: string, input: unknown) =>
    (await fake.record.ipcHandlers.get(`plenary:${name}`)?.({ senderFrame: { url: 'plenary://app/index.html' } }, input)) as
      | { ok: true; value: Record<string, unknown> }
      | { ok: false; error: { code: string; message: string } };
  const quit = () => {
    running.splice(running.indexOf(fake), 1);
    fake.app.emit('will-quit', fakeEvent({}));
  };
  return { ...fake, shell, logged, call, quit, databasePath: shell.ctx.databasePath };
}

async function exportForum(app: Awaited<ReturnType<typeof desktop>>) {
  const forum = await app.call('forums:create', validForum);
  if (!forum.ok) throw new Error(forum.error.message);
  return app.call('bundle:export', { forumId: forum.value.id });
}

const metaPrivateKey = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT value FROM meta WHERE key = 'device_private_key'").pluck().get() as string | undefined;
  } finally {
    db.close();
  }
};

describe('the desktop app’s signing key', () => {
  it('is stored encrypted by the system keychain, beside the database and out of it', async () => {
    const userData = tempDir();
    const app = await desktop(userData);
    const exported = await exportForum(app);
    expect(exported.ok).toBe(true);
    const file = encryptedKeyFilePath(app.databasePath);
    const stored = fs.readFileSync(file);
    expect(app.record.encrypted).toHaveLength(1);
    expect(stored.equals(app.record.encrypted[0] ?? Buffer.alloc(0))).toBe(true);
    if (posix) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(keyFilePath(app.databasePath))).toBe(false);
    const pem = app.electron.safeStorage.decryptString(stored);
    expect(stored.includes(secretOf(pem))).toBe(false);
    expect(fs.readFileSync(app.databasePath).includes(secretOf(pem))).toBe(false);
    expect(metaPrivateKey(app.databasePath)).toBeUndefined();
    if (!exported.ok) return;
    const manifest = readBundle(Buffer.from(exported.value.data as string, 'base64')).manifest;
    expect(manifest.device.publicKey).toBe(publicKeyOf(pem));
    app.quit();

    // The next run decrypts it and signs as the same device.
    const again = await desktop(userData);
    const device = await again.call('device:get', {});
    const exportedAgain = await again.call('bundle:export', { forumId: manifest.forum.id });
    expect(exportedAgain.ok).toBe(true);
    if (exportedAgain.ok) expect(readBundle(Buffer.from(exportedAgain.value.data as string, 'base64')).manifest.device).toEqual(manifest.device);
    expect(device).toMatchObject({ ok: true, value: { deviceId: manifest.device.id } });
    expect(again.record.encrypted).toHaveLength(0);
  });

  it('moves out of an older database into the keychain’s file on first start', async () => {
    const userData = tempDir();
    const databasePath = path.join(userData, 'plenary.sqlite');
    const older = await openCore(databasePath, { deviceKeys: null });
    const pem = newPem();
    older.db.prepare("INSERT INTO meta (key, value) VALUES ('device_private_key', ?), ('device_public_key', ?)").run(pem, publicKeyOf(pem));
    closeCore(older);

    const app = await desktop(userData);
    expect(app.electron.safeStorage.decryptString(fs.readFileSync(encryptedKeyFilePath(databasePath)))).toBe(pem);
    expect(metaPrivateKey(databasePath)).toBeUndefined();
    expect(fs.readFileSync(databasePath).includes(secretOf(pem))).toBe(false);
    expect(fs.existsSync(keyFilePath(databasePath))).toBe(false);
  });

  it('takes in a key file the command line left beside the database', async () => {
    const userData = tempDir();
    const databasePath = path.join(userData, 'plenary.sqlite');
    const pem = newPem();
    fileKeyStore(databasePath).write(pem);
    const app = await desktop(userData);
    expect(app.electron.safeStorage.decryptString(fs.readFileSync(encryptedKeyFilePath(databasePath)))).toBe(pem);
    expect(fs.existsSync(keyFilePath(databasePath))).toBe(false);
    expect(app.logged).toEqual([expect.stringMatching(/signing key moved from .*plenary\.sqlite\.key into .*encrypted with the system keychain/)]);
  });

  it('still opens when that key file is not a key, and says why it was left', async () => {
    const userData = tempDir();
    const databasePath = path.join(userData, 'plenary.sqlite');
    fs.writeFileSync(keyFilePath(databasePath), 'not a key', { mode: 0o600 });
    const app = await desktop(userData);
    expect(app.logged).toEqual([expect.stringMatching(/plenary\.sqlite\.key was left as it is: .*does not hold an ed25519 private key/)]);
    expect(fs.readFileSync(keyFilePath(databasePath), 'utf8')).toBe('not a key');
    expect(fs.existsSync(encryptedKeyFilePath(databasePath))).toBe(false);
  });

  it.each([
    ['Linux without a keyring (basic_text)', { available: true, backend: 'basic_text' as const }, /safeStorage backend: basic_text/],
    ['no encryption at all', { available: false }, /system keychain is not available/],
  ])('falls back to a key file only its owner can read on %s, and says so', async (_label, keychain, notice) => {
    const userData = tempDir();
    const app = await desktop(userData, keychain);
    expect((await exportForum(app)).ok).toBe(true);
    const file = keyFilePath(app.databasePath);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    if (posix) expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(encryptedKeyFilePath(app.databasePath))).toBe(false);
    expect(app.record.encrypted).toHaveLength(0);
    expect(app.logged).toEqual([expect.stringMatching(notice)]);
    expect(app.logged[0]).toContain(file);
  });

  it('is reported, not replaced, when the keychain that encrypted it is gone', async () => {
    const userData = tempDir();
    const first = await desktop(userData);
    const exported = await exportForum(first);
    const file = encryptedKeyFilePath(first.databasePath);
    const sealed = fs.readFileSync(file);
    first.quit();

    const later = await desktop(userData, { available: false });
    const forumId = exported.ok ? readBundle(Buffer.from(exported.value.data as string, 'base64')).manifest.forum.id : '';
    expect(await later.call('bundle:export', { forumId })).toMatchObject({
      ok: false,
      error: { code: 'device_key_unavailable', message: expect.stringContaining(file) },
    });
    expect(fs.readFileSync(file).equals(sealed)).toBe(true);
    expect(fs.existsSync(keyFilePath(first.databasePath))).toBe(false);
  });
});
