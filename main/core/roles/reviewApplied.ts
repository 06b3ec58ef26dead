import type { CoreContext } from '../coreContext';
import { rebuildRows } from '../store/changeLog';
import { authorityMoved, logRewritten } from '../store/logGeneration';
import { rowReferences } from '../store/rowReferences';
import type { SyncedTable } from '../store/syncedTables';
import type { HeldRow } from '../sync/heldChanges';
import { authorityOf } from './authorityOf';
import { projectedSession } from './authoriseWrite';
import { isAuthorityChange, rolesToAuthorise } from './forumAuthority';

/** A logged change, with its place in this laptop's log. */
interface Logged extends HeldRow {
  seq: number;
}

const changeKey = (c: { device: string; hlc: string }) => `${c.device}|${c.hlc}`;

/**
 * After an import brought grants, revocations or the switch that turns roles on: the changes
 * already applied from that clock value on are checked again against the authority as it now
 * stands, and those it no longer allows (a revocation that arrived after the work it forbids) are
 * taken out of the log into the held-back list, with every change that cannot stand without them
 * (the rest of a row they created, rows pointing at it). Every laptop then holds the same forum
 * whatever order the bundles came in. Answers how many changes were held back.
 */
export function reviewAppliedSince(ctx: CoreContext, forumId: string, sinceSeq: number): number {
  const db = ctx.db;
  // A grant or revocation bears on the changes from its clock value on; the switch that turns
  // roles on bears on every change (who had written before it is decided by what the owner saw).
  // Read through the log's (tbl, row_id) index: an import of 100,000 notes is not scanned for them.
  const arrived = db
    .prepare(
      `SELECT min(hlc) AS since, max(tbl = 'forums' AND cells ->> '$.roles_legacy' IS NOT NULL) AS switched FROM (
         SELECT hlc, tbl, cells, seq FROM changes WHERE tbl = 'forums' AND row_id = @forumId
         UNION ALL
         SELECT hlc, tbl, cells, seq FROM changes WHERE tbl = 'role_grants' AND row_id > @from AND row_id < @to
       ) WHERE seq > @sinceSeq`,
    )
    .get({ forumId, from: `${forumId}/`, to: `${forumId}0`, sinceSeq }) as { since: string | null; switched: number | null };
  if (arrived.since === null) return 0;
  const since = arrived.switched ? '' : arrived.since;
  const authority = authorityOf(db, ctx.deviceId, forumId);
  if (!authority.enabled && authority.invalid.size === 0) return 0;
  const invalid = new Set([...authority.invalid].map(changeKey));
  const candidates = db.prepare('SELECT seq, device, hlc, tbl, row_id, cells, parents FROM changes WHERE forum_id = ? AND hlc >= ? ORDER BY hlc, device').all(forumId, since) as Logged[];
  const failing = new Map<number, Logged>();
  const reasons = new Map<number, string>();
  for (const change of candidates) {
    const cells = JSON.parse(change.cells) as Record<string, unknown>;
    const refusal = invalid.has(changeKey(change))
      ? { needed: rolesToAuthorise({ tbl: change.tbl, rowId: change.row_id }) }
      : isAuthorityChange({ device: change.device, hlc: change.hlc, tbl: change.tbl, rowId: change.row_id, cells })
        ? undefined
        : authority.check({ device: change.device, hlc: change.hlc, tbl: change.tbl, rowId: change.row_id, cells }, () => projectedSession(db, change.tbl, change.row_id, cells));
    if (!refusal) continue;
    failing.set(change.seq, change);
    reasons.set(change.seq, JSON.stringify(refusal));
  }
  if (failing.size === 0) return 0;
  holdDependentsOf(ctx, forumId, failing, reasons);

  const keep = db.prepare(
    `INSERT INTO held_changes (device, hlc, tbl, row_id, forum_id, cells, parents, reason, detail, received_from, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'role', ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const remove = db.prepare('DELETE FROM changes WHERE seq = ?');
  const at = new Date().toISOString();
  const touched = new Map<SyncedTable, Set<string>>();
  db.transaction(() => {
    for (const change of failing.values()) {
      keep.run(change.device, change.hlc, change.tbl, change.row_id, forumId, change.cells, change.parents, reasons.get(change.seq) ?? null, change.device, at);
      remove.run(change.seq);
      let rows = touched.get(change.tbl as SyncedTable);
      if (!rows) touched.set(change.tbl as SyncedTable, (rows = new Set()));
      rows.add(change.row_id);
    }
    logRewritten(db);
    authorityMoved(db);
    for (const [table, rows] of touched) rebuildRows(db, table, rows);
  })();
  return failing.size;
}

/**
 * Adds the changes that cannot stand once `failing` is taken out: those of a row whose every
 * creating change fails, and those of rows pointing at such a row. Repeats until nothing moves.
 */
function holdDependentsOf(ctx: CoreContext, forumId: string, failing: Map<number, Logged>, reasons: Map<number, string>): void {
  const db = ctx.db;
  const rowChanges = db.prepare('SELECT seq, device, hlc, tbl, row_id, cells, parents FROM changes WHERE tbl = ? AND row_id = ?');
  for (let moved = true; moved; ) {
    moved = false;
    const gone = new Set<string>();
    for (const change of failing.values()) {
      if (!('forum_id' in (JSON.parse(change.cells) as Record<string, unknown>))) continue;
      const history = rowChanges.all(change.tbl, change.row_id) as Logged[];
      const stillCreated = history.some((c) => !failing.has(c.seq) && 'forum_id' in (JSON.parse(c.cells) as Record<string, unknown>));
      if (stillCreated) continue;
      gone.add(`${change.tbl}\u0000${change.row_id}`);
      for (const other of history) {
        if (failing.has(other.seq)) continue;
        failing.set(other.seq, other);
        reasons.set(other.seq, JSON.stringify({ dependsOnHeld: true }));
        moved = true;
      }
    }
    for (const key of gone) {
      const [table = '', rowId = ''] = key.split('\u0000');
      for (const [referrer, columns] of Object.entries(rowReferences)) {
        for (const [column, target] of Object.entries(columns ?? {})) {
          if (target !== table) continue;
          const pointing = db.prepare(`SELECT id FROM ${referrer} WHERE forum_id = ? AND ${column} = ?`).pluck().all(forumId, rowId) as string[];
          for (const id of pointing) {
            for (const other of rowChanges.all(referrer, id) as Logged[]) {
              if (failing.has(other.seq)) continue;
              failing.set(other.seq, other);
              reasons.set(other.seq, JSON.stringify({ dependsOnHeld: true }));
              moved = true;
            }
          }
        }
      }
    }
  }
}
