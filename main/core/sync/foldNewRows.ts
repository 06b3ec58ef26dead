import { cellHeads, type LoggedChange } from '../store/proseHeads';
import { dependencyOrder } from '../store/rowReferences';
import { cellsOf, rowKeyOf, type PlanView } from './planView';
import type { BundleChange } from './readBundle';

/**
 * The winning value of each cell. Changes made on one laptop follow each other (each edit names
 * the one before it, and its clock only moves forward), so the last one that sets a cell wins;
 * a row several laptops wrote is folded by the full rules.
 */
function fold(table: string, group: readonly BundleChange[]): Record<string, unknown> {
  const winners: Record<string, unknown> = {};
  const device = group[0]?.device;
  if (group.every((c) => c.device === device)) {
    const ordered = group.length > 1 && group.some((c, i) => i > 0 && c.hlc < (group[i - 1]?.hlc ?? '')) ? [...group].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)) : group;
    for (const change of ordered) Object.assign(winners, cellsOf(change));
    return winners;
  }
  const history: LoggedChange[] = group.map((c) => ({
    device: c.device,
    hlc: c.hlc,
    cells: cellsOf(c),
    parents: c.parents ? (JSON.parse(c.parents) as Record<string, string[]>) : null,
  }));
  for (const cell of new Set(history.flatMap((c) => Object.keys(c.cells)))) {
    const [winner] = cellHeads(table, cell, history);
    if (winner) winners[cell] = winner.cells[cell];
  }
  return winners;
}

/** A row the bundle creates, as the projection will hold it: [table, rowId, winning cells]; it crosses to the main thread by structured clone, so neither side writes or parses JSON for it. */
export type NewRow = [string, string, Record<string, unknown>];

/**
 * The rows a bundle creates that this laptop has never heard of: their projection is the fold of
 * the bundle's own changes alone, worked out here in the worker with the same rules as
 * re-projection (cellHeads), so the main connection inserts each such row once instead of reading
 * back its history. Rows with any history here go through re-projection as before.
 */
export function foldNewRows(view: PlanView, applied: readonly BundleChange[], history: ReadonlyMap<string, boolean>): { rows: NewRow[]; ids: Set<string> } {
  const groups = new Map<string, BundleChange[]>();
  const known = new Set<string>();
  for (const change of applied) {
    const key = rowKeyOf(change);
    if (known.has(key)) continue;
    let group = groups.get(key);
    if (!group) {
      // No history here and none brought earlier in the session: the row cannot be here either.
      if (history.get(key) !== false) {
        known.add(key);
        continue;
      }
      groups.set(key, (group = []));
    }
    group.push(change);
  }
  const rank = new Map<string, number>(dependencyOrder.map((table, index) => [table, index]));
  const rows: Array<NewRow & { rank?: number }> = [];
  const ids = new Set<string>();
  for (const [key, group] of groups) {
    const { tbl = '', rowId = '' } = group[0] ?? {};
    // A row is created by the change that gives it a forum (or is the forum); without one, the
    // log keeps the changes and nothing is projected, as re-projection would do.
    if (tbl !== 'forums' && !group.some((c) => 'forum_id' in cellsOf(c))) continue;
    rows.push([tbl, rowId, fold(tbl, group)]);
    ids.add(key);
  }
  rows.sort((a, b) => (rank.get(a[0]) ?? 99) - (rank.get(b[0]) ?? 99));
  return { rows, ids };
}
