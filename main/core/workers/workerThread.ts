import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { openReadContext, readContextOf, type ReadContext } from './readContext';
import { runWorkerJob, type WorkerEnv, type WorkerRequest } from './workerJobs';
import { plansAhead } from '../sync/plansAhead';

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

// After a job has answered, when no other job waits: the work it left for later (a preview's
// plans ahead), which stops between two of its steps as soon as a job arrives.
let waiting = 0;

function take(request: WorkerRequest): void {
  waiting += 1;
  queue = queue
    .then(() => {
      waiting -= 1;
      return runWorkerJob(env, request, (reply) => parentPort?.postMessage(reply));
    })
    .then(afterJob);
}

// Asked between two steps of the work left for later, which runs without turning the event
// loop: a job sent meanwhile (the click on Import) is taken off the port at once, so it stops.
function jobWaiting(): boolean {
  const received = waiting === 0 && parentPort ? receiveMessageOnPort(parentPort) : undefined;
  if (received) take(received.message as WorkerRequest);
  return waiting > 0;
}

function afterJob(): Promise<void> | undefined {
  if (waiting > 0) return undefined;
  return plansAhead.runScheduled(jobWaiting).catch(() => {
    plansAhead.clear(); // the import plans afresh
  });
}

parentPort?.on('message', take);
