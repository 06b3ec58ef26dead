import type { Database } from 'better-sqlite3';
import { verifiedBundleLimits, type VerifiedBundleLimits } from './verifiedBundles';
import type { SessionPlanItem, SessionPlanning } from './planBundleSession';

/**
 * The import plans of the session a preview showed, made while the user reads the preview. In the
 * app an import always follows its preview, and the plan it needs (which changes go in, in what
 * order, the rows they create, packed for the main connection) is the same work the preview has
 * just begun: for a whole forum of 200,000 changes, over a second of the worker's time that the
 * main thread would otherwise wait through after the click.
 *
 * A plan is only as good as the database it was made against, so it is kept with SQLite's
 * `data_version` as the worker's connection saw it before and after planning; any commit since
 * (a note saved, another import, a checkpoint) changes it, and the import then plans afresh. It
 * is made with the user's yes assumed to everything, and taken only when the import's own consent
 * covers every bundle (each new laptop trusted, each mass change confirmed): a refusal changes
 * what the bundles after it are planned against. Plans with a clock far ahead are not kept, since
 * what is held back depends on the time of the import. Only the latest preview's session is kept,
 * within the same budget as the bundles it read, and not for long.
 */
export interface PlannedSession extends SessionPlanning {
  /** The files (their SHA-256, in order) and the settings the plans depend on. */
  key: string;
  dataVersion: number;
  /** The plans made, of the files before `next`: all of them, unless a job stopped the work. */
  items: SessionPlanItem[];
  next: number;
}

interface Kept extends PlannedSession {
  bytes: number;
}

export class PlansAhead {
  private kept: Kept | undefined;
  private scheduled: ((stop: () => boolean) => Promise<void>) | undefined;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly limits: VerifiedBundleLimits = verifiedBundleLimits) {}

  /**
   * Work to do once the job under way has answered (the preview's plans ahead), replacing any:
   * it pauses now and then, and stops at a pause when `stop()` says a job is waiting.
   */
  schedule(task: (stop: () => boolean) => Promise<void>): void {
    this.scheduled = task;
  }

  /** Work scheduled and not begun is not wanted any more (an import plans for itself). */
  unschedule(): void {
    this.scheduled = undefined;
  }

  /** Runs the scheduled work, if any: the worker thread calls it when no job is waiting. */
  async runScheduled(stop: () => boolean): Promise<void> {
    const task = this.scheduled;
    this.scheduled = undefined;
    await task?.(stop);
  }

  /** Keeps a session's plans, made against the database at `dataVersion`, if within the budget. */
  keep(session: PlannedSession, changesBytes: number): void {
    this.clear();
    if (changesBytes > this.limits.changesBytes) return;
    this.kept = { ...session, bytes: changesBytes };
    this.expiry = setTimeout(() => this.clear(), this.limits.keepMs);
    this.expiry.unref?.();
  }

  /** The plans kept for this session, taken out, if the database is still as they saw it. */
  take(key: string, dataVersion: number): PlannedSession | undefined {
    const kept = this.kept;
    if (!kept || kept.key !== key) return undefined;
    this.clear();
    return kept.dataVersion === dataVersion ? kept : undefined;
  }

  clear(): void {
    this.kept = undefined;
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = undefined;
  }
}

/**
 * SQLite's count of commits by other connections, as this connection sees it: only a connection
 * that never writes (the worker's) can tell any commit by it, since its own do not count.
 */
export const dataVersion = (db: Database): number => db.pragma('data_version', { simple: true }) as number;

/** The worker thread's own. */
export const plansAhead = new PlansAhead();
