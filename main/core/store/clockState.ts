import type { Database } from 'better-sqlite3';
import { cachedStatement } from './cachedStatement';
import type { HybridClock } from '../sync/hybridClock';

/**
 * Where the clock stood when this device last wrote or received: its own newest change (own
 * changes arrive in clock order, so the last by arrival; found walking back from the end) and
 * the value saved after an import of foreign changes.
 */
export function restoreClockValue(db: Database, deviceId: string): { last?: string; newestSeen?: string } {
  const own = db
    .prepare('SELECT hlc FROM changes WHERE device = ? ORDER BY seq DESC LIMIT 1')
    .pluck()
    .get(deviceId) as string | undefined;
  const saved = db.prepare("SELECT value FROM meta WHERE key = 'clock'").pluck().get() as string | undefined;
  const newestSeen = db.prepare("SELECT value FROM meta WHERE key = 'clock_newest_seen'").pluck().get() as string | undefined;
  const last = [own, saved].filter((v): v is string => typeof v === 'string').sort().at(-1);
  return { ...(last ? { last } : {}), ...(newestSeen ? { newestSeen } : {}) };
}

/** Saved after foreign changes arrive; local writes need no save (the log itself remembers them). */
export function saveClock(db: Database, clock: HybridClock): void {
  const save = cachedStatement(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  save.run('clock', clock.current());
  if (clock.newestSeen()) save.run('clock_newest_seen', clock.newestSeen());
}
