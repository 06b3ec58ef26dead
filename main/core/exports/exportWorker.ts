import { parentPort, workerData } from 'node:worker_threads';
import { closeCore, openCore } from '../coreContext';
import { CoreError } from '../errors';
import type { ExportWorkerData, ExportWorkerMessage } from './exportInWorker';
import { produceExport } from './exportJob';

// Composes one export on its own read connection to the database, so that the process that asked
// (Electron's main process, the browser-mode server) keeps answering meanwhile. PDF printing stays
// with the host, which owns the printer (webContents.printToPDF in the desktop app).
async function run(data: ExportWorkerData): Promise<ExportWorkerMessage> {
  const ctx = await openCore(data.databasePath, { readonly: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
  try {
    const produced = await produceExport(ctx.db, data.job, (progress) => parentPort?.postMessage({ progress } satisfies ExportWorkerMessage));
    return { ok: true, produced };
  } catch (error) {
    if (error instanceof CoreError) return { ok: false, code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
    return { ok: false, code: 'internal', message: (error as Error).message };
  } finally {
    closeCore(ctx);
  }
}

void run(workerData as ExportWorkerData).then((message) => parentPort?.postMessage(message));
