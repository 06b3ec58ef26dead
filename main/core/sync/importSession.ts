import type { AppError } from '../../../shared/result';
import type { ImportPreview, ImportProgress } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { discardBackup } from '../store/backupDatabase';
import { checkpointWal } from '../store/walCheckpoints';
import { backupForImport } from '../workers/backupForImport';
import { takeBackupAhead } from './backupAhead';
import { releaseNowAllowed } from '../roles/heldByRole';
import { reviewAppliedSince } from '../roles/reviewApplied';
import { applyBundleRun, readyRun, type BundleOutcome } from './applyBundleRun';
import { oneImportAtATime } from './oneImportAtATime';
import type { SessionPlanItem } from './planBundleSession';
import type { JobProgress } from '../workers/workerJobs';

export interface SessionFile {
  name: string;
  bytes: Uint8Array;
}

export interface SessionOptions {
  /** Laptops seen for the first time that the user trusts (by device id), or all of them. */
  trust: boolean | readonly string[];
  confirmMassChanges?: boolean;
  applyHeld?: boolean;
  backupDir?: string;
  /** Live sync backs up now and then itself, not before each small pull (see venueController.ts). */
  skipBackup?: boolean;
  now?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export type SessionOutcome = BundleOutcome;

export interface SessionResult {
  bundles: SessionOutcome[];
  backupPath: string | null;
  /** The longest the session held the write lock in one transaction, in milliseconds. */
  longestLockMs: number;
  transactions: number;
  /** How many times bundles were applied: a run of bundles whose plans were ready counts once. */
  runs: number;
}

/** Changes stamped more than this ahead of this laptop's clock are held back unless the user says otherwise. */
export const defaultHoldAheadMs = 24 * 60 * 60 * 1000;

/** How far ahead a change may be stamped before it is held back: configurable per database. */
export function holdAheadMs(ctx: CoreContext): number {
  const value = ctx.db.prepare("SELECT value FROM meta WHERE key = 'hold_ahead_ms'").pluck().get();
  const ms = Number(value);
  return typeof value === 'string' && Number.isFinite(ms) && ms > 0 ? ms : defaultHoldAheadMs;
}

/**
 * Imports a session of bundles (a USB stick full, in any order) the way the app does everywhere.
 * The worker reads, verifies and plans them one after another, each against the state the ones
 * before it leave; the main connection applies each plan in short transactions as soon as it
 * arrives, so reading the next overlaps writing this one. One backup, taken while the first
 * bundle is read, before the first bundle goes in. Each bundle is all or nothing on its own: a
 * damaged or untrusted one, or one that fails to apply, is listed with its reason and the others
 * go in.
 */
export function importBundles(ctx: CoreContext, files: readonly SessionFile[], options: SessionOptions): Promise<SessionResult> {
  // Requests from the screens after this one shorten the writes' slices (sliceBudget.ts).
  const since = performance.now();
  return oneImportAtATime(ctx, async () => {
    const now = options.now ?? Date.now();
    const bundles = files.length;
    const report = sessionBar(bundles, options.onProgress);
    const arrived: Array<SessionPlanItem | undefined> = [];
    const waiting = new Map<number, (item: SessionPlanItem) => void>();
    const take = (index: number) =>
      new Promise<SessionPlanItem>((resolve) => {
        const ready = arrived[index];
        if (ready) resolve(ready);
        else waiting.set(index, resolve);
      });
    report(0, 0, { phase: 'verify', done: 0, total: 0 });
    // The bundle the main thread waits for: the worker's news of it is the bar's, of a later one not yet.
    let waitingFor = 0;
    const planning = ctx.worker.run(
      'bundles:plan',
      {
        files: files.map((f) => ({ name: f.name, bytes: f.bytes })),
        now,
        holdAheadMs: holdAheadMs(ctx),
        applyHeld: options.applyHeld === true,
        consent: { trust: options.trust, confirmMassChanges: options.confirmMassChanges === true },
      },
      (p) => {
        if (p.item === waitingFor && !arrived[waitingFor]) reportPlanning(report, waitingFor, p, verifyShare, planShare);
      },
      (item) => {
        arrived[item.index] = item;
        waiting.get(item.index)?.(item);
      },
    );
    // A worker that dies answers every bundle still waiting with the same error.
    planning.catch((error: unknown) => {
      const failed = { code: error instanceof CoreError ? error.code : 'internal', message: (error as Error).message } as const;
      for (const [index, resolve] of waiting) resolve({ index, error: failed });
      for (let i = 0; i < files.length; i++) arrived[i] ??= { index: i, error: failed };
    });

    // Begun while the preview was read (backupAhead.ts), or now, while the worker reads the first
    // bundle: nothing is written before a whole backup exists.
    const backup = options.skipBackup === true ? undefined : (takeBackupAhead(ctx, options.backupDir) ?? backupForImport(ctx, options.backupDir, 'before-import'));
    backup?.catch(() => undefined);
    const result: SessionResult = { bundles: [], backupPath: null, longestLockMs: 0, transactions: 0, runs: 0 };
    let applied = 0;
    let planned = 0;
    // A bundle went in without syncing the WAL (it was not the session's last): see below.
    let unsynced = false;
    const seqBefore = (ctx.db.prepare("SELECT ifnull(max(seq), 0) FROM changes").pluck().get() as number);
    const nameOf = (index: number) => files[index]?.name ?? `bundle ${index + 1}`;

    for (let index = 0; index < files.length; ) {
      waitingFor = index;
      if (index > 0) report(index, 0, { phase: 'verify', done: 0, total: 0 });
      const item = await take(index);
      if ('error' in item) {
        result.bundles.push({ name: nameOf(index), status: 'refused', error: item.error });
        report(index, 1, { phase: 'verify', done: 0, total: 0 });
        index += 1;
        continue;
      }
      // The worker's news of bundles it handed over meanwhile lands first, so they join the run.
      await new Promise((resolve) => setImmediate(resolve));
      const run = readyRun(item.plan, arrived, index, files.length).map((plan, i) => ({ index: index + i, name: nameOf(index + i), plan }));
      for (const r of run) planned += r.plan.preview.changes.new;
      if (backup && result.backupPath === null) {
        report(index, verifyShare + planShare, { phase: 'backup', done: 0, total: 0 });
        result.backupPath = await backup;
      }
      const base = applied;
      const outcome = await applyBundleRun(ctx, run, {
        now,
        since,
        durableAt: (at) => at === files.length - 1,
        onProgress: (at, share, done, total) =>
          report(at, verifyShare + planShare + (1 - verifyShare - planShare) * share, {
            phase: 'apply',
            done: base + done,
            total: Math.max(planned, base + total),
          }),
      });
      result.bundles.push(...outcome.outcomes);
      applied += outcome.applied;
      result.runs += outcome.runs;
      result.transactions += outcome.transactions;
      result.longestLockMs = Math.max(result.longestLockMs, outcome.longestLockMs);
      if (outcome.outcomes.some((o) => o.status === 'imported')) unsynced = outcome.unsynced;
      index += run.length;
    }
    await planning.catch(() => undefined);
    // The last file was refused or failed after others went in unsynced: a checkpoint that waits
    // for readers syncs the WAL (and copies it back), so the session still ends durable.
    if (unsynced) checkpointWal(ctx.db, 'FULL');
    // Grants and revocations that arrived may change what stands: work they no longer allow is
    // held back, and work held back for want of a grant that came goes in.
    for (const forumId of new Set(result.bundles.flatMap((b) => (b.status === 'imported' ? [b.preview.forum.id] : [])))) {
      reviewAppliedSince(ctx, forumId, seqBefore);
      releaseNowAllowed(ctx, forumId);
    }
    // Nothing went in: the backup (begun with the session, so made even if no bundle waited for
    // it) is a copy of what is still here.
    if (!result.bundles.some((b) => b.status === 'imported')) {
      const made = result.backupPath ?? (await backup?.catch(() => null));
      if (made) discardBackup(made);
      result.backupPath = null;
    }
    report(Math.max(0, bundles - 1), 1, { phase: 'done', done: applied, total: applied });
    return result;
  });
}

/** Shares of one bundle's part of the bar: reading and checking its lines, planning, then writing. */
const verifyShare = 0.35;
const planShare = 0.15;

/**
 * Reports the session's progress with how far the whole is (`share`): bundles through, and the
 * share of the current one done. It only moves forward, whatever the order reports arrive in.
 */
function sessionBar(bundles: number, onProgress: ((progress: ImportProgress) => void) | undefined) {
  let share = 0;
  return (index: number, within: number, progress: Omit<ImportProgress, 'bundle' | 'bundles' | 'share'>) => {
    if (!onProgress) return;
    share = Math.max(share, Math.min(1, bundles > 0 ? (index + Math.min(1, Math.max(0, within))) / bundles : 1));
    onProgress({ ...progress, bundle: Math.min(index + 1, Math.max(bundles, 1)), bundles, share });
  };
}

/** The worker's news of a bundle it reads and plans, as a share of that bundle: reading, then planning. */
function reportPlanning(report: ReturnType<typeof sessionBar>, index: number, p: JobProgress, reading: number, planning: number): void {
  const part = p.total > 0 ? p.done / p.total : 0;
  if (p.phase === 'verify') report(index, reading * part, { phase: 'verify', done: p.done, total: p.total });
  else if (p.phase === 'plan') report(index, reading + planning * part, { phase: 'plan', done: p.done, total: p.total });
}

/** Each bundle's preview, planned as if the ones before it went in; nothing is written. */
export async function previewBundles(
  ctx: CoreContext,
  files: readonly SessionFile[],
  now = Date.now(),
  onProgress?: (progress: ImportProgress) => void,
): Promise<PreviewOutcome[]> {
  const outcomes: PreviewOutcome[] = files.map((f) => ({ name: f.name, status: 'refused', error: { code: 'internal', message: 'Not read.' } }));
  const report = sessionBar(files.length, onProgress);
  // Nothing is written: a bundle's share is its reading and checking, then its planning.
  const readShare = verifyShare / (verifyShare + planShare);
  report(0, 0, { phase: 'verify', done: 0, total: 0 });
  await ctx.worker.run(
    'bundles:plan',
    { files: files.map((f) => ({ name: f.name, bytes: f.bytes })), now, holdAheadMs: holdAheadMs(ctx), applyHeld: false },
    (p) => reportPlanning(report, p.item ?? 0, p, readShare, 1 - readShare),
    (item) => {
      const name = files[item.index]?.name ?? '';
      outcomes[item.index] = 'error' in item ? { name, status: 'refused', error: item.error } : { name, status: 'ready', preview: item.plan.preview };
    },
  );
  report(Math.max(0, files.length - 1), 1, { phase: 'done', done: files.length, total: files.length });
  return outcomes;
}

export type PreviewOutcome = { name: string; status: 'ready'; preview: ImportPreview } | { name: string; status: 'refused'; error: AppError };
