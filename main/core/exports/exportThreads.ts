import { Worker } from 'node:worker_threads';
import type { ErrorCode, FieldIssue } from '../../../shared/result';
import { CoreError } from '../errors';
import type { ExportJob, Produced, ReportProgress } from './exportJob';

/** What the export thread is asked, one job at a time: the database to open (read-only), and the job. */
export interface ExportRequest {
  databasePath: string;
  nativeBinding?: string;
  job: ExportJob;
}

export type ExportWorkerMessage =
  | { progress: Parameters<ReportProgress>[0] }
  | { ok: true; produced: Produced }
  | { ok: false; code: ErrorCode; message: string; issues?: FieldIssue[] };

/** How long a thread is kept after its export, for the next: a person exports again, or phones ask for the new version. */
export const keepIdleMs = 2 * 60_000;

/**
 * The threads that compose exports. Starting one (its 2 MB script) and V8 warming to it took
 * two thirds of a Word export (465 to 513 ms in a new thread, 169 to 212 in a warm one, on a
 * 2-core machine): so the thread that finished is kept, idle, for the next export, and closed
 * after `idleMs` unused or with the core. Exports asked for
 * while it works (the app's and the phones' at once) get threads of their own, as before.
 * Each job opens its own read-only connection and closes it, so an idle thread holds no file.
 * An idle thread never keeps a process alive (the CLI exits once its file is written).
 */
export class ExportThreads {
  private idle: { worker: Worker; timer: NodeJS.Timeout; exited: () => void } | undefined;
  private closed = false;
  /** Threads started so far: what the tests and the bench count. */
  started = 0;

  constructor(
    private readonly script: string,
    private readonly idleMs = keepIdleMs,
  ) {}

  /** Whether a thread is waiting for the next export. */
  get waiting(): boolean {
    return this.idle !== undefined;
  }

  run(request: ExportRequest, report: ReportProgress): Promise<Produced> {
    const worker = this.take();
    return new Promise((resolve, reject) => {
      let settled = false;
      const done = () => {
        settled = true;
        worker.off('message', message);
        worker.off('error', failed);
        worker.off('exit', exited);
      };
      const message = (reply: ExportWorkerMessage) => {
        if ('progress' in reply) return report(reply.progress);
        done();
        this.giveBack(worker);
        if (reply.ok) resolve(reply.produced);
        else reject(new CoreError(reply.code, reply.message, reply.issues));
      };
      const failed = (error: Error) => {
        done();
        void worker.terminate();
        reject(new CoreError('internal', `The export stopped unexpectedly: ${error.message}`));
      };
      const exited = (code: number) => {
        if (settled) return;
        done();
        reject(new CoreError('internal', `The export stopped unexpectedly (exit code ${code}); no file was written.`));
      };
      worker.on('message', message);
      worker.once('error', failed);
      worker.once('exit', exited);
      // While it works, the thread keeps the process alive: the CLI waits for its file.
      worker.ref();
      worker.postMessage(request);
    });
  }

  /** For good: the idle thread ends, and threads still working end when their export does. */
  async close(): Promise<void> {
    this.closed = true;
    await this.endIdle();
  }

  /** Ends the thread waiting for the next export, if any: the next one starts a new thread. */
  async endIdle(): Promise<void> {
    const idle = this.idle;
    this.idle = undefined;
    if (!idle) return;
    clearTimeout(idle.timer);
    idle.worker.off('exit', idle.exited);
    await idle.worker.terminate();
  }

  private take(): Worker {
    const idle = this.idle;
    if (idle) {
      this.idle = undefined;
      clearTimeout(idle.timer);
      idle.worker.off('exit', idle.exited);
      return idle.worker;
    }
    this.started += 1;
    return new Worker(this.script);
  }

  private giveBack(worker: Worker): void {
    if (this.closed || this.idle) {
      void worker.terminate();
      return;
    }
    worker.unref();
    const timer = setTimeout(() => {
      if (this.idle?.worker !== worker) return;
      this.idle = undefined;
      void worker.terminate();
    }, this.idleMs);
    timer.unref();
    // A thread that dies while it waits (out of memory in V8's own cleanup, say) is not handed a job.
    const exited = () => {
      if (this.idle?.worker !== worker) return;
      clearTimeout(timer);
      this.idle = undefined;
    };
    worker.once('exit', exited);
    this.idle = { worker, timer, exited };
  }
}
