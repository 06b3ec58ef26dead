import { _electron as electron, expect, test } from '@playwright/test';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import en from '../../resources/locales/en/app.json' with { type: 'json' };

/** The Electron binary's path, when its download succeeded at install time. */
function electronBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

test('the desktop app opens on its own database and shows the forum list', async () => {
  test.skip(!binary, "Electron's binary is not installed here (it downloads from GitHub, which this machine cannot reach); browser mode covers the renderer.");
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
