import { Worker, type ResourceLimits } from 'node:worker_threads';
import { CoreError } from '../errors';
import type { JobItem, JobProgress, WorkerJobName, WorkerJobs, WorkerReply, WorkerRequest } from './workerJobs';

export interface CoreWorkerConfig {
  /** The built worker script (dist/main/coreWorker.cjs). */
  script: string;
  databasePath: string;
  /** The native SQLite build the host runs on (Electron keeps its own). */
  nativeBinding?: string;
  /** The thread's heap, if not V8's default for this computer (tests make it small). */
  resourceLimits?: ResourceLimits;
}

/**
 * Said when the thread ran out of memory: Node stops it (the process and the database are not
 * touched), and what it was doing is refused with words a person can act on.
 */
const outOfMemoryMessage =
  'The work needed more memory than Plenary’s background thread has on this laptop, so it was stopped; nothing was changed. ' +
  'Import very large bundles one at a time, or ask for smaller ones (one per laptop or per day), and close other programs if you can.';

const outOfMemory = (error: Error) => (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: ((progress: JobProgress) => void) | undefined;
  onItem?: ((item: unknown) => void) | undefined;
}

/**
 * The main thread's handle on the worker: started on first use, kept for later jobs (a USB
 * stick of fifty bundles starts one thread, not fifty), restarted if it dies, and never keeping
 * a process alive on its own.
 */
export class CoreWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(readonly config: CoreWorkerConfig) {}

  run<K extends WorkerJobName>(
    name: K,
    input: WorkerJobs[K]['input'],
    onProgress?: (progress: JobProgress) => void,
    onItem?: (item: JobItem<K>) => void,
  ): Promise<WorkerJobs[K]['output']> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress, onItem: onItem as ((item: unknown) => void) | undefined });
      worker.ref();
      worker.postMessage({ id, name, input } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const { script, databasePath, nativeBinding, resourceLimits } = this.config;
    const worker = new Worker(script, { workerData: { databasePath, ...(nativeBinding ? { nativeBinding } : {}) }, ...(resourceLimits ? { resourceLimits } : {}) });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    const fail = (error: CoreError) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, job] of this.pending) {
        this.pending.delete(id);
        job.reject(error);
      }
    };
    worker.once('error', (error) =>
      fail(outOfMemory(error) ? new CoreError('out_of_memory', outOfMemoryMessage) : new CoreError('internal', `The background worker stopped unexpectedly (${error.message}); nothing was changed.`)),
    );
    worker.once('exit', (code) => fail(new CoreError('internal', `The background worker stopped unexpectedly (exit code ${code}); nothing was changed.`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    if ('progress' in reply) return job.onProgress?.(reply.progress);
    if ('item' in reply) return job.onItem?.(reply.item);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) job.resolve(reply.output);
    else job.reject(new CoreError(reply.code, reply.message, reply.issues));
  }
}
