import type { PaperSize } from '../../shared/exports';
import packageJson from '../../package.json';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { restoreClockValue, type Writer } from './store/changeLog';
import { closeDatabase, openDatabase, type OpenOptions } from './store/openDatabase';
import { HybridClock } from './sync/hybridClock';
import type { ImportWorkerConfig } from './sync/importInWorker';

export type Transport = 'electron' | 'http' | 'cli';

/** Everything a command handler needs: the database, this device, its clock. */
export interface CoreContext extends Writer {
  databasePath: string;
  version: string;
  /** Set by long-running hosts (the desktop app, browser mode) so imports run off their main thread. */
  importWorker?: ImportWorkerConfig;
  /** Set by the desktop app (webContents.printToPDF); elsewhere exports look for a Chromium to print with. */
  pdfPrinter?: PdfPrinter;
}

/** Prints a self-contained HTML page (with its own print stylesheet) to PDF bytes. */
export type PdfPrinter = (html: string, paper: PaperSize) => Promise<Uint8Array>;

export const appVersion: string = packageJson.version;

export async function openCore(databasePath: string, options: OpenOptions & { wallClock?: () => number } = {}): Promise<CoreContext> {
  const db = await openDatabase(databasePath, options);
  const deviceId = ensureDeviceId(db, options.readonly === true);
  const saved = restoreClockValue(db, deviceId);
  const clock = new HybridClock(options.wallClock, saved.last, saved.newestSeen);
  return { db, deviceId, clock, databasePath, version: appVersion };
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
  closeDatabase(ctx.db);
}
