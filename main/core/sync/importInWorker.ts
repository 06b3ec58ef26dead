import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/result';
import type { ImportProgress } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { restoreClockValue } from '../store/changeLog';
import type { ImportRequest, ImportResult as ParticipantImportResult } from '../participants/importParticipants';
import type { ImportResult } from './importBundle';

interface JobBase {
  databasePath: string;
  backupDir?: string;
  nativeBinding?: string;
}

/** What the worker is asked to do: apply a bundle, or import a participant list. */
export type ImportJob =
  | (JobBase & { kind: 'bundle'; bytes: Uint8Array; trustNewDevice: boolean })
  | (JobBase & { kind: 'participants'; request: ImportRequest });

export type ImportOutcome<T = ImportResult> = { ok: true; result: T } | { ok: false; code: ErrorCode; message: string };

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
  return runJob<ImportResult>(
    ctx,
    config,
    { kind: 'bundle', databasePath: ctx.databasePath, bytes, trustNewDevice: options.trustNewDevice, ...(options.backupDir ? { backupDir: options.backupDir } : {}) },
    options.onProgress,
  );
}

/** A participant list of 25,000 people takes seconds to check and write: off the main thread too. */
export function participantImportInWorker(
  ctx: CoreContext,
  config: ImportWorkerConfig,
  request: ImportRequest,
  options: { backupDir?: string } = {},
): Promise<ParticipantImportResult> {
  return runJob<ParticipantImportResult>(ctx, config, {
    kind: 'participants',
    databasePath: ctx.databasePath,
    request,
    ...(options.backupDir ? { backupDir: options.backupDir } : {}),
  });
}

function runJob<T>(ctx: CoreContext, config: ImportWorkerConfig, job: ImportJob, onProgress?: (progress: ImportProgress) => void): Promise<T> {
  const withBinding: ImportJob = config.nativeBinding ? { ...job, nativeBinding: config.nativeBinding } : job;
  return new Promise((resolve, reject) => {
    const worker = new Worker(config.script, { workerData: withBinding });
    worker.on('message', (message: ImportOutcome<T> | { progress: ImportProgress }) => {
      if ('progress' in message) return onProgress?.(message.progress);
      const outcome = message;
      void worker.terminate();
      if (!outcome.ok) return reject(new CoreError(outcome.code, outcome.message));
      // The worker wrote on its own connection: this one's clock catches up with what it stamped or saw.
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
