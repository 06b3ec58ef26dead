import type { Database } from 'better-sqlite3';
import { authorityVersion, logGeneration } from '../store/logGeneration';
import { ForumAuthority, type AuthorityChange } from './forumAuthority';

/**
 * The changes a forum's authority is replayed from: every change of its forums row (the first
 * one says who created it) and of its grants. Both are read through the log's (tbl, row_id) index.
 */
export function authorityChanges(db: Database, forumId: string): AuthorityChange[] {
  const rows = db
    .prepare(
      `SELECT device, hlc, tbl, row_id AS rowId, cells FROM changes WHERE tbl = 'forums' AND row_id = @forumId
       UNION ALL
       SELECT device, hlc, tbl, row_id AS rowId, cells FROM changes WHERE tbl = 'role_grants' AND row_id > @from AND row_id < @to`,
    )
    .all({ forumId, from: `${forumId}/`, to: `${forumId}0` }) as Array<Omit<AuthorityChange, 'cells'> & { cells: string }>;
  return rows.map((row) => ({ ...row, cells: JSON.parse(row.cells) as Record<string, unknown> }));
}

/** The key a laptop signs with, as this laptop knows it: its own, pinned, or relayed. */
export function knownKey(db: Database, ownDeviceId: string): (deviceId: string) => string | undefined {
  const own = db.prepare("SELECT value FROM meta WHERE key = 'device_public_key'").pluck().get() as string | undefined;
  const pinned = db.prepare('SELECT public_key FROM known_devices WHERE device_id = ? UNION ALL SELECT public_key FROM relayed_devices WHERE device_id = ? LIMIT 1').pluck();
  return (deviceId) => (deviceId === ownDeviceId ? own : (pinned.get(deviceId, deviceId) as string | undefined));
}

interface Cached {
  version: string;
  authority: ForumAuthority;
}

const caches = new WeakMap<Database, Map<string, Cached>>();

/**
 * A forum's authority as the log holds it now, rebuilt only when a change to a forums row or a
 * grant went into the log or out of it since (authorityMoved), or the log was rolled back.
 */
export function authorityOf(db: Database, deviceId: string, forumId: string): ForumAuthority {
  const version = `${logGeneration(db)}:${authorityVersion(db)}`;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const cached = cache.get(forumId);
  if (cached && cached.version === version) return cached.authority;
  const authority = new ForumAuthority({ forumId, keyOf: knownKey(db, deviceId) }, authorityChanges(db, forumId));
  cache.set(forumId, { version, authority });
  return authority;
}
