import type { CoreContext } from '../../../main/core/coreContext';
import { deviceTables, syncedTables, type SyncedTable } from '../../../main/core/store/syncedTables';

/** JSON objects compared by content: two laptops may hold a text's languages in another order. */
function canonical(value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith('{')) return value;
  const parsed = JSON.parse(value) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.entries(parsed).sort(([a], [b]) => a.localeCompare(b))));
}

/** Every forum-data table as plain rows in a stable order: what two laptops must agree on. */
export function forumTables(ctx: CoreContext): Record<string, unknown[]> {
  const tables = (Object.keys(syncedTables) as SyncedTable[]).filter((t) => !deviceTables.has(t));
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (ctx.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Array<Record<string, unknown>>).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, canonical(v)])),
      ),
    ]),
  );
}
