// `npm start`: builds Plenary, makes sure Electron and an Electron build of better-sqlite3 are
// there, and runs the desktop app. Where Electron's binary cannot be downloaded (it comes from
// GitHub, not the npm registry) it says so, changes nothing, and points at `npm run serve`.
//
//   node scripts/start.mjs [--skip-build] [--no-install] [electron arguments...]
//
// better-sqlite3 is built for Electron's ABI into .cache/electron-native/, never over Node's build
// in node_modules, so `npm start` and `npm test` work in either order.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ownFlags = ['--skip-build', '--no-install'];
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const noInstall = args.includes('--no-install');
const electronArgs = args.filter((arg) => !ownFlags.includes(arg));
const installTimeoutMs = Number(process.env.PLENARY_ELECTRON_INSTALL_TIMEOUT_MS ?? 60_000);
const nativeDir = path.join(root, '.cache', 'electron-native');
const isWindows = process.platform === 'win32';

function run(command, commandArgs, options = {}) {
  // npm is a .cmd on Windows, which Node only starts through a shell.
  return spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: isWindows, ...options });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function fail(lines) {
  console.error(['', ...lines, ''].join('\n'));
  process.exit(1);
}

/** The Electron executable, or undefined. The package alone is not enough: its binary may be missing. */
function electronBinary() {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // A fresh process, so a package installed a moment ago is found and nothing is cached.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  const binary = probe.status === 0 ? probe.stdout.trim() : '';
  return binary && fs.existsSync(binary) ? binary : undefined;
}

function wantedElectronVersion() {
  const pkg = readJson(path.join(root, 'package.json')) ?? {};
  return pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron;
}

function tryInstallElectron(version) {
  const seconds = Math.round(installTimeoutMs / 1000);
  console.log(`Electron is not installed. Trying once to fetch electron@${version} (giving up after ${seconds} s)...`);
  const result = run(isWindows ? 'npm.cmd' : 'npm', ['install', '--no-save', '--no-audit', '--no-fund', `electron@${version}`], {
    timeout: installTimeoutMs,
  });
  if (result.error?.code === 'ETIMEDOUT') console.error(`The download did not finish within ${seconds} s.`);
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

function nodeGypCommand() {
  const local = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (fs.existsSync(local)) return { command: process.execPath, prefix: [local], shell: false };
  return { command: isWindows ? 'npx.cmd' : 'npx', prefix: ['--yes', 'node-gyp'], shell: isWindows };
}

/** Builds better-sqlite3 for this Electron once per version pair; returns the .node file. */
function ensureElectronNative(electronVersion) {
  const packageDir = path.join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = readJson(path.join(packageDir, 'package.json'))?.version;
  if (!sqliteVersion) fail(['node_modules/better-sqlite3 is missing: run `npm install` first.']);

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

  const gyp = nodeGypCommand();
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
    fail([
      `Could not build better-sqlite3 for Electron ${electronVersion} (node-gyp needs Python, a C++ compiler`,
      "and Electron's headers from electronjs.org). node_modules was not changed.",
      'To run Plenary in your browser instead:  npm run serve',
    ]);
  }
  fs.copyFileSync(built, target);
  fs.writeFileSync(stampFile, JSON.stringify(wanted));
  return target;
}

if (!skipBuild) {
  const build = run(isWindows ? 'npm.cmd' : 'npm', ['run', 'build']);
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let binary = electronBinary();
if (!binary) {
  const version = wantedElectronVersion();
  if (!noInstall && version) {
    tryInstallElectron(version);
    binary = electronBinary();
  }
  if (!binary) {
    fail([
      noInstall
        ? "Plenary's desktop window needs Electron, whose binary is not installed here (--no-install: no download tried)."
        : "Plenary's desktop window needs Electron, whose binary is not installed here and could not be\n" +
          'downloaded (it comes from GitHub, which this machine may not reach). Nothing was changed.',
      '',
      'To run Plenary in your browser instead:  npm run serve',
    ]);
  }
}

if (!fs.existsSync(path.join(root, 'dist', 'main', 'electron.cjs'))) {
  fail(['dist/main/electron.cjs is missing: run `npm run build` (or drop --skip-build).']);
}

const electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json'))?.version ?? wantedElectronVersion();
const nativeBinding = ensureElectronNative(electronVersion);

const env = { ...process.env, PLENARY_ELECTRON_NATIVE: nativeBinding };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [root, ...electronArgs], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => fail([`Could not start Electron (${binary}): ${error.message}`]));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
