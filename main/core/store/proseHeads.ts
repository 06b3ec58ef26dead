import { isProseCell } from './syncedTables';

/** One change of a row as read back from the log. */
export interface LoggedChange {
  device: string;
  hlc: string;
  cells: Record<string, unknown>;
  parents: Record<string, string[]> | null;
}

export const changeId = (change: { device: string; hlc: string }) => `${change.device}/${change.hlc}`;

/** Later clock first, then the higher device id: the order every laptop agrees on. */
export function newerFirst(a: { device: string; hlc: string }, b: { device: string; hlc: string }): number {
  if (a.hlc !== b.hlc) return a.hlc > b.hlc ? -1 : 1;
  return a.device === b.device ? 0 : a.device > b.device ? -1 : 1;
}

/**
 * The live versions of a cell: changes that set it and that no other change of the row replaces.
 * For ordinary cells that is simply the newest; for prose, every edit nobody has built on yet.
 */
export function cellHeads(table: string, cell: string, history: readonly LoggedChange[]): LoggedChange[] {
  const setting = history.filter((c) => Object.prototype.hasOwnProperty.call(c.cells, cell)).sort(newerFirst);
  if (!isProseCell(table, cell)) return setting.slice(0, 1);
  const replaced = new Set(history.flatMap((c) => c.parents?.[cell] ?? []));
  return setting.filter((c) => !replaced.has(changeId(c)));
}

export function parseLogged(row: { device: string; hlc: string; cells: string; parents: string | null }): LoggedChange {
  return {
    device: row.device,
    hlc: row.hlc,
    cells: JSON.parse(row.cells) as Record<string, unknown>,
    parents: row.parents ? (JSON.parse(row.parents) as Record<string, string[]>) : null,
  };
}
