import path from 'node:path';
// @ts-expect-error: a plain .mjs build script, shared with `npm run build`, has no type declarations.
import { buildWorkers } from '../../../scripts/build-workers.mjs';

/**
 * Vitest's global setup: builds the worker threads' scripts once per run, the way the app's
 * build does, into the folder PLENARY_WORKER_DIR names (vitest.config.ts), so every core the
 * tests open plans its imports and composes its exports in a worker thread, as the app does.
 */
export default async function setup(): Promise<void> {
  const outdir = path.resolve(__dirname, '../../../.cache/test-worker');
  const build = buildWorkers as (outdir: string, options?: object) => Promise<void>;
  await build(outdir);
  // The CLI beside them, for the tests that kill a real process in the middle of an import.
  await build(outdir, { entryPoints: { cli: 'main/core/cli/main.ts' } });
}
