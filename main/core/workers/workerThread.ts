import { parentPort, workerData } from 'node:worker_threads';
import { openReadContext, readContextOf, type ReadContext } from './readContext';
import { runWorkerJob, type WorkerEnv, type WorkerRequest } from './workerJobs';

// The core's worker thread (built as dist/main/coreWorker.cjs): one read-only connection to the
// database, opened once, and jobs taken one at a time from the main thread.
const { databasePath, nativeBinding } = workerData as { databasePath: string; nativeBinding?: string };
let read: ReadContext | undefined;
let queue: Promise<void> = Promise.resolve();

const env: WorkerEnv = {
  // The connection stays; what it says of this device is read again for every job that asks,
  // since the device may have made its key (or a new identity) since the last one.
  read: () => (read = read ? readContextOf(read.db, databasePath) : openReadContext(databasePath, nativeBinding)),
  nativeBinding,
};

parentPort?.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => runWorkerJob(env, request, (reply) => parentPort?.postMessage(reply)));
});
