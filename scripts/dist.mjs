// `npm run dist [-- electron-builder arguments]`: builds Plenary and packages it with
// electron-builder (electron-builder.yml), e.g. `npm run dist -- --linux deb` or `-- --dir`.
//
// The package needs better-sqlite3 built for Electron. It is built into .cache/electron-native/
// (as `npm start` does) and packed beside app.asar; node_modules is never rebuilt (npmRebuild:
// false), so its better-sqlite3 stays the Node build that `npm test` and the CLI load.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electronNative.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const build = spawnSync(isWindows ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: isWindows });
if (build.status !== 0) process.exit(build.status ?? 1);

// The same pin as electron-builder.yml's electronVersion (test/e2e/packaging.spec.ts checks both agree).
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies?.electron;
if (!electronVersion) fail('package.json names no Electron version (devDependencies.electron).');
try {
  ensureElectronNative(root, electronVersion);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
const packaging = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(packaging.status ?? 1);
