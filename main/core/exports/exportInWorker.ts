import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ErrorCode, FieldIssue } from '../../../shared/result';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import type { ExportJob, Produced, ReportProgress } from './exportJob';

/** What the export worker is given: its own connection to the same database file, and the job. */
export interface ExportWorkerData {
  databasePath: string;
  nativeBinding?: string;
  job: ExportJob;
}

export type ExportWorkerMessage =
  | { progress: Parameters<ReportProgress>[0] }
  | { ok: true; produced: Produced }
  | { ok: false; code: ErrorCode; message: string; issues?: FieldIssue[] };

/**
 * The export worker's script, built beside the core's worker (scripts/build-workers.mjs) for
 * every host alike: the desktop app, browser mode, the CLI and the tests compose in a thread.
 */
export function exportWorkerScript(ctx: CoreContext): string {
  const script = path.join(path.dirname(ctx.worker.config.script), 'exportWorker.cjs');
  if (!fs.existsSync(script)) throw new CoreError('internal', `The export worker ${script} is missing: run \`npm run build\`.`);
  return script;
}

/**
 * Composes a document in a worker thread: a 60-paragraph document in six languages takes long
 * enough to freeze a window or keep the browser-mode server from answering other laptops.
 */
export function exportInWorker(ctx: CoreContext, script: string, job: ExportJob, report: ReportProgress): Promise<Produced> {
  const nativeBinding = ctx.nativeBinding;
  const workerData: ExportWorkerData = { databasePath: ctx.databasePath, job, ...(nativeBinding ? { nativeBinding } : {}) };
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData });
    let settled = false;
    worker.on('message', (message: ExportWorkerMessage) => {
      if ('progress' in message) return report(message.progress);
      settled = true;
      void worker.terminate();
      if (message.ok) resolve(message.produced);
      else reject(new CoreError(message.code, message.message, message.issues));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(new CoreError('internal', `The export stopped unexpectedly: ${error.message}`));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new CoreError('internal', `The export stopped unexpectedly (exit code ${code}); no file was written.`));
    });
  });
}
