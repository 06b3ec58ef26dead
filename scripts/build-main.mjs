// Bundles the Node-side targets with esbuild: the CLI (also browser mode's server), the Electron
// main process, the preload and the benchmarks. Native and Electron modules stay external.
import { build } from 'esbuild';
import { buildWorkers } from './build-workers.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  // exceljs is loaded on first use from node_modules (see main/core/participants/loadExcelJs.ts).
  external: ['better-sqlite3', 'electron', 'exceljs'],
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
await build({ ...common, entryPoints: { preload: 'main/preload.ts' }, target: 'chrome130' });
