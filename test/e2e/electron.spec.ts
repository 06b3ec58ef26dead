import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import en from '../../resources/locales/en/app.json' with { type: 'json' };

/**
 * The Electron binary's path, when it has been downloaded. Read from the package's path.txt, never
 * by require('electron'): since Electron 42 that starts the download when the binary is missing.
 */
function electronBinary(): string | undefined {
  const packageDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'electron');
  try {
    const binary = path.join(packageDir, 'dist', fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim());
    return fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
// Electron cannot load node_modules' better-sqlite3 (Node's build); `npm start` builds its own here.
const electronSqlite = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.cache', 'electron-native', 'better_sqlite3.node');

test('the desktop app opens on its own database and shows the forum list', async () => {
  test.skip(!binary, "Electron's binary is not installed here (it downloads from GitHub, which this machine cannot reach); browser mode covers the renderer and test/e2e/packaging.spec.ts the package.");
  test.skip(!fs.existsSync(electronSqlite), 'better-sqlite3 has not been built for Electron here: `npm start` builds it into .cache/electron-native.');
  test.skip(noDisplay, 'no display to open a window on: run the tests under xvfb-run (apt-get install xvfb)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: ['.'],
    env: { ...process.env, PLENARY_DB: path.join(dir, 'plenary.sqlite') },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: en.home.title })).toBeVisible();
    expect(await page.evaluate(() => typeof (window as unknown as { plenary?: unknown }).plenary)).toBe('object');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
