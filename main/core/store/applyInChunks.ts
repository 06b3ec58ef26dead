import type { Database } from 'better-sqlite3';
import { performance } from 'node:perf_hooks';

/** Work the main connection applies a slice at a time: units [from, to) per transaction. */
export interface ChunkedWork {
  total: number;
  applyRange(from: number, to: number): void;
  /** Runs in the same transaction as the last slice, so the work ends atomically with it. */
  finish(): void;
}

export interface ChunkStats {
  chunks: number;
  /** The longest a single transaction held the write lock, in milliseconds. */
  longestMs: number;
}

export interface ChunkOptions {
  /** How long one transaction may hold the write lock; a keystroke's save waits at most this. */
  budgetMs?: number;
  /** The first unit to apply (resuming an interrupted import). */
  start?: number;
  onProgress?(done: number, total: number): void;
}

const defaultBudgetMs = 40;

/**
 * Applies large work on the one writing connection without starving everyone else: each slice
 * runs in its own IMMEDIATE transaction sized to stay under the time budget, and the event loop
 * turns between slices, so the screens' saves (HTTP requests, IPC calls) are answered within a
 * slice's time instead of after the whole import. The slice size adapts to what the last one cost.
 */
export async function applyInChunks(db: Database, work: ChunkedWork, options: ChunkOptions = {}): Promise<ChunkStats> {
  const budget = options.budgetMs ?? defaultBudgetMs;
  let done = Math.min(options.start ?? 0, work.total);
  let size = 50;
  const stats: ChunkStats = { chunks: 0, longestMs: 0 };
  // The slices before the last need not reach the disk one by one: the journal undoes an import
  // that stops, and the next FULL commit (the last slice's, or any save in between) flushes them
  // with it. The WAL may grow through the import instead of being copied back every 4 MB.
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.max(autocheckpoint, 16_384)}`);
  try {
    for (;;) {
      const to = Math.min(work.total, done + size);
      const last = to === work.total;
      const started = performance.now();
      db.pragma(last ? `synchronous = ${synchronous}` : 'synchronous = NORMAL');
      try {
        db.transaction(() => {
          work.applyRange(done, to);
          if (last) work.finish();
        }).immediate();
      } finally {
        db.pragma(`synchronous = ${synchronous}`);
      }
      const elapsed = performance.now() - started;
      stats.chunks += 1;
      stats.longestMs = Math.max(stats.longestMs, elapsed);
      const applied = to - done;
      done = to;
      options.onProgress?.(done, work.total);
      if (last) return stats;
      // Aim at three quarters of the budget, growing at most fourfold, so one slow slice (a long
      // note's history) does not make the next one overshoot.
      const target = (budget * 0.75 * applied) / Math.max(elapsed, 0.5);
      size = Math.max(1, Math.min(size * 4, Math.floor(target)));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
  }
}
