import { foldedSortKey } from './participantSortKeys';
import type { SyncedTable } from './syncedTables';

/**
 * Projection columns computed from a synced column whenever the change log projects it: never
 * logged, never bundled, rebuilt with the row. The participants' sort keys live here because a
 * stock sqlite3 shell cannot parse them as index expressions (see m008).
 */
const derivedColumns: Partial<Record<SyncedTable, Record<string, { from: string; derive(value: unknown): unknown }>>> = {
  participants: {
    name_key: { from: 'name', derive: foldedSortKey },
    organisation_key: { from: 'organisation', derive: foldedSortKey },
  },
};

export function isDerivedColumn(table: SyncedTable, column: string): boolean {
  const columns = derivedColumns[table];
  return columns !== undefined && Object.prototype.hasOwnProperty.call(columns, column);
}

/** The cells being projected, plus the derived columns of those among them that have any. */
export function withDerivedCells(table: SyncedTable, cells: Record<string, unknown>): Record<string, unknown> {
  const columns = derivedColumns[table];
  if (!columns) return cells;
  let extended: Record<string, unknown> | undefined;
  for (const [column, { from, derive }] of Object.entries(columns)) {
    if (!Object.prototype.hasOwnProperty.call(cells, from)) continue;
    extended ??= { ...cells };
    extended[column] = derive(cells[from]);
  }
  return extended ?? cells;
}
