import type { Database } from 'better-sqlite3';
import { performance } from 'node:perf_hooks';

/** How long one slice of long work may hold the writer while someone is using the screens. */
export const interactiveBudgetMs = 40;
/** …and while nobody is: fewer, larger transactions rewrite the same index pages fewer times. */
export const idleBudgetMs = 150;
/** A request within this long counts as someone at the screens. */
const recentMs = 3_000;

const lastAsked = new WeakMap<Database, number>();

/**
 * Notes that someone asked the core for something (a screen, the companion, a venue peer), so
 * long work on the same connection keeps its slices short for a while and the answer comes soon.
 */
export function noteDemand(db: Database, now = performance.now()): void {
  lastAsked.set(db, now);
}

/**
 * The time budget of the next slice of long work begun at `since`: short while someone asks for
 * something (a request after it began, in the last few seconds), longer while nobody does. The
 * request that began the work is not someone waiting. A merge of fifty bundles at the end of the
 * day mostly runs alone; the first click during it waits at most one long slice, later ones a
 * short one.
 */
export function sliceBudgetMs(db: Database, since: number, now = performance.now()): number {
  const asked = lastAsked.get(db);
  return asked !== undefined && asked > since && now - asked < recentMs ? interactiveBudgetMs : idleBudgetMs;
}
