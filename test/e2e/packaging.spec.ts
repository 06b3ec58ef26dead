import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants.js';
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronNativeFile, packagedNativeFile } from '../../main/electron/electronNativeBinding';
import { packagedPackages, runtimePackages, standInElectronDist } from './packageParts';

/*
 * Packages the app exactly as `npm run dist` does (electron-builder.yml, the dist/ that `npm test`
 * has just built, node_modules), as an unpacked Linux folder (--dir), then reads the result back.
 * Offline: a stand-in takes the place of Electron's downloaded distribution (electronDist), and a
 * stand-in file that of better-sqlite3 built for Electron, which needs Electron's headers. Those two
 * and the output folder are the only settings changed.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireCjs = createRequire(import.meta.url);
// js-yaml (electron-builder reads its YAML with it) ships no types of its own.
const yaml = requireCjs('js-yaml') as { load(text: string): unknown };

interface FileSet {
  from: string;
  to: string;
}
interface BuilderConfig {
  electronVersion: string;
  npmRebuild: boolean;
  directories: Record<string, string>;
  extraResources: FileSet[];
  [setting: string]: unknown;
}

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  devDependencies: Record<string, string>;
};
// better-sqlite3 needs prebuild-install only while installing; electron-builder.yml leaves it out.
const installTimeOnly = new Set(['prebuild-install']);
const nodeBuildOfSqlite = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const builtEntries = ['electron', 'cli', 'coreWorker', 'exportWorker', 'preload'].map((name) => `dist/main/${name}.cjs`);

const fingerprint = (file: string) => ({
  sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
  mtimeMs: fs.statSync(file).mtimeMs,
});

let work: string;
let appOut: string;
let asarPaths: string[];
let standInNative: Buffer;
let sqliteBefore: ReturnType<typeof fingerprint>;

test.describe('the desktop package', () => {
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    for (const file of [...builtEntries, 'dist/renderer/index.html']) {
      if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
    }
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-package-'));
    const electronDist = path.join(work, 'electron-dist');
    standInElectronDist(electronDist, config.electronVersion);
    const nativeFile = path.join(work, 'better_sqlite3.node');
    standInNative = Buffer.from(`Stand-in for better-sqlite3 built for Electron ${config.electronVersion}: ${randomUUID()}\n`);
    fs.writeFileSync(nativeFile, standInNative);
    sqliteBefore = fingerprint(nodeBuildOfSqlite);

    const testConfig: BuilderConfig = {
      ...config,
      electronDist,
      directories: { ...config.directories, output: path.join(work, 'release') },
      extraResources: config.extraResources.map((set) => (set.to === packagedNativeFile ? { ...set, from: nativeFile } : set)),
    };
    const configFile = path.join(work, 'electron-builder.json');
    fs.writeFileSync(configFile, JSON.stringify(testConfig));
    // Any download electron-builder might still try goes to a closed local port and fails at once.
    const nowhere = 'http://127.0.0.1:9/';
    const result = spawnSync(
      process.execPath,
      [requireCjs.resolve('electron-builder/cli.js'), '--linux', 'dir', '--projectDir', root, '--config', configFile],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_MIRROR: nowhere, ELECTRON_BUILDER_BINARIES_MIRROR: nowhere, CI: 'true' },
        timeout: 280_000,
      },
    );
    if (result.status !== 0) throw new Error(`electron-builder failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
    appOut = path.join(work, 'release', 'linux-unpacked');
    asarPaths = listPackage(path.join(appOut, 'resources', 'app.asar'), { isPack: false }).map((file) =>
      file.split(path.sep).join('/').replace(/^\//, ''),
    );
  });

  test.afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('is configured for a supported Electron, and never rebuilds node_modules', () => {
    expect(config.electronVersion).toBe(packageJson.devDependencies.electron);
    expect(config.npmRebuild).toBe(false);
    // dist.mjs builds better-sqlite3 for Electron there; the app loads it from where it is packed.
    expect(config.extraResources).toContainEqual({ from: electronNativeFile, to: packagedNativeFile });
  });

  test('holds the built app, without benchmarks, source maps or native code', () => {
    const archived = new Set(asarPaths);
    expect(packageJson.main).toBe('dist/main/electron.cjs');
    for (const file of ['package.json', ...builtEntries]) expect(archived, file).toContain(file);
    const renderer = fs.readdirSync(path.join(root, 'dist', 'renderer'), { recursive: true, encoding: 'utf8' });
    for (const file of renderer) expect(archived, file).toContain(`dist/renderer/${file.split(path.sep).join('/')}`);
    // The participant companion's page, which venue mode serves to phones.
    const companion = fs.readdirSync(path.join(root, 'dist', 'companion'), { recursive: true, encoding: 'utf8' });
    expect(companion).toContain('index.html');
    for (const file of companion) expect(archived, file).toContain(`dist/companion/${file.split(path.sep).join('/')}`);
    expect(asarPaths.filter((file) => /(^|\/)bench\.cjs$/.test(file))).toEqual([]);
    expect(asarPaths.filter((file) => file.endsWith('.map'))).toEqual([]);
    // Native code cannot load from inside an archive; better-sqlite3's sources and Node build stay out.
    expect(asarPaths.filter((file) => file.endsWith('.node'))).toEqual([]);
    expect(asarPaths.filter((file) => /node_modules\/better-sqlite3\/(build|deps|src)\//.test(file))).toEqual([]);
    const shippedPackage = JSON.parse(extractFile(path.join(appOut, 'resources', 'app.asar'), 'package.json').toString('utf8')) as { main: string };
    expect(shippedPackage.main).toBe(packageJson.main);
  });

  test('ships only the libraries esbuild leaves external, with what they need at run time', () => {
    const expected = runtimePackages(root, installTimeOnly);
    expect(expected).toContain('better-sqlite3');
    expect(expected).toContain('exceljs');
    const shipped = packagedPackages(asarPaths);
    expect([...shipped].filter((name) => !expected.has(name)).sort(), 'shipped but not needed').toEqual([]);
    expect([...expected].filter((name) => !shipped.has(name)).sort(), 'needed but not shipped').toEqual([]);
    // What esbuild bundles (devDependencies) never ships a second time, nor Electron itself.
    const bundled = Object.keys(packageJson.devDependencies).filter((name) => !expected.has(name));
    expect(bundled.filter((name) => shipped.has(name))).toEqual([]);
  });

  test('carries better-sqlite3 for Electron beside app.asar, where the packaged app looks', () => {
    expect(fs.readFileSync(path.join(appOut, 'resources', packagedNativeFile))).toEqual(standInNative);
  });

  test('has its fuses burnt into the executable', async () => {
    const wire = await getCurrentFuseWire(path.join(appOut, 'plenary'));
    const state = (fuse: FuseV1Options) => wire[fuse];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
  });

  test("leaves node_modules' better-sqlite3 (Node's build, which the tests load) untouched", () => {
    expect(fingerprint(nodeBuildOfSqlite)).toEqual(sqliteBefore);
  });
});
