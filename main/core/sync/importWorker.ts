import { parentPort, workerData } from 'node:worker_threads';
import { closeCore, openCore } from '../coreContext';
import { CoreError } from '../errors';
import { importParticipants } from '../participants/importParticipants';
import { importBundle } from './importBundle';
import { readBundle } from './readBundle';
import type { ImportJob, ImportOutcome } from './importInWorker';

// Runs one import on its own connection to the same database file, so that the process that
// started it (Electron's main process, the browser-mode server) keeps answering meanwhile.
async function run(job: ImportJob): Promise<ImportOutcome<unknown>> {
  const ctx = await openCore(job.databasePath, {
    ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
    // This connection never signs, and must leave the key where the host keeps it.
    deviceKeys: null,
  });
  const backup = job.backupDir ? { backupDir: job.backupDir } : {};
  try {
    if (job.kind === 'participants') return { ok: true, result: await importParticipants(ctx, job.request, backup) };
    parentPort?.postMessage({ progress: { phase: 'verify', done: 0, total: 0 } });
    const result = await importBundle(ctx, readBundle(job.bytes), {
      trustNewDevice: job.trustNewDevice,
      ...backup,
      onProgress: (progress) => parentPort?.postMessage({ progress }),
    });
    return { ok: true, result };
  } catch (error) {
    return error instanceof CoreError
      ? { ok: false, code: error.code, message: error.message }
      : { ok: false, code: 'internal', message: (error as Error).message };
  } finally {
    closeCore(ctx);
  }
}

void run(workerData as ImportJob).then((outcome) => parentPort?.postMessage(outcome));
