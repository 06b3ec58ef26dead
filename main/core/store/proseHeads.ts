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
 * For prose, every edit nobody has built on yet. For ordinary cells, the newest of those: simply
 * the newest, unless a later edit named a change stamped ahead of it (by a laptop whose clock
 * runs fast) as one it replaces; then the edit wins, as the person who made it saw it do.
 */
export function cellHeads(table: string, cell: string, history: readonly LoggedChange[]): LoggedChange[] {
  const setting = history.filter((c) => Object.prototype.hasOwnProperty.call(c.cells, cell)).sort(newerFirst);
  const replaced = new Set(history.flatMap((c) => c.parents?.[cell] ?? []));
  const live = replaced.size === 0 ? setting : setting.filter((c) => !replaced.has(changeId(c)));
  return isProseCell(table, cell) ? live : live.slice(0, 1);
}

export function parseLogged(row: { device: string; hlc: string; cells: string; parents: string | null }): LoggedChange {
  return {
    device: row.device,
    hlc: row.hlc,
    cells: JSON.parse(row.cells) as Record<string, unknown>,
    parents: row.parents ? (JSON.parse(row.parents) as Record<string, string[]>) : null,
  };
}
