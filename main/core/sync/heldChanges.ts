import type { Database } from 'better-sqlite3';
import { pickText } from '../../../shared/multilingual';
import { isRoleName, type RoleName } from '../../../shared/roles';
import type { HeldGroup } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { applyInChunks } from '../store/applyInChunks';
import { reprojectRows } from '../store/changeLog';
import { authorityMoved } from '../store/logGeneration';
import { saveClock } from '../store/clockState';
import { dependencyOrder } from '../store/rowReferences';
import { withSearchUpdatesDeferred } from '../store/searchIndexes';
import type { SyncedTable } from '../store/syncedTables';
import { fingerprintOf } from './deviceIdentity';
import { decodeHlc } from './hybridClock';
import { endJournal, journalled, type ImportJournal } from './importJournal';
import { oneImportAtATime } from './oneImportAtATime';
import { rollBackImport } from './rollBackImport';
import { randomUUID } from 'node:crypto';

/** The changes kept aside, per forum and per laptop that sent them, newest first. */
export function listHeld(db: Database, forumId: string | undefined, now = Date.now()): HeldGroup[] {
  const rows = db
    .prepare(
      `SELECT h.forum_id AS forumId, h.received_from AS deviceId, h.reason AS reason, count(*) AS changes, max(h.hlc) AS newest, max(h.received_at) AS receivedAt,
              json_group_array(DISTINCT h.detail) AS details, d.name AS name, d.public_key AS publicKey, f.title AS title, f.source_language AS lang
         FROM held_changes h LEFT JOIN known_devices d ON d.device_id = h.received_from LEFT JOIN forums f ON f.id = h.forum_id
        WHERE @forumId IS NULL OR h.forum_id = @forumId
        GROUP BY h.forum_id, h.received_from, h.reason ORDER BY receivedAt DESC`,
    )
    .all({ forumId: forumId ?? null }) as Array<{
    forumId: string;
    deviceId: string;
    reason: string;
    changes: number;
    newest: string;
    receivedAt: string;
    details: string;
    name: string | null;
    publicKey: string | null;
    title: string | null;
    lang: string | null;
  }>;
  return rows.map((row) => ({
    forumId: row.forumId,
    reason: row.reason === 'role' ? ('role' as const) : ('clock_ahead' as const),
    needed: neededRoles(row.details),
    forumTitle: row.title ? pickText(JSON.parse(row.title) as Record<string, string>, row.lang ?? 'en', row.lang ?? 'en').text : '',
    device: { id: row.deviceId, name: row.name ?? row.deviceId, fingerprint: row.publicKey ? fingerprintOf(row.publicKey) : '' },
    changes: row.changes,
    maxAheadMs: Math.max(0, decodeHlc(row.newest).millis - now),
    receivedAt: row.receivedAt,
  }));
}

/** The roles named by the details of a group's changes held for want of one. */
function neededRoles(details: string): RoleName[] {
  const roles = new Set<RoleName>();
  for (const detail of JSON.parse(details) as Array<string | null>) {
    if (!detail) continue;
    const needed = (JSON.parse(detail) as { needed?: unknown }).needed;
    if (Array.isArray(needed)) for (const role of needed) if (isRoleName(role)) roles.add(role);
  }
  return [...roles];
}

/** A held-back change as `held_changes` keeps it. */
export interface HeldRow {
  device: string;
  hlc: string;
  tbl: string;
  row_id: string;
  cells: string;
  parents: string | null;
}

/**
 * Applies what one laptop's bundles brought that was kept aside, now that a person has looked at
 * it: into the log, referenced rows first, in short journalled slices like any import, and off
 * the held list in the transaction that ends them. This clock still does not move.
 */
export function releaseHeld(ctx: CoreContext, forumId: string, deviceId: string): Promise<{ applied: number }> {
  return oneImportAtATime(ctx, async () => {
    const rank = new Map<string, number>(dependencyOrder.map((table, index) => [table, index]));
    const rows = (ctx.db.prepare("SELECT device, hlc, tbl, row_id, cells, parents FROM held_changes WHERE forum_id = ? AND received_from = ? AND reason = 'clock_ahead'").all(forumId, deviceId) as HeldRow[]).sort(
      (a, b) => (rank.get(a.tbl) ?? 99) - (rank.get(b.tbl) ?? 99) || (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0),
    );
    if (rows.length === 0) throw new CoreError('not_found', 'Nothing from that laptop is held back in this forum.');
    const insert = ctx.db.prepare(
      'INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells, parents) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const journal: ImportJournal = { id: randomUUID(), kind: 'bundle', ranges: [] };
    let newest = '';
    try {
      await applyInChunks(ctx.db, {
        total: rows.length,
        applyRange(from, to) {
          journalled(ctx.db, journal, () => {
            const touched = new Map<SyncedTable, Set<string>>();
            for (const row of rows.slice(from, to)) {
              if (insert.run(row.device, row.hlc, row.tbl, row.row_id, forumId, row.cells, row.parents).changes === 0) continue;
              let ids = touched.get(row.tbl as SyncedTable);
              if (!ids) touched.set(row.tbl as SyncedTable, (ids = new Set()));
              ids.add(row.row_id);
              if (row.hlc > newest) newest = row.hlc;
            }
            authorityMoved(ctx.db);
            for (const [table, ids] of touched) withSearchUpdatesDeferred(ctx.db, table, ids, () => reprojectRows(ctx.db, table, ids));
          });
        },
        finish() {
          ctx.db.prepare("DELETE FROM held_changes WHERE forum_id = ? AND received_from = ? AND reason = 'clock_ahead'").run(forumId, deviceId);
          if (newest) ctx.clock.observe(newest);
          saveClock(ctx.db, ctx.clock);
          endJournal(ctx.db, journal.id);
        },
      });
    } catch (error) {
      rollBackImport(ctx.db, journal);
      throw error instanceof CoreError ? error : new CoreError('internal', `The held-back changes could not be applied (${(error as Error).message}); nothing was changed.`);
    }
    return { applied: rows.length };
  });
}

/** Forgets what one laptop's bundles brought that was kept aside; it was never applied. */
export function discardHeld(ctx: CoreContext, forumId: string, deviceId: string, reason: HeldGroup['reason'] = 'clock_ahead'): { discarded: number } {
  const discarded = ctx.db.prepare('DELETE FROM held_changes WHERE forum_id = ? AND received_from = ? AND reason = ?').run(forumId, deviceId, reason).changes;
  if (discarded === 0) throw new CoreError('not_found', 'Nothing from that laptop is held back in this forum.');
  return { discarded };
}
