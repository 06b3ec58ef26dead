import { Worker } from 'node:worker_threads';
import { CoreError } from '../errors';
import type { JobItem, JobProgress, WorkerJobName, WorkerJobs, WorkerReply, WorkerRequest } from './workerJobs';

export interface CoreWorkerConfig {
  /** The built worker script (dist/main/coreWorker.cjs). */
  script: string;
  databasePath: string;
  /** The native SQLite build the host runs on (Electron keeps its own). */
  nativeBinding?: string;
}

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
    const { script, databasePath, nativeBinding } = this.config;
    const worker = new Worker(script, { workerData: { databasePath, ...(nativeBinding ? { nativeBinding } : {}) } });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    const fail = (message: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, job] of this.pending) {
        this.pending.delete(id);
        job.reject(new CoreError('internal', message));
      }
    };
    worker.once('error', (error) => fail(`The background worker stopped unexpectedly (${error.message}); nothing was changed.`));
    worker.once('exit', (code) => fail(`The background worker stopped unexpectedly (exit code ${code}); nothing was changed.`));
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
