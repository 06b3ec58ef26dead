import Database from 'better-sqlite3';
import ar from '../../../resources/locales/ar/app.json';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronNativeBinding } from '../../../main/electron/electronNativeBinding';
import { startShell, type Shell } from '../../../main/electron/startShell';
import { contentSecurityPolicy } from '../../../main/core/transport/contentSecurityPolicy';
import { contract } from '../../../shared/ipc';
import { tempDir, validForum } from '../helpers/tempCore';
import { createFakeElectron, fakeEvent, FakeWebContents, type FakeElectron } from './fakeElectron';

const running: FakeElectron[] = [];
// The better-sqlite3 build that node_modules holds for Node (the runtime of these tests).
const nodeNativeBuild = path.join(import.meta.dirname, '..', '..', '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

afterEach(() => {
  // Electron emits 'will-quit' on the way out; the shell closes the database then.
  while (running.length) running.pop()?.app.emit('will-quit', fakeEvent({}));
});

function setup(options: { singleInstanceLock?: boolean; locale?: string; isPackaged?: boolean } = {}) {
  const userData = tempDir();
  // Installed, the app is resources/app.asar, with its Electron build of better-sqlite3 beside it.
  const appRoot = options.isPackaged ? path.join(tempDir(), 'resources', 'app.asar') : tempDir();
  const renderer = path.join(appRoot, 'dist', 'renderer');
  fs.mkdirSync(renderer, { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Plenary</title>');
  const fake = createFakeElectron({ userData, appPath: appRoot, ...options });
  running.push(fake);
  const databasePath = path.join(userData, 'plenary.sqlite');
  const start = (env: NodeJS.ProcessEnv = {}) => startShell(fake.electron, { env, platform: 'linux' });
  return { ...fake, userData, appRoot, databasePath, start };
}

function started(shell: Shell | undefined): Shell {
  if (!shell) throw new Error('the shell did not start');
  return shell;
}

const fromFrame = (url: string | null) => ({ senderFrame: url === null ? null : { url } });

describe('startShell', () => {
  it('opens the database in userData and shows the app from its own protocol', async () => {
    const { record, electron, appRoot, databasePath, start } = setup();
    const shell = started(await start());
    expect(shell.ctx.databasePath).toBe(databasePath);
    expect(fs.existsSync(databasePath)).toBe(true);
    expect(record.sandboxEnabled).toBe(true);
    expect(record.privilegedSchemes.map((s) => s.scheme)).toEqual(['plenary']);
    expect([...record.protocolHandlers.keys()]).toEqual(['plenary']);

    expect(record.windows).toHaveLength(1);
    const [window] = record.windows;
    expect(window?.options.webPreferences).toMatchObject({
      preload: path.join(appRoot, 'dist', 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window?.loadedUrls).toEqual(['plenary://app/index.html']);
    expect(window?.visible).toBe(false);
    window?.emit('ready-to-show');
    expect(window?.visible).toBe(true);
    expect(record.menuTemplate?.map((item) => item.role)).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu']);
    expect(record.errorBoxes).toEqual([]);
    // Exports arrive as downloads: a completed one opens its folder.
    let finish: ((event: unknown, state: 'completed') => void) | undefined;
    electron.session.defaultSession.emit('will-download', {}, { once: (_: string, done: typeof finish) => (finish = done), getSavePath: () => '/tmp/x.docx' });
    finish?.({}, 'completed');
    expect(record.shownInFolder).toEqual(['/tmp/x.docx']);
  });

  it('hardens the window and the session it creates', async () => {
    const { record, start } = setup();
    await start();
    const contents = record.windows[0]?.webContents;
    const away = fakeEvent({ url: 'https://example.org/' });
    contents?.emit('will-navigate', away, away.url);
    expect(away.defaultPrevented).toBe(true);
    const home = fakeEvent({ url: 'plenary://app/index.html' });
    contents?.emit('will-navigate', home, home.url);
    expect(home.defaultPrevented).toBe(false);
    expect(contents?.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    const answers: boolean[] = [];
    const asked = (permission: string) =>
      record.permissionRequestHandler?.(contents ?? new FakeWebContents(), permission, (granted) => answers.push(granted), {
        requestingUrl: 'plenary://app/index.html',
        isMainFrame: true,
      });
    asked('media');
    asked('fullscreen');
    expect(answers).toEqual([false, true]);
  });

  it('serves the renderer with its CSP through the registered protocol', async () => {
    const { record, start } = setup();
    await start();
    const handler = record.protocolHandlers.get('plenary');
    const page = await handler?.(new Request('plenary://app/index.html'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect((await handler?.(new Request('plenary://app/../../etc/passwd')))?.status).toBe(404);
  });

  it('binds every command, answering the app’s frame and refusing any other', async () => {
    const { record, start } = setup();
    await start();
    expect([...record.ipcHandlers.keys()].sort()).toEqual(Object.keys(contract).map((n) => `plenary:${n}`).sort());
    const call = (name: string, frame: string | null, input: unknown) => record.ipcHandlers.get(`plenary:${name}`)?.(fromFrame(frame), input);

    expect(await call('forums:create', 'https://example.org/', validForum)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call('forums:list', 'plenary://app/index.html', {})).toEqual({ ok: true, value: [] });
    expect(await call('forums:create', 'plenary://app/index.html', validForum)).toMatchObject({ ok: true });
    expect(await call('forums:list', 'plenary://app/index.html', {})).toMatchObject({ ok: true, value: [{ title: validForum.title }] });
  });

  it('quits at once when another instance holds the lock, touching nothing', async () => {
    const { record, databasePath, start } = setup({ singleInstanceLock: false });
    expect(await start()).toBeUndefined();
    expect(record.quitCalls).toBe(1);
    expect(record.windows).toHaveLength(0);
    expect(record.ipcHandlers.size).toBe(0);
    expect(fs.existsSync(databasePath)).toBe(false);
  });

  it('brings its window forward when a second instance starts', async () => {
    const { app, record, start } = setup();
    await start();
    const window = record.windows[0];
    if (window) window.minimized = true;
    app.emit('second-instance', fakeEvent({}), ['plenary'], '/');
    expect(window?.minimized).toBe(false);
    expect(window?.focused).toBe(true);
  });

  it('quits when its window is closed and closes the database on the way out', async () => {
    const { app, record, start } = setup();
    const shell = started(await start());
    app.emit('window-all-closed');
    expect(record.quitCalls).toBe(1);
    app.emit('will-quit', fakeEvent({}));
    expect(shell.ctx.db.open).toBe(false);
  });

  it.each([
    [
      'written by a newer version',
      (file: string) => {
        const db = new Database(file);
        db.exec('CREATE TABLE kept (x); INSERT INTO kept VALUES (42);');
        db.pragma('user_version = 999');
        db.close();
      },
      /newer version/,
    ],
    ['that is not a database', (file: string) => fs.writeFileSync(file, 'These are minutes, not SQLite.'.repeat(200)), /could not be read/],
  ])('explains a database %s, quits, and leaves the file exactly as it was', async (_label, make, message) => {
    const { record, userData, databasePath, start } = setup();
    make(databasePath);
    const bytes = fs.readFileSync(databasePath);
    const filesBefore = fs.readdirSync(userData).sort();

    expect(await start()).toBeUndefined();
    expect(record.errorBoxes).toHaveLength(1);
    expect(record.errorBoxes[0]?.content).toMatch(message);
    expect(record.quitCalls).toBe(1);
    expect(record.windows).toHaveLength(0);
    expect(record.ipcHandlers.size).toBe(0);
    expect(fs.readFileSync(databasePath).equals(bytes)).toBe(true);
    expect(fs.readdirSync(userData).sort()).toEqual(filesBefore);
  });

  it('explains it in the system language', async () => {
    const { record, databasePath, start } = setup({ locale: 'ar-EG' });
    const db = new Database(databasePath);
    db.pragma('user_version = 999');
    db.close();
    expect(await start()).toBeUndefined();
    expect(record.errorBoxes[0]?.title).toBe(ar.shell.cannotOpenDatabase);
    expect(record.errorBoxes[0]?.content).toContain(ar.errors.db_newer_version);
  });

  it('uses PLENARY_DB when set, as the CLI does', async () => {
    const { start } = setup();
    const file = path.join(tempDir(), 'elsewhere.sqlite');
    const shell = started(await start({ PLENARY_DB: file }));
    expect(shell.ctx.databasePath).toBe(file);
  });

  it('loads the native module a packaged app ships, whatever PLENARY_ELECTRON_NATIVE says', async () => {
    const { record, appRoot, start } = setup({ isPackaged: true });
    const shipped = path.join(path.dirname(appRoot), 'native', 'better_sqlite3.node');
    fs.mkdirSync(path.dirname(shipped), { recursive: true });
    // Node's build stands in for Electron's: in this test Node is the runtime that loads it.
    fs.copyFileSync(nodeNativeBuild, shipped);
    const elsewhere = path.join(tempDir(), 'planted.node');
    const shell = started(await start({ PLENARY_ELECTRON_NATIVE: elsewhere }));
    expect(record.errorBoxes).toEqual([]);
    expect(shell.ctx.nativeBinding).toBe(shipped);
    expect(shell.ctx.worker.config.nativeBinding).toBe(shipped);
    expect(shell.ctx.db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
  });

  it('reports a native module that cannot be loaded instead of crashing', async () => {
    const { record, start } = setup();
    expect(await start({ PLENARY_ELECTRON_NATIVE: path.join(tempDir(), 'missing.node') })).toBeUndefined();
    expect(record.errorBoxes).toHaveLength(1);
    expect(record.quitCalls).toBe(1);
  });
});

describe('electronNativeBinding', () => {
  it('in development prefers PLENARY_ELECTRON_NATIVE, then the Electron build in .cache, else the package’s own', () => {
    const built = path.join('/repo', '.cache', 'electron-native', 'better_sqlite3.node');
    const dev = { isPackaged: false };
    expect(electronNativeBinding('/repo', { ...dev, env: { PLENARY_ELECTRON_NATIVE: '/x.node' }, exists: () => true })).toBe('/x.node');
    expect(electronNativeBinding('/repo', { ...dev, env: {}, exists: (file) => file === built })).toBe(built);
    expect(electronNativeBinding('/repo', { ...dev, env: {}, exists: () => false })).toBeUndefined();
  });

  it('in a packaged app takes only the build in its resources folder', () => {
    const options = { isPackaged: true, env: { PLENARY_ELECTRON_NATIVE: '/x.node' }, exists: () => true };
    expect(electronNativeBinding('/opt/Plenary/resources/app.asar', options)).toBe('/opt/Plenary/resources/native/better_sqlite3.node');
  });
});
