import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const electronInstalled = fs.existsSync(path.join(root, 'node_modules', 'electron', 'path.txt'));

describe('npm start without Electron', () => {
  // Where Electron is installed the script would open the app, which is not a unit test's job.
  it.skipIf(electronInstalled)('says what is missing, points at browser mode and exits 1', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs', '--skip-build', '--no-install'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('needs Electron');
    expect(result.stderr).toContain('npm run serve');
  });
});
