import { randomUUID } from 'node:crypto';
import type { ImportPreview, ImportProgress } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { backupDatabase, discardBackup } from '../store/backupDatabase';
import { applyBundlePlan } from './applyBundlePlan';
import { describeWriteFailure } from './describeWriteFailure';
import { pendingImports, type ImportJournal } from './importJournal';
import { oneImportAtATime } from './oneImportAtATime';
import { rollBackImport } from './rollBackImport';

export type { ImportPreview, ImportProgress };

export interface ImportResult extends ImportPreview {
  backupPath: string;
  /** The longest the import held the write lock in one transaction, in milliseconds. */
  longestLockMs: number;
  /** How many transactions it took: the screens' saves ran between them. */
  transactions: number;
}

export interface ImportOptions {
  trustNewDevice: boolean;
  confirmMassChanges?: boolean;
  applyHeld?: boolean;
  backupDir?: string;
  now?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** Changes stamped more than this ahead of this laptop's clock are held back unless the user says otherwise. */
export const defaultHoldAheadMs = 24 * 60 * 60 * 1000;

/** How far ahead a change may be stamped before it is held back: configurable per database. */
export function holdAheadMs(ctx: CoreContext): number {
  const value = ctx.db.prepare("SELECT value FROM meta WHERE key = 'hold_ahead_ms'").pluck().get();
  const ms = Number(value);
  return typeof value === 'string' && Number.isFinite(ms) && ms > 0 ? ms : defaultHoldAheadMs;
}

/** What importing would do, computed in the worker without writing anything. */
export async function previewBundle(ctx: CoreContext, bytes: Uint8Array, now = Date.now()): Promise<ImportPreview> {
  const plan = await ctx.worker.run('bundle:plan', { bytes, now, holdAheadMs: holdAheadMs(ctx), applyHeld: false });
  return plan.preview;
}

/**
 * Imports a bundle the way the app does everywhere: the worker reads, verifies, checks and plans
 * it on a read-only connection (refusing it, with nothing written, if anything is wrong); then a
 * backup; then the main connection applies the plan in short transactions, so the screens keep
 * saving meanwhile. All or nothing: an error in a later slice rolls the earlier ones back. Imports
 * run one at a time; importing the same bundle again, or bundles in any order, gives the same state.
 */
export function importBundle(ctx: CoreContext, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  return oneImportAtATime(ctx, async () => {
    const report = options.onProgress ?? (() => undefined);
    const now = options.now ?? Date.now();
    const plan = await ctx.worker.run(
      'bundle:plan',
      {
        bytes,
        now,
        holdAheadMs: holdAheadMs(ctx),
        applyHeld: options.applyHeld === true,
        consent: { trustNewDevice: options.trustNewDevice, confirmMassChanges: options.confirmMassChanges === true },
      },
      (progress) => report({ phase: progress.phase === 'verify' ? 'verify' : 'plan', done: progress.done, total: progress.total }),
    );
    report({ phase: 'backup', done: 0, total: 0 });
    const backupPath = await backupDatabase(ctx.db, ctx.databasePath, options.backupDir, 'before-import');
    const journal: ImportJournal = { id: randomUUID(), kind: 'bundle', ranges: [] };
    try {
      const stats = await applyBundlePlan(ctx, plan, journal, { now: new Date(now), onProgress: report });
      report({ phase: 'done', done: plan.preview.changes.total, total: plan.preview.changes.total });
      return { ...plan.preview, backupPath, longestLockMs: stats.longestMs, transactions: stats.chunks };
    } catch (error) {
      undo(ctx, journal);
      // Rolled back: the database is as the backup has it, which is no longer worth keeping.
      discardBackup(backupPath);
      if (error instanceof CoreError) throw error;
      const why = describeWriteFailure(error, `Import of ${plan.signer.name}'s bundle`);
      throw new CoreError('bundle_rejected', `The import of ${plan.signer.name}’s bundle stopped before it finished (${why}) and was undone; nothing was changed.`);
    }
  });
}

/** Rolls back whatever slices an import that failed had applied. */
export function undo(ctx: CoreContext, journal: ImportJournal): void {
  if (pendingImports(ctx.db).some((j) => j.id === journal.id)) rollBackImport(ctx.db, journal);
}
