import { SENTINEL } from '@electron/fuses/dist/constants.js';
import fs from 'node:fs';
import path from 'node:path';

/*
 * What test/e2e/packaging.spec.ts needs besides electron-builder: a stand-in for Electron's unpacked
 * distribution, and the list of packages the built app still requires from node_modules.
 */

/**
 * A folder electron-builder accepts as `electronDist` for Linux: an `electron` executable (renamed
 * to the app's executableName) and a resources folder (where app.asar goes). The executable carries
 * a fuse wire in the format Electron's binary has (sentinel, wire version 1, length, one byte per
 * fuse) set to Electron's defaults, so electron-builder's `electronFuses` has something real to flip
 * and @electron/fuses can read the result back. It never runs.
 */
export function standInElectronDist(folder: string, electronVersion: string): void {
  fs.mkdirSync(path.join(folder, 'resources'), { recursive: true });
  // RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, EmbeddedAsarIntegrityValidation,
  // OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
  const electronDefaults = '10110001';
  const script = "#!/bin/sh\necho 'A stand-in for Electron, for packaging tests only.' >&2\nexit 1\n";
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, electronDefaults.length]), Buffer.from(electronDefaults)]);
  fs.writeFileSync(path.join(folder, 'electron'), Buffer.concat([Buffer.from(script), wire]), { mode: 0o755 });
  fs.writeFileSync(path.join(folder, 'LICENSE'), 'Stand-in: no licence text.\n');
  fs.writeFileSync(path.join(folder, 'version'), electronVersion);
}

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readPackage(dir: string): PackageJson {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** Where `require(name)` from a file in `fromDir` finds the package, as Node resolves it. */
function packageDir(fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The names of the packages an app in `root` loads from node_modules at run time: its
 * "dependencies" and theirs, all the way down, less the packages only `installTimeOnly` ones need.
 */
export function runtimePackages(root: string, installTimeOnly: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const pending = Object.keys(readPackage(root).dependencies ?? {}).map((name) => ({ from: root, name }));
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (installTimeOnly.has(next.name)) continue;
    const dir = packageDir(next.from, next.name);
    if (!dir) throw new Error(`${next.name}, needed from ${next.from}, is not installed: run npm ci.`);
    if (seen.has(dir)) continue;
    seen.add(dir);
    const pkg = readPackage(dir);
    names.add(pkg.name);
    // A missing optional dependency is one that does not install on this platform.
    for (const name of Object.keys(pkg.dependencies ?? {})) pending.push({ from: dir, name });
    for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
      if (packageDir(dir, name)) pending.push({ from: dir, name });
    }
  }
  return names;
}

/** The names of the packages under any node_modules folder in a list of archive paths. */
export function packagedPackages(archivePaths: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of archivePaths) {
    const parts = file.split('/');
    parts.forEach((part, index) => {
      if (part !== 'node_modules') return;
      const first = parts[index + 1];
      if (!first) return;
      const name = first.startsWith('@') ? `${first}/${parts[index + 2] ?? ''}` : first;
      if (!name.endsWith('/')) names.add(name);
    });
  }
  return names;
}
