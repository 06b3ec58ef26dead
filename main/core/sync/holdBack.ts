import { rowReferences } from '../store/rowReferences';
import type { SyncedTable } from '../store/syncedTables';
import { cellsOf, type PlanView } from './planView';
import type { BundleChange } from './readBundle';

/**
 * A change held back takes with it the changes that cannot stand without it: the rest of a row
 * it creates, and changes pointing at a row only it creates. Repeats until nothing moves.
 */
export function holdDependents(view: PlanView, fresh: readonly BundleChange[], held: Set<BundleChange>): void {
  for (let moved = true; moved; ) {
    moved = false;
    const created = new Set<string>();
    for (const change of fresh) {
      if (!held.has(change) && (change.tbl === 'forums' || 'forum_id' in cellsOf(change))) created.add(`${change.tbl}/${change.rowId}`);
    }
    const present = (table: string, rowId: string) => created.has(`${table}/${rowId}`) || view.hasRow(table, rowId);
    for (const change of fresh) {
      if (held.has(change)) continue;
      const cells = cellsOf(change);
      const references = Object.entries(rowReferences[change.tbl as SyncedTable] ?? {});
      const dangling = references.some(([column, target]) => typeof cells[column] === 'string' && !present(target, cells[column] as string));
      if (!present(change.tbl, change.rowId) || dangling) {
        held.add(change);
        moved = true;
      }
    }
  }
}
