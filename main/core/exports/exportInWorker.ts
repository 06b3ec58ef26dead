import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import type { ExportJob, Produced, ReportProgress } from './exportJob';
import { ExportThreads } from './exportThreads';

/**
 * The export worker's script, built beside the core's worker (scripts/build-workers.mjs) for
 * every host alike: the desktop app, browser mode, the CLI and the tests compose in a thread.
 */
export function exportWorkerScript(ctx: CoreContext): string {
  const script = path.join(path.dirname(ctx.worker.config.script), 'exportWorker.cjs');
  if (!fs.existsSync(script)) throw new CoreError('internal', `The export worker ${script} is missing: run \`npm run build\`.`);
  return script;
}

const threadsByCore = new WeakMap<CoreContext, ExportThreads>();

/** The core's export threads (see ExportThreads), made on its first export. */
export function exportThreads(ctx: CoreContext): ExportThreads {
  let threads = threadsByCore.get(ctx);
  if (!threads) threadsByCore.set(ctx, (threads = new ExportThreads(exportWorkerScript(ctx))));
  return threads;
}

/** Called by closeCore: the thread kept for the next export ends with the core. */
export function closeExportThreads(ctx: CoreContext): void {
  void threadsByCore.get(ctx)?.close();
}

/**
 * Composes a document in a worker thread: a 60-paragraph document in six languages takes long
 * enough to freeze a window or keep the browser-mode server from answering other laptops.
 */
export function exportInWorker(ctx: CoreContext, job: ExportJob, report: ReportProgress): Promise<Produced> {
  const nativeBinding = ctx.nativeBinding;
  return exportThreads(ctx).run({ databasePath: ctx.databasePath, job, ...(nativeBinding ? { nativeBinding } : {}) }, report);
}
