import { parentPort } from 'node:worker_threads';
import { CoreError } from '../errors';
import { openReadContext } from '../workers/readContext';
import type { ExportRequest, ExportWorkerMessage } from './exportThreads';
import { produceExport } from './exportJob';

// Composes exports one at a time, each on its own read-only connection to the database, so that
// the process that asked (Electron's main process, the browser-mode server) keeps answering
// meanwhile. The thread waits for the next one (exportThreads.ts). PDF printing stays with the
// host, which owns the printer (webContents.printToPDF in the desktop app).
async function run(request: ExportRequest): Promise<ExportWorkerMessage> {
  try {
    const ctx = openReadContext(request.databasePath, request.nativeBinding);
    try {
      const produced = await produceExport(ctx.db, request.job, (progress) => parentPort?.postMessage({ progress } satisfies ExportWorkerMessage));
      return { ok: true, produced };
    } finally {
      ctx.db.close();
    }
  } catch (error) {
    if (error instanceof CoreError) return { ok: false, code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
    return { ok: false, code: 'internal', message: (error as Error).message };
  }
}

parentPort?.on('message', (request: ExportRequest) => void run(request).then((message) => parentPort?.postMessage(message)));
