import type { Database } from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { sliceBudgetMs } from './sliceBudget';
import { checkpointWal, holdCheckpoints, releaseCheckpoints } from './walCheckpoints';

/** Units of work applied in order, [from, to) at a time. */
export interface ChunkPhase {
  /** How many units; a function when it is known only once the phases before it are applied. */
  total: number | (() => number);
  applyRange(from: number, to: number): void;
  /**
   * Inside the slice's transaction, after the phase's last step in it (before the next phase's
   * first, or the commit): for work a phase gathers across its steps and writes once per slice.
   */
  endSlice?(): void;
  /** The slice failed after this phase's steps in it and is being undone: drop what was gathered. */
  abandonSlice?(): void;
}

/** Work the main connection applies a slice at a time. */
export interface ChunkedWork extends ChunkPhase {
  /** Runs in its own transaction after the last slice: see applyInChunks. */
  finish(): void;
}

/** Work in phases, each begun once the one before is applied; a slice may span two. */
export interface PhasedWork {
  phases: ChunkPhase[];
  finish(): void;
}

export interface ChunkStats {
  chunks: number;
  /** The longest a single transaction held the write lock, in milliseconds. */
  longestMs: number;
}

export interface ChunkOptions {
  /**
   * How long one transaction may hold the write lock; a keystroke's save waits at most this. By
   * default it follows demand (sliceBudget.ts): short while someone uses the screens.
   */
  budgetMs?: number;
  /** When the long work this is part of was asked for (performance.now()); by default, now. */
  since?: number;
  /** The first unit of the first phase to apply (resuming an interrupted import). */
  start?: number;
  /** Units done across all phases, and the total of the phases begun so far. */
  onProgress?(done: number, total: number): void;
  /**
   * Whether `finish` commits under the connection's own setting (FULL), making the work durable
   * as it ends: yes by default. A session of fifty bundles says no for all but its last, which
   * then syncs the WAL once for all of them (importSession.ts): one sync, not fifty.
   */
  durable?: boolean;
}

/**
 * Copies what the WAL holds back into the database file, as far as no reader needs it (PASSIVE:
 * it never waits). Done when copying what the slices wrote since the last fold would take about
 * half a slice's budget, judged by how long the last fold took for its slices' time: some 50 ms
 * for 16 MB here, where one 64 MB checkpoint inside a commit took 232 ms. The merge's time stayed
 * within the bench's noise (`--only merge`, two runs each way). The connection's synchronous
 * setting (FULL) syncs the WAL before and the database after, so a crash never finds pages only
 * half copied.
 */
function foldWal(db: Database): void {
  checkpointWal(db, 'PASSIVE');
}

/** Units applied between two looks at the clock, at first; then sized from what they cost. */
const firstStep = 16;
const maxStep = 4096;

/**
 * Applies large work on the one writing connection without starving everyone else: each slice
 * runs in its own IMMEDIATE transaction and stops at three quarters of the time budget (looking
 * at the clock every few units, more often when units are slow), and the event loop turns
 * between slices, so the screens' saves (HTTP requests, IPC calls) are answered within a slice's
 * time instead of after the whole import.
 *
 * The slices need not reach the disk one by one: they commit with synchronous = NORMAL, and
 * `finish` then runs in a transaction of its own under the connection's own setting (FULL), whose
 * commit makes every slice before it durable too (unless the caller makes it durable later: see
 * `durable`). The work's journal is closed there, so a stop in between leaves it open and the
 * next start undoes the work (importJournal.ts).
 */
export async function applyInChunks(db: Database, work: ChunkedWork | PhasedWork, options: ChunkOptions = {}): Promise<ChunkStats> {
  const phases = 'phases' in work ? work.phases : [work];
  const since = options.since ?? performance.now();
  const totals: number[] = [];
  const totalOf = (index: number): number => {
    const known = totals[index];
    if (known !== undefined) return known;
    const total = phases[index]?.total ?? 0;
    return (totals[index] = Math.max(0, typeof total === 'function' ? total() : total));
  };
  let phase = 0;
  let done = Math.min(options.start ?? 0, totalOf(0));
  let doneBefore = 0; // units of the phases already finished
  let step = firstStep;
  let perUnit: number | undefined;
  // What the phase's endSlice cost per unit of the slice before (the search index filled for its
  // notes: as long again as writing them, in a whole forum's import), so a slice leaves room for it.
  // Before it is measured, a phase that has an endSlice is thought to cost as much again.
  let endPerUnit: number | undefined;
  const endCost = (unit: number) => endPerUnit ?? (phases[phase]?.endSlice ? unit : 0);
  let commitMs = 0;
  const stats: ChunkStats = { chunks: 0, longestMs: 0 };
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  // SQLite copies the WAL back into the database (a checkpoint) inside whichever commit finds it
  // past wal_autocheckpoint pages: a whole forum's import had a 232 ms commit that way, longer
  // than any slice. The work folds the WAL back itself instead, in a step of its own between
  // slices (see foldWal).
  const inWal = db.pragma('journal_mode', { simple: true }) === 'wal';
  if (inWal) holdCheckpoints(db);
  let workSinceFold = 0;
  // A fold's time per millisecond of the slices' writing it copies back: half, at first (a whole
  // forum's import), then as the last fold took.
  let foldPerWorkMs = 0.5;
  const remaining = () => phase < phases.length;
  try {
    while (remaining()) {
      const started = performance.now();
      // The commit counts against the budget too: what the last one took is kept back for it.
      const budgetMs = options.budgetMs ?? sliceBudgetMs(db, since);
      const until = started + budgetMs * 0.75 - commitMs;
      // What the phase's units cost in the last slice sizes this one's first step.
      if (perUnit !== undefined) step = Math.max(1, Math.min(maxStep, Math.floor((until - started) / (perUnit + endCost(perUnit)))));
      let fit = 1;
      let unitsInPhase = 0;
      db.pragma('synchronous = NORMAL');
      let applied = started;
      try {
        db.transaction(() => {
          do {
            const total = totalOf(phase);
            if (done >= total) {
              phases[phase]?.endSlice?.();
              doneBefore += total;
              phase += 1;
              done = 0;
              // Another phase's units cost something else: measure them afresh.
              step = firstStep;
              perUnit = undefined;
              endPerUnit = undefined;
              unitsInPhase = 0;
              if (phase < phases.length) totalOf(phase);
              continue;
            }
            const to = Math.min(total, done + step);
            const stepStarted = performance.now();
            phases[phase]?.applyRange(done, to);
            const now = performance.now();
            // As many units as fill what is left of the slice, at what these cost; growing at most
            // fourfold, so one cheap step (rows with no history) does not promise too much.
            perUnit = Math.max((now - stepStarted) / (to - done), 0.001);
            unitsInPhase += to - done;
            fit = Math.floor((until - now - endCost(perUnit) * unitsInPhase) / (perUnit + endCost(perUnit)));
            step = Math.max(1, Math.min(maxStep, step * 4, fit));
            done = to;
          } while (remaining() && fit >= 1);
          const ending = performance.now();
          phases[phase]?.endSlice?.();
          applied = performance.now();
          if (unitsInPhase > 0) endPerUnit = (applied - ending) / unitsInPhase;
        }).immediate();
      } catch (error) {
        phases[phase]?.abandonSlice?.();
        throw error;
      } finally {
        db.pragma(`synchronous = ${synchronous}`);
      }
      commitMs = Math.max(0, performance.now() - applied);
      stats.chunks += 1;
      stats.longestMs = Math.max(stats.longestMs, performance.now() - started);
      let known = doneBefore;
      for (let i = phase; i < phases.length && totals[i] !== undefined; i++) known += totals[i] ?? 0;
      options.onProgress?.(doneBefore + done, known);
      workSinceFold += applied - started;
      // Folded while copying back would take about half a slice, at the last fold's pace.
      if (inWal && workSinceFold * foldPerWorkMs >= budgetMs * 0.5) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const folding = performance.now();
        foldWal(db);
        foldPerWorkMs = Math.max(0.05, (performance.now() - folding) / workSinceFold);
        workSinceFold = 0;
      }
      // After the last slice too: work that fits one slice (a bundle of a USB stick's fifty, say)
      // must not run on into the next piece of work without anyone else's turn in between.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const started = performance.now();
    if (options.durable === false) db.pragma('synchronous = NORMAL');
    try {
      db.transaction(() => work.finish()).immediate();
    } finally {
      db.pragma(`synchronous = ${synchronous}`);
    }
    stats.chunks += 1;
    stats.longestMs = Math.max(stats.longestMs, performance.now() - started);
    return stats;
  } finally {
    if (inWal) releaseCheckpoints(db);
  }
}
