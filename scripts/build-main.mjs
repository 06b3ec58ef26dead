// Bundles the Node-side targets with esbuild: the CLI (also browser mode's server), the Electron
// main process, the preload and the benchmarks. Electron and package.json's "dependencies" stay
// external; every other library is bundled in.
import { build } from 'esbuild';
import { buildWorkers } from './build-workers.mjs';
import fs from 'node:fs';

// "dependencies" lists exactly what the built code still requires from node_modules, and so what
// the desktop package ships there (electron-builder takes them, and only them): better-sqlite3,
// which is native, and exceljs, loaded on first use (main/core/participants/loadExcelJs.ts).
// Libraries that esbuild bundles belong in devDependencies.
const { dependencies } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['electron', ...Object.keys(dependencies)],
  logLevel: 'warning',
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
};

await build({
  ...common,
  entryPoints: {
    cli: 'main/core/cli/main.ts',
    electron: 'main/electron/main.ts',
  },
});

await buildWorkers(common.outdir, { sourcemap: common.sourcemap });

// Benchmarks drive Debian's Chromium through Playwright, which stays a normal dependency.
await build({
  ...common,
  entryPoints: { bench: 'test/bench/main.ts' },
  external: [...common.external, '@playwright/test', 'playwright-core'],
});

// The preload runs sandboxed: it may require only 'electron', so everything else is bundled in.
await build({ ...common, entryPoints: { preload: 'main/preload.ts' }, target: 'chrome130', external: ['electron'] });
