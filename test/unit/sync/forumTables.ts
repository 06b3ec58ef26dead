import type { CoreContext } from '../../../main/core/coreContext';
import { deviceTables, syncedTables, type SyncedTable } from '../../../main/core/store/syncedTables';

/** Every forum-data table as plain rows in a stable order: what two laptops must agree on. */
export function forumTables(ctx: CoreContext): Record<string, unknown[]> {
  const tables = (Object.keys(syncedTables) as SyncedTable[]).filter((t) => !deviceTables.has(t));
  return Object.fromEntries(tables.map((t) => [t, ctx.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
}
