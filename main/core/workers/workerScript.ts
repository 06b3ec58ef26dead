import path from 'node:path';

/**
 * Where the built worker script is: beside the bundle that is running (dist/main/coreWorker.cjs
 * for the CLI, browser mode and the desktop app), or in PLENARY_WORKER_DIR, which the unit tests
 * point at the copy they build, so they run imports through a worker thread as the app does.
 */
export function defaultWorkerScript(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.PLENARY_WORKER_DIR ?? __dirname, 'coreWorker.cjs');
}
