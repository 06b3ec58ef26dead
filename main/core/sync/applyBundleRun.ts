import { randomUUID } from 'node:crypto';
import type { AppError } from '../../../shared/result';
import type { ImportPreview } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { applyBundlePlans, sharesSlices } from './applyBundlePlans';
import { describeWriteFailure } from './describeWriteFailure';
import type { ImportJournal } from './importJournal';
import type { BundlePlan } from './planBundleImport';
import type { SessionPlanItem } from './planBundleSession';
import { undoImport } from './rollBackImport';

export type BundleOutcome = { name: string; status: 'imported'; preview: ImportPreview } | { name: string; status: 'refused'; error: AppError };

/** A bundle of a session, planned: its place among the session's files, and its file name. */
export interface RunItem {
  index: number;
  name: string;
  plan: BundlePlan;
}

/** A run of bundles applied together holds at most this many changes (see readyRun). */
export const maxRunChanges = 20_000;

/**
 * The plans ready to go in from `index` on, in file order: `first` (the one there), and the ones
 * after it that arrived and may share its slices (sharesSlices), up to `maxRunChanges` changes in
 * all: a crash undoes a run whole, and a run that fails is applied again bundle by bundle.
 */
export function readyRun(first: BundlePlan, arrived: ReadonlyArray<SessionPlanItem | undefined>, index: number, count: number): BundlePlan[] {
  const run = [first];
  if (!sharesSlices(first)) return run;
  let changes = first.changes.count;
  for (let next = index + 1; next < count; next++) {
    const ready = arrived[next];
    if (!ready || 'error' in ready || !sharesSlices(ready.plan) || changes + ready.plan.changes.count > maxRunChanges) break;
    run.push(ready.plan);
    changes += ready.plan.changes.count;
  }
  return run;
}

export interface RunOptions {
  now: number;
  /** When the session was asked for (performance.now()): see applyInChunks. */
  since: number;
  /** Whether the session's WAL is synced as the bundle at this index ends: its last file's. */
  durableAt(index: number): boolean;
  /** Writing went `share` (0 to 1) of the way through the bundle at `index`; `done` of the run's `total` units (changes, new rows). */
  onProgress?(index: number, share: number, done: number, total: number): void;
}

export interface RunResult {
  /** Each bundle's outcome, in the run's order. */
  outcomes: BundleOutcome[];
  /** New changes that went in. */
  applied: number;
  /** Times bundles were applied: one for the run, and one per bundle if it had to be taken apart. */
  runs: number;
  transactions: number;
  longestLockMs: number;
  /** The last bundle that went in did so without syncing the WAL. */
  unsynced: boolean;
}

/**
 * Applies a run of bundles (applyBundlePlans): together first, and if that fails, undone and then
 * one at a time, so the bundle that fails is named with its reason and the others go in.
 */
export async function applyBundleRun(ctx: CoreContext, run: readonly RunItem[], options: RunOptions): Promise<RunResult> {
  const result: RunResult = { outcomes: [], applied: 0, runs: 0, transactions: 0, longestLockMs: 0, unsynced: false };
  const last = run.at(-1);
  if (!last) return result;
  const durable = options.durableAt(last.index);
  const journal: ImportJournal = { id: randomUUID(), kind: 'bundle', ranges: [] };
  result.runs = 1;
  try {
    const stats = await applyBundlePlans(
      ctx,
      run.map((r) => r.plan),
      journal,
      {
        now: new Date(options.now),
        since: options.since,
        durable,
        onProgress: (p) => {
          // Through the run's bundles in proportion: the bar names the one the writing is in.
          const position = run.length * (p.total > 0 ? p.done / p.total : 1);
          const at = Math.min(run.length - 1, Math.floor(position));
          options.onProgress?.(run[at]?.index ?? last.index, position - at, p.done, p.total);
        },
      },
    );
    for (const r of run) {
      result.applied += r.plan.preview.changes.new;
      result.outcomes.push({ name: r.name, status: 'imported', preview: r.plan.preview });
    }
    result.unsynced = !durable;
    result.transactions = stats.chunks;
    result.longestLockMs = stats.longestMs;
    return result;
  } catch (error) {
    undoImport(ctx.db, journal);
    if (run.length === 1) {
      result.outcomes.push({ name: last.name, status: 'refused', error: refusal(error, last.plan) });
      return result;
    }
  }
  // Units as applyBundlePlans counts them: changes, then new rows.
  const units = (r: RunItem) => r.plan.changes.count + r.plan.newRows.count;
  let done = 0;
  const total = run.reduce((sum, r) => sum + units(r), 0);
  for (const r of run) {
    const alone = await applyBundleRun(ctx, [r], {
      ...options,
      onProgress: (index, share, d, t) => options.onProgress?.(index, share, done + d, total - units(r) + t),
    });
    done += units(r);
    result.outcomes.push(...alone.outcomes);
    result.applied += alone.applied;
    result.runs += alone.runs;
    result.transactions += alone.transactions;
    result.longestLockMs = Math.max(result.longestLockMs, alone.longestLockMs);
    if (alone.outcomes.some((o) => o.status === 'imported')) result.unsynced = alone.unsynced;
  }
  return result;
}

function refusal(error: unknown, plan: BundlePlan): AppError {
  if (error instanceof CoreError) return { code: error.code, message: error.message };
  const why = describeWriteFailure(error, `Import of ${plan.signer.name}'s bundle`);
  return { code: 'bundle_rejected', message: `The import of ${plan.signer.name}’s bundle stopped before it finished (${why}) and was undone; nothing of it was kept.` };
}
