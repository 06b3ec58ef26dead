import type { Database } from 'better-sqlite3';
import type { Change, WriteOptions } from './changeLog';
import { prepared } from './preparedStatements';
import { cellHeads, changeId, parseLogged, type LoggedChange } from './proseHeads';
import { rowHistory } from './rowHistory';
import { isProseCell, type SyncedTable } from './syncedTables';

/**
 * Adds to a change's parents the changes of its row stamped after it that set the same ordinary
 * cells (prose names its replaced version already). Says whether the row has any change stamped
 * after this one, in which case its projection must be folded from the whole history.
 */
export function overwrites(db: Database, change: Change): boolean {
  const newer = prepared(db, 'changes-after', () => 'SELECT device, hlc, cells, parents FROM changes WHERE tbl = ? AND row_id = ? AND hlc > ?')
    .all(change.tbl, change.rowId, change.hlc) as Array<{ device: string; hlc: string; cells: string; parents: string | null }>;
  if (newer.length === 0) return false;
  const logged = newer.map(parseLogged);
  for (const cell of Object.keys(change.cells)) {
    if (isProseCell(change.tbl, cell)) continue;
    const replaced = logged.filter((c) => Object.prototype.hasOwnProperty.call(c.cells, cell)).map(changeId);
    if (replaced.length > 0) change.parents = { ...change.parents, [cell]: replaced };
  }
  return true;
}

/**
 * The versions each prose cell of this write replaces: the one on screen, or all of them. The one
 * on screen is found without reading the row's history when it can be (see newestUnreplaced).
 */
export function proseParents(db: Database, table: SyncedTable, rowId: string, cells: Record<string, unknown>, options: WriteOptions) {
  const prose = Object.keys(cells).filter((cell) => isProseCell(table, cell));
  if (prose.length === 0) return null;
  if (options.newRow) return Object.fromEntries(prose.map((cell) => [cell, []]));
  let history: LoggedChange[] | undefined;
  return Object.fromEntries(
    prose.map((cell) => {
      const found = options.replaceAllVersions ? undefined : newestUnreplaced(db, table, rowId, cell);
      // Twins need two laptops: a row only this one wrote is answered without looking for them.
      if (found) return [cell, found.oneLaptop ? [found.shown] : [found.shown, ...twinsOf(db, table, rowId, cell, found.shown)]];
      history ??= rowHistory(db, table, rowId);
      const heads = cellHeads(table, cell, history);
      if (options.replaceAllVersions) return [cell, heads.map(changeId)];
      const text = heads[0]?.cells[cell];
      return [cell, heads.filter((head, i) => i === 0 || head.cells[cell] === text).map(changeId)];
    }),
  );
}

/**
 * The version on screen, found by walking the row's changes back from the newest (changes_by_row
 * is in clock order) instead of reading its history, so that saving the thousandth edit of a
 * note reads one or two earlier changes, not the thousand.
 * Every prose edit names the edits it replaces (none, for the first), so the newest edit of the
 * cell is the newest with parents for it; if no edit names it as replaced, it is the newest live
 * version: the one shown. An edit is older than the one it replaces only when that one came from
 * a laptop whose clock ran ahead, so while the row was written on one laptop alone, nothing needs
 * checking. Undefined when the cell was never set or the newest edit was replaced: the caller
 * then reads the history.
 */
function newestUnreplaced(db: Database, table: SyncedTable, rowId: string, cell: string): { shown: string; oneLaptop: boolean } | undefined {
  const newest = prepared(
    db,
    'newest-prose-edit',
    () => `SELECT device, hlc FROM changes WHERE tbl = ? AND row_id = ? AND parents IS NOT NULL AND json_type(parents, ?) IS NOT NULL
            ORDER BY hlc DESC, device DESC LIMIT 1`,
  ).get(table, rowId, `$."${cell}"`) as { device: string; hlc: string } | undefined;
  if (!newest) return undefined;
  const oneLaptop = prepared(
    db,
    'row-of-one-device',
    () => `SELECT (SELECT min(device) FROM changes WHERE tbl = @table AND row_id = @rowId) = @device
              AND (SELECT max(device) FROM changes WHERE tbl = @table AND row_id = @rowId) = @device`,
  )
    .pluck()
    .get({ table, rowId, device: newest.device });
  if (oneLaptop) return { shown: changeId(newest), oneLaptop: true };
  // A match may name the edit for another cell of the row (or another language): the history
  // then decides, which is slower but never wrong.
  const replaced = prepared(
    db,
    'prose-edit-replaced',
    () => 'SELECT 1 FROM changes WHERE tbl = ? AND row_id = ? AND parents IS NOT NULL AND instr(parents, ?) > 0 LIMIT 1',
  ).get(table, rowId, JSON.stringify(changeId(newest)));
  return replaced ? undefined : { shown: changeId(newest), oneLaptop: false };
}

/**
 * Edits that wrote the same text over the same version as the one shown: one version written on
 * two laptops (both accepted the same amendment), so an edit replaces them together instead of
 * leaving the other standing as an "alternative" to the new text. Parents are compared first,
 * texts only for the few that match; only rows written on two laptops get here.
 */
function twinsOf(db: Database, table: SyncedTable, rowId: string, cell: string, shown: string): string[] {
  const at = shown.lastIndexOf('/');
  return prepared(
    db,
    'prose-twins',
    () => `SELECT o.device || '/' || o.hlc FROM changes s JOIN changes o
              ON o.tbl = s.tbl AND o.row_id = s.row_id AND o.parents IS NOT NULL AND o.seq <> s.seq
             AND o.parents ->> @path = s.parents ->> @path AND o.cells ->> @path = s.cells ->> @path
            WHERE s.tbl = @table AND s.row_id = @rowId AND s.device = @device AND s.hlc = @hlc AND s.parents IS NOT NULL`,
  )
    .pluck()
    .all({ table, rowId, device: shown.slice(0, at), hlc: shown.slice(at + 1), path: `$."${cell}"` }) as string[];
}
