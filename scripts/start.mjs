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
import { ensureElectronNative } from './electronNative.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ownFlags = ['--skip-build', '--no-install'];
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const noInstall = args.includes('--no-install');
const electronArgs = args.filter((arg) => !ownFlags.includes(arg));
const installTimeoutMs = Number(process.env.PLENARY_ELECTRON_INSTALL_TIMEOUT_MS ?? 60_000);
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

/**
 * The Electron executable, or undefined. The package alone is not enough: its binary may be missing.
 * Read from path.txt rather than by require('electron'), which since Electron 42 starts a download
 * when the binary is missing.
 */
function electronBinary() {
  const packageDir = path.join(root, 'node_modules', 'electron');
  let relative;
  try {
    relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = undefined;
  }
  // Electron's own escape hatch, honoured as its index.js does: a distribution unpacked by hand.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary;
  if (override) binary = path.join(override, relative || (isWindows ? 'electron.exe' : 'electron'));
  else if (relative) binary = path.join(packageDir, 'dist', relative);
  return binary && fs.existsSync(binary) ? binary : undefined;
}

function wantedElectronVersion() {
  const pkg = readJson(path.join(root, 'package.json')) ?? {};
  return pkg.devDependencies?.electron;
}

function tryInstallElectron(version) {
  const seconds = Math.round(installTimeoutMs / 1000);
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) {
    console.error(`The electron package (${version}) is not in node_modules: run \`npm install\` first.`);
    return;
  }
  console.log(`Electron's binary is not installed. Trying once to fetch Electron ${version} (giving up after ${seconds} s)...`);
  const result = run(process.execPath, [installer], { timeout: installTimeoutMs, shell: false });
  if (result.error?.code === 'ETIMEDOUT') console.error(`The download did not finish within ${seconds} s.`);
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
let nativeBinding;
try {
  nativeBinding = ensureElectronNative(root, electronVersion);
} catch (error) {
  fail([error instanceof Error ? error.message : String(error), 'To run Plenary in your browser instead:  npm run serve']);
}

const env = { ...process.env, PLENARY_ELECTRON_NATIVE: nativeBinding };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [root, ...electronArgs], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => fail([`Could not start Electron (${binary}): ${error.message}`]));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
