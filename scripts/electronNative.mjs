// better-sqlite3 built for Electron's ABI into .cache/electron-native/, never over Node's build in
// node_modules, which `npm test` and the CLI load. `npm start` points the app at it through
// PLENARY_ELECTRON_NATIVE; `npm run dist` packs it beside app.asar (electron-builder.yml).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const isWindows = process.platform === 'win32';

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function npmConfigFreeEnv() {
  // A user-wide npm `nodedir` (or target/runtime) would make node-gyp build against Node's headers
  // instead of Electron's, producing a module Electron refuses to load.
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|dist_?url|arch)$/i.test(key)) delete env[key];
  }
  return env;
}

function nodeGypCommand(root) {
  const local = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (fs.existsSync(local)) return { command: process.execPath, prefix: [local], shell: false };
  return { command: isWindows ? 'npx.cmd' : 'npx', prefix: ['--yes', 'node-gyp'], shell: isWindows };
}

/**
 * Builds better-sqlite3 for this Electron once per version pair and returns the .node file.
 * Throws an Error whose message says what went wrong; node_modules is never written to.
 */
export function ensureElectronNative(root, electronVersion) {
  const nativeDir = path.join(root, '.cache', 'electron-native');
  const packageDir = path.join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = readJson(path.join(packageDir, 'package.json'))?.version;
  if (!sqliteVersion) throw new Error('node_modules/better-sqlite3 is missing: run `npm install` first.');

  const target = path.join(nativeDir, 'better_sqlite3.node');
  const stampFile = path.join(nativeDir, 'stamp.json');
  const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
  if (fs.existsSync(target) && JSON.stringify(readJson(stampFile)) === JSON.stringify(wanted)) return target;

  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} into .cache/electron-native (once per version)...`);
  const src = path.join(nativeDir, 'src');
  fs.rmSync(src, { recursive: true, force: true });
  fs.rmSync(stampFile, { force: true });
  fs.mkdirSync(nativeDir, { recursive: true });
  fs.cpSync(packageDir, src, {
    recursive: true,
    filter: (from) => !['build', 'node_modules'].includes(path.relative(packageDir, from).split(path.sep)[0] ?? ''),
  });

  const gyp = nodeGypCommand(root);
  const result = spawnSync(
    gyp.command,
    [
      ...gyp.prefix,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
    ],
    { cwd: src, stdio: 'inherit', env: npmConfigFreeEnv(), shell: gyp.shell },
  );
  const built = path.join(src, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !fs.existsSync(built)) {
    throw new Error(
      `Could not build better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (node-gyp needs Python, a C++ compiler\n` +
        "and Electron's headers from electronjs.org). node_modules was not changed.",
    );
  }
  fs.copyFileSync(built, target);
  fs.writeFileSync(stampFile, JSON.stringify(wanted));
  return target;
}
