import type { PaperSize } from '../../shared/exports';
import packageJson from '../../package.json';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import { type Writer } from './store/changeLog';
import { restoreClockValue } from './store/clockState';
import { closeDatabase, openDatabase, type OpenOptions } from './store/openDatabase';
import { closeExportThreads } from './exports/exportInWorker';
import { dropBackupAhead } from './sync/backupAhead';
import { fileKeyStore, type DeviceKeyStore } from './sync/deviceKeyStore';
import { HybridClock } from './sync/hybridClock';
import { moveKeyOutOfDatabase } from './sync/moveKeyOutOfDatabase';
import { rollBackUnfinishedImports } from './sync/rollBackImport';
import { CoreWorker } from './workers/coreWorker';
import { defaultWorkerScript } from './workers/workerScript';
import type { VenueController } from './venue/venueController';

export type Transport = 'electron' | 'http' | 'cli';

/** Everything a command handler needs: the database, this device, its clock. */
export interface CoreContext extends Writer {
  databasePath: string;
  version: string;
  /**
   * The one worker thread that reads, verifies and plans imports on a read-only connection, for
   * every host alike: the desktop app, browser mode, the CLI and tests (exports have threads of
   * their own, exportThreads.ts).
   */
  worker: CoreWorker;
  /**
   * A second thread, for checks that must not wait behind the first one's long jobs: a backup's
   * integrity check runs there while the first plans the bundles it precedes.
   */
  checker: CoreWorker;
  /** The native SQLite build this process runs on, which the worker loads too. */
  nativeBinding?: string;
  /** Where the device's private signing key is kept; null on connections that never sign. */
  deviceKeys: DeviceKeyStore | null;
  /** Set by the desktop app (webContents.printToPDF); elsewhere exports look for a Chromium to print with. */
  pdfPrinter?: PdfPrinter;
  /** Venue mode (live sync with paired laptops), once something asked for it: closed with the core. */
  venue?: VenueController;
}

/** Prints a self-contained HTML page (with its own print stylesheet) to PDF bytes. */
export type PdfPrinter = (html: string, paper: PaperSize) => Promise<Uint8Array>;

export const appVersion: string = packageJson.version;

export interface CoreOptions extends OpenOptions {
  wallClock?: () => number;
  /** The built worker script; next to the running bundle (or in PLENARY_WORKER_DIR) by default. */
  workerScript?: string;
  /** The worker threads' heap, if not V8's default for this computer (tests make it small). */
  workerLimits?: ResourceLimits;
  /**
   * Where the private key lives: by default a 0600 key file beside the database; the desktop app
   * passes one encrypted with the system keychain. Null for connections that never sign.
   */
  deviceKeys?: DeviceKeyStore | null;
}

/**
 * Opens the database for writing (migrating it if needed), moves a private key an older version
 * kept in it out to the key store, and undoes any import a crash interrupted, before anyone
 * reads a half-imported forum.
 */
export async function openCore(databasePath: string, options: CoreOptions = {}): Promise<CoreContext> {
  const db = await openDatabase(databasePath, options);
  const readonly = options.readonly === true;
  let worker: CoreWorker | undefined;
  let checker: CoreWorker | undefined;
  try {
    const deviceId = ensureDeviceId(db, readonly);
    const deviceKeys = options.deviceKeys === undefined ? fileKeyStore(databasePath) : options.deviceKeys;
    // A read-only open writes nothing: the key stays where it is, and an unfinished import waits
    // for the next open that may write to be undone.
    if (deviceKeys && !readonly) {
      moveKeyOutOfDatabase(db, deviceKeys, {
        backupDir: options.backupDir ?? path.join(path.dirname(databasePath), 'backups'),
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
    }
    const saved = restoreClockValue(db, deviceId);
    const clock = new HybridClock(options.wallClock, saved.last, saved.newestSeen);
    const script = options.workerScript ?? defaultWorkerScript();
    const config = {
      script,
      databasePath,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.workerLimits ? { resourceLimits: options.workerLimits } : {}),
    };
    // Threads start on first use: a context that never imports starts neither.
    worker = new CoreWorker(config);
    checker = new CoreWorker(config);
    if (!readonly) rollBackUnfinishedImports(db);
    return { db, deviceId, clock, databasePath, version: appVersion, worker, checker, deviceKeys, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
  } catch (error) {
    void worker?.close();
    void checker?.close();
    closeDatabase(db);
    throw error;
  }
}

/**
 * Created once per installation; sync tells laptops apart by it. A read-only open of a database
 * that has none yet writes nothing: it makes do with an id of its own that no change will carry.
 */
function ensureDeviceId(db: Database, readonly: boolean): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = randomUUID();
  if (readonly) return id;
  db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(id);
  return id;
}

export function closeCore(ctx: CoreContext): void {
  // Its timers stop at once, before the database closes; its listeners close in the background.
  void ctx.venue?.close();
  // A preview's backup that no import took is not left beside the database.
  dropBackupAhead(ctx);
  void ctx.worker.close();
  void ctx.checker.close();
  // The thread kept for the next export (exportThreads.ts).
  closeExportThreads(ctx);
  closeDatabase(ctx.db);
}
