import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/result';
import type { ImportProgress } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { restoreClockValue } from '../store/changeLog';
import type { ImportResult } from './importBundle';

export interface ImportJob {
  databasePath: string;
  bytes: Uint8Array;
  trustNewDevice: boolean;
  backupDir?: string;
  nativeBinding?: string;
}

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; code: ErrorCode; message: string };

/** Where the built worker script is, and the native SQLite build it must load. */
export interface ImportWorkerConfig {
  script: string;
  nativeBinding?: string;
}

/**
 * Imports a bundle in a worker thread: verifying, backing up and applying a large bundle takes
 * seconds that the main process must spend answering the window instead. Afterwards this
 * connection's clock catches up with what the import saw.
 */
export function importInWorker(
  ctx: CoreContext,
  config: ImportWorkerConfig,
  bytes: Uint8Array,
  options: { trustNewDevice: boolean; backupDir?: string; onProgress?: (progress: ImportProgress) => void },
): Promise<ImportResult> {
  const job: ImportJob = {
    databasePath: ctx.databasePath,
    bytes,
    trustNewDevice: options.trustNewDevice,
    ...(options.backupDir ? { backupDir: options.backupDir } : {}),
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(config.script, { workerData: job });
    worker.on('message', (message: ImportOutcome | { progress: ImportProgress }) => {
      if ('progress' in message) return options.onProgress?.(message.progress);
      const outcome = message;
      void worker.terminate();
      if (!outcome.ok) return reject(new CoreError(outcome.code, outcome.message));
      const saved = restoreClockValue(ctx.db, ctx.deviceId);
      if (saved.last) ctx.clock.receive(saved.last);
      if (saved.newestSeen) ctx.clock.receive(saved.newestSeen);
      resolve(outcome.result);
    });
    worker.once('error', (error) => reject(new CoreError('internal', `The import stopped unexpectedly: ${error.message}`)));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new CoreError('internal', `The import stopped unexpectedly (exit code ${code}); nothing was changed.`));
    });
  });
}
