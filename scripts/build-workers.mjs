// The worker threads' scripts, built the same way for the app (dist/main) and for the unit
// tests (.cache/test-worker), so the tests run imports and exports through the threads the app uses.
import { build } from 'esbuild';

export const workerEntryPoints = {
  // Reads, verifies and plans imports on a read-only connection; the main connection applies.
  coreWorker: 'main/core/workers/workerThread.ts',
  // Composes document exports on a read-only connection.
  exportWorker: 'main/core/exports/exportWorker.ts',
};

export async function buildWorkers(outdir, options = {}) {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // exceljs is loaded on first use from node_modules (see main/core/participants/loadExcelJs.ts).
    external: ['better-sqlite3', 'electron', 'exceljs'],
    logLevel: 'warning',
    outdir,
    outExtension: { '.js': '.cjs' },
    entryPoints: workerEntryPoints,
    ...options,
  });
}
