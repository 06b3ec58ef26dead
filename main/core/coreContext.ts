import type { PaperSize } from '../../shared/exports';
import packageJson from '../../package.json';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { restoreClockValue, type Writer } from './store/changeLog';
import { openDatabase, type OpenOptions } from './store/openDatabase';
import { HybridClock } from './sync/hybridClock';
import { rollBackUnfinishedImports } from './sync/rollBackImport';
import { CoreWorker } from './workers/coreWorker';
import { defaultWorkerScript } from './workers/workerScript';

export type Transport = 'electron' | 'http' | 'cli';

/** Everything a command handler needs: the database, this device, its clock. */
export interface CoreContext extends Writer {
  databasePath: string;
  version: string;
  /**
   * The one worker thread that reads, verifies and plans imports (and composes exports) on a
   * read-only connection, for every host alike: the desktop app, browser mode, the CLI and tests.
   */
  worker: CoreWorker;
  /** The native SQLite build this process runs on, which the worker loads too. */
  nativeBinding?: string;
  /** Set by the desktop app (webContents.printToPDF); elsewhere exports look for a Chromium to print with. */
  pdfPrinter?: PdfPrinter;
}

/** Prints a self-contained HTML page (with its own print stylesheet) to PDF bytes. */
export type PdfPrinter = (html: string, paper: PaperSize) => Promise<Uint8Array>;

export const appVersion: string = packageJson.version;

export interface CoreOptions extends OpenOptions {
  wallClock?: () => number;
  /** The built worker script; next to the running bundle (or in PLENARY_WORKER_DIR) by default. */
  workerScript?: string;
}

/**
 * Opens the database for writing (migrating it if needed) and undoes any import a crash
 * interrupted, before anyone reads a half-imported forum.
 */
export async function openCore(databasePath: string, options: CoreOptions = {}): Promise<CoreContext> {
  const db = await openDatabase(databasePath, options);
  const deviceId = ensureDeviceId(db);
  const saved = restoreClockValue(db, deviceId);
  const clock = new HybridClock(options.wallClock, saved.last, saved.newestSeen);
  const script = options.workerScript ?? defaultWorkerScript();
  const worker = new CoreWorker({ script, databasePath, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const ctx: CoreContext = { db, deviceId, clock, databasePath, version: appVersion, worker, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
  try {
    rollBackUnfinishedImports(db);
  } catch (error) {
    closeCore(ctx);
    throw error;
  }
  return ctx;
}

/** Created once per installation; sync tells laptops apart by it. */
function ensureDeviceId(db: Database): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = randomUUID();
  db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(id);
  return id;
}

export function closeCore(ctx: CoreContext): void {
  void ctx.worker.close();
  if (ctx.db.open) ctx.db.close();
}
