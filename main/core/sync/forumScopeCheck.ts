import { rowReferences } from '../store/rowReferences';
import { deviceTables, type SyncedTable } from '../store/syncedTables';
import type { BundleChange } from './readBundle';
import { bundleError } from './bundleError';
import { cellsOf, rowKeyOf, type PlanView } from './planView';

interface RowScope {
  /** The forum the projection says the row belongs to; undefined when the row is not here. */
  stored: string | null | undefined;
  /** Every forum_id the bundle's changes give the row. */
  given: Set<unknown>;
}

const tableLabel = (table: string) => table.replace(/_/g, ' ').replace(/s$/, '');

/**
 * Proves that a bundle for one forum writes only that forum: every row it touches is of the
 * manifest's forum (as stored here, and as the bundle sets it, so it cannot move a row either),
 * every row it points at (a note's session, a paragraph's document, …) is of that forum too, and
 * a note's author is the laptop that wrote it. Refuses the whole bundle otherwise. Answers the
 * forums it found stored, by rowKeyOf (undefined: not here), for the preview's counts to reuse.
 */
export function checkForumScope(
  view: PlanView,
  forumId: string,
  changes: readonly BundleChange[],
  history?: ReadonlyMap<string, boolean>,
): ReadonlyMap<string, string | null | undefined> {
  const rows = new Map<string, RowScope>();
  const created = new Map<string, Set<string>>(); // table -> rows the bundle gives a forum_id
  // A row with no history here is not here; other lookups (a session named by thousands of
  // notes) are asked once each.
  const looked = new Map<string, string | null | undefined>();
  const storedForum = (table: SyncedTable, rowId: string) => {
    const key = `${table}\u0000${rowId}`;
    if (history?.get(key) === false) return undefined;
    if (looked.has(key)) return looked.get(key);
    const forum = view.rowForum(table, rowId);
    looked.set(key, forum);
    return forum;
  };
  // The rows with history, looked up a table at a time: a day's edits touch thousands.
  const withHistory = new Map<string, Set<string>>();
  for (const change of changes) {
    if (change.tbl === 'forums' || history?.get(rowKeyOf(change)) !== true) continue;
    let ids = withHistory.get(change.tbl);
    if (!ids) withHistory.set(change.tbl, (ids = new Set()));
    ids.add(change.rowId);
  }
  for (const [table, ids] of withHistory) {
    if (deviceTables.has(table as SyncedTable)) continue;
    for (const [rowId, forum] of view.rowForums(table, ids)) looked.set(`${table}\u0000${rowId}`, forum);
  }
  const refs: Array<{ change: BundleChange; column: string; target: SyncedTable; id: unknown }> = [];
  for (const change of changes) {
    const cells = cellsOf(change);
    const table = change.tbl as SyncedTable;
    if (deviceTables.has(table)) throw bundleError(`The bundle changes this laptop’s own settings, which never travel; it was not imported.`);
    if (table === 'forums') {
      if (change.rowId !== forumId) throw foreign(table);
      continue;
    }
    const key = rowKeyOf(change);
    let scope = rows.get(key);
    if (!scope) {
      scope = { stored: history?.get(key) === false ? undefined : storedForum(table, change.rowId), given: new Set() };
      rows.set(key, scope);
    }
    if (Object.prototype.hasOwnProperty.call(cells, 'forum_id')) {
      scope.given.add(cells.forum_id);
      let set = created.get(table);
      if (!set) created.set(table, (set = new Set()));
      set.add(change.rowId);
    }
    if (table === 'notes' && Object.prototype.hasOwnProperty.call(cells, 'author') && cells.author !== null && cells.author !== change.device) {
      throw bundleError('The bundle gives a note an author other than the laptop that wrote it; it was not imported.');
    }
    for (const [column, target] of Object.entries(rowReferences[table] ?? {})) {
      if (cells[column] !== undefined && cells[column] !== null) refs.push({ change, column, target, id: cells[column] });
    }
  }
  for (const [key, scope] of rows) {
    const table = key.slice(0, key.indexOf('\u0000'));
    if (scope.stored !== undefined && scope.stored !== forumId) throw foreign(table);
    for (const given of scope.given) if (given !== forumId) throw foreign(table);
    if (scope.stored === undefined && scope.given.size === 0) {
      throw bundleError(
        `The bundle changes a ${tableLabel(table)} this laptop does not have, without the change that created it. Import a full bundle from the same laptop first; nothing was changed.`,
      );
    }
  }
  for (const ref of refs) {
    if (typeof ref.id !== 'string') throw bundleError(`The bundle gives a ${tableLabel(ref.change.tbl)} a ${ref.column.replace(/_/g, ' ')} that is not an id; it was not imported.`);
    if (created.get(ref.target)?.has(ref.id)) continue;
    const stored = storedForum(ref.target, ref.id);
    // The first outcome document takes its forum's id: a paragraph may name it before it exists.
    if (stored === undefined && ref.target === 'outcome_documents' && ref.id === forumId) continue;
    if (stored === undefined) {
      throw bundleError(
        `The bundle refers to a ${tableLabel(ref.target)} this laptop does not have. Import a full bundle from the same laptop first; nothing was changed.`,
      );
    }
    if (stored !== forumId) throw foreign(ref.change.tbl);
  }
  return looked;
}

function foreign(table: string) {
  return bundleError(
    `The bundle tries to change a ${tableLabel(table)} of another forum than the one it was made for. It was refused and nothing was changed; tell whoever made it that their laptop may be damaged.`,
  );
}
