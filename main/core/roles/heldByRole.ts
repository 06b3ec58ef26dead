import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { issuanceChangeProblem } from '../issuances/issuanceSeal';
import { reprojectRows, writeRow, type RowValues } from '../store/changeLog';
import { authorityMoved } from '../store/logGeneration';
import { dependencyOrder, rowReferences } from '../store/rowReferences';
import { columnKind, type SyncedTable } from '../store/syncedTables';
import type { HeldRow } from '../sync/heldChanges';
import { authorityChanges, authorityOf, knownKey } from './authorityOf';
import { ForumAuthority, isAuthorityChange } from './forumAuthority';
import { projectedSession } from './authoriseWrite';

const rank = new Map<string, number>(dependencyOrder.map((table, index) => [table, index]));
const inOrder = (a: HeldRow, b: HeldRow) => (rank.get(a.tbl) ?? 99) - (rank.get(b.tbl) ?? 99) || (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0);

function heldForRole(ctx: CoreContext, forumId: string, deviceId?: string): HeldRow[] {
  return (
    ctx.db
      .prepare(
        `SELECT device, hlc, tbl, row_id, cells, parents FROM held_changes
          WHERE forum_id = @forumId AND reason = 'role' AND (@deviceId IS NULL OR received_from = @deviceId)`,
      )
      .all({ forumId, deviceId: deviceId ?? null }) as HeldRow[]
  ).sort(inOrder);
}

/** A logged change's cells (`title@en`) as the values writeRow takes (`title: { en }`). */
function valuesOf(table: SyncedTable, cells: Record<string, unknown>): RowValues {
  const values: RowValues = {};
  for (const [cell, value] of Object.entries(cells)) {
    const at = cell.indexOf('@');
    if (at === -1) {
      values[cell] = value;
      continue;
    }
    const column = cell.slice(0, at);
    if (columnKind(table, column) !== 'multilingual') continue;
    const texts = (values[column] ?? {}) as Record<string, unknown>;
    texts[cell.slice(at + 1)] = value;
    values[column] = texts;
  }
  return values;
}

/**
 * The owner's (or a rightful role holder's) decision on changes held back for want of a role:
 * this laptop makes them again as its own changes, which its own role must allow, so the decision
 * travels to every laptop with this laptop's signature. All of them or none.
 */
export function adoptHeld(ctx: CoreContext, forumId: string, deviceId: string): { applied: number } {
  const rows = heldForRole(ctx, forumId, deviceId);
  if (rows.length === 0) throw new CoreError('not_found', 'Nothing from that laptop is held back in this forum for want of a role.');
  ctx.db.transaction(() => {
    for (const row of rows) writeRow(ctx, row.tbl as SyncedTable, row.row_id, valuesOf(row.tbl as SyncedTable, JSON.parse(row.cells) as Record<string, unknown>));
    ctx.db.prepare("DELETE FROM held_changes WHERE forum_id = ? AND received_from = ? AND reason = 'role'").run(forumId, deviceId);
  })();
  return { applied: rows.length };
}

/**
 * After an import brought grants: changes held back for want of a role that their author, as
 * the grants now stand, did hold at their clock value go into the log as they were made. A change
 * whose row or referenced rows are still missing waits with the rest.
 */
export function releaseNowAllowed(ctx: CoreContext, forumId: string): number {
  const rows = heldForRole(ctx, forumId);
  if (rows.length === 0) return 0;
  let authority = authorityOf(ctx.db, ctx.deviceId, forumId);
  const insert = ctx.db.prepare('INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells, parents) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const forget = ctx.db.prepare('DELETE FROM held_changes WHERE tbl = ? AND row_id = ? AND device = ? AND hlc = ?');
  let released = 0;
  ctx.db.transaction(() => {
    for (const row of rows) {
      const table = row.tbl as SyncedTable;
      const cells = JSON.parse(row.cells) as Record<string, unknown>;
      const exists = (t: string, id: string) => ctx.db.prepare(`SELECT 1 FROM ${t} WHERE id = ?`).get(id) !== undefined;
      if (!exists(table, row.row_id) && typeof cells.forum_id !== 'string') continue;
      const references = Object.entries(rowReferences[table] ?? {});
      if (references.some(([column, target]) => typeof cells[column] === 'string' && !exists(target, cells[column] as string))) continue;
      const change = { device: row.device, hlc: row.hlc, tbl: row.tbl, rowId: row.row_id, cells };
      // No grant ever allows altering an issued document.
      if (table === 'issuances' && issuanceChangeProblem(change, knownKey(ctx.db, ctx.deviceId)) !== undefined) continue;
      if (isAuthorityChange(change)) {
        // A grant (or the owner's switch) holds only if replayed among the others it stands on.
        const replayed = new ForumAuthority({ forumId, keyOf: knownKey(ctx.db, ctx.deviceId) }, [...authorityChanges(ctx.db, forumId), change]);
        if (replayed.invalid.has(change)) continue;
      } else if (authority.check(change, () => projectedSession(ctx.db, row.tbl, row.row_id, cells))) continue;
      insert.run(row.device, row.hlc, row.tbl, row.row_id, forumId, row.cells, row.parents);
      forget.run(row.tbl, row.row_id, row.device, row.hlc);
      reprojectRows(ctx.db, table, [row.row_id]);
      if (table === 'forums' || table === 'role_grants') {
        // A grant released now may allow the changes after it: they are checked against it.
        authorityMoved(ctx.db);
        authority = authorityOf(ctx.db, ctx.deviceId, forumId);
      }
      released += 1;
    }
  })();
  return released;
}
