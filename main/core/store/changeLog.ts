import type { Database, Statement } from 'better-sqlite3';
import type { HybridClock } from '../sync/hybridClock';
import { languageTagPattern } from '../../../shared/languages';
import { CoreError } from '../errors';
import { authoriseWrite } from '../roles/authoriseWrite';
import { requireKind } from './cellKinds';
import { isDerivedColumn, withDerivedCells } from './derivedColumns';
import { overwrites, proseParents } from './changeParents';
import { authorityMoved } from './logGeneration';
import { memo, prepared } from './preparedStatements';
import { cellHeads } from './proseHeads';
import { rowHistory } from './rowHistory';
import { columnKind, deviceTables, isSyncedTable, type ColumnKind, type SyncedTable } from './syncedTables';

export interface Writer {
  db: Database;
  deviceId: string;
  clock: HybridClock;
}

/**
 * One write as the log stores it: the cells one device changed in one row at one clock reading.
 * Each cell (`column` or `column@lang` for multilingual text) is a change of its own for merging.
 */
export interface Change {
  hlc: string;
  device: string;
  tbl: string;
  rowId: string;
  /** The forum the row belongs to; null for per-device rows, which are never bundled. */
  forumId: string | null;
  cells: Record<string, unknown>;
  /** Prose cells only: the edits (device/hlc) this one replaces. */
  parents: Record<string, string[]> | null;
}

export interface WriteOptions {
  /**
   * A prose edit normally replaces the version on screen only, so a concurrent version from
   * another laptop stays available. Choosing among versions replaces them all.
   */
  replaceAllVersions?: boolean;
  /**
   * The caller checked, in this transaction, that the row does not exist yet (a generator writing
   * thousands of paragraphs): its prose cells replace nothing, known without reading the log.
   */
  newRow?: boolean;
}

export type RowValues = Record<string, unknown>;


/**
 * The only way anything is written to forum data: records the change in the log and updates the
 * projection in the same transaction. `values` uses projection column names; a multilingual column
 * takes `{ lang: text }` and records one cell per language given (an empty text removes it).
 */
export function writeRow(
  writer: Writer,
  table: SyncedTable,
  rowId: string,
  values: RowValues,
  options: WriteOptions = {},
): Change | undefined {
  const cells = checkedCells(table, values);
  if (!cells) return undefined;
  const apply = () => applyWrite(writer, table, rowId, values, cells, options);
  return writer.db.inTransaction ? apply() : writer.db.transaction(apply)();
}

/**
 * The cells a write records (`column`, or `column@lang` per language of a multilingual column),
 * each checked against the table's columns (and, with `kinds`, its value against the column's
 * kind); undefined when there are none.
 */
export function checkedCells(table: SyncedTable, values: RowValues, kinds = false): Record<string, unknown> | undefined {
  const cells: Record<string, unknown> = {};
  let any = false;
  for (const [column, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const kind = requireColumn(table, column);
    if (kinds) requireKind(table, column, kind, value);
    if (kind === 'multilingual') {
      for (const [lang, text] of Object.entries(value as Record<string, unknown>)) {
        requireColumn(table, `${column}@${lang}`);
        cells[`${column}@${lang}`] = text ?? '';
        any = true;
      }
    } else {
      cells[column] = value;
      any = true;
    }
  }
  return any ? cells : undefined;
}

/** One write of checked cells (see checkedCells), inside the caller's transaction: logged, then projected. */
export function applyWrite(writer: Writer, table: SyncedTable, rowId: string, values: RowValues, cells: Record<string, unknown>, options: WriteOptions = {}): Change {
  const db = writer.db;
  const hlc = writer.clock.now();
  const change: Change = {
    hlc,
    device: writer.deviceId,
    tbl: table,
    rowId,
    forumId: forumOf(db, table, rowId, values),
    cells,
    parents: proseParents(db, table, rowId, cells, options),
  };
  authoriseWrite(db, writer.deviceId, change.forumId, change);
  // A local change newer than everything this device has seen wins every cell it names. One
  // stamped before changes that arrived from a laptop whose clock runs ahead (this clock never
  // jumps to theirs) names those it overwrites, so it still wins, here and on every laptop.
  const overtaken = hlc <= writer.clock.newestSeen() && overwrites(db, change);
  prepared(
    db,
    'insert-change',
    () => 'INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells, parents) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(change.device, change.hlc, table, rowId, change.forumId, JSON.stringify(cells), change.parents && JSON.stringify(change.parents));
  if (table === 'forums' || table === 'role_grants') authorityMoved(db);
  if (overtaken) reprojectRows(db, table, [rowId]);
  else project(db, table, rowId, cells);
  return change;
}



/** A forum is its own scope; other rows name theirs, or already have it in the projection. */
function forumOf(db: Database, table: SyncedTable, rowId: string, values: RowValues): string | null {
  if (deviceTables.has(table)) return null;
  if (table === 'forums') return rowId;
  if (typeof values.forum_id === 'string') return values.forum_id;
  const known = prepared(db, `forum-of:${table}`, () => `SELECT forum_id FROM ${table} WHERE id = ?`).pluck().get(rowId);
  if (typeof known !== 'string') throw new CoreError('invalid_input', `A new ${table} row needs its forum_id`);
  return known;
}

/** The kind of a cell's column; a `column@lang` cell needs a multilingual column and a language tag. */
export function requireColumn(table: string, cell: string): ColumnKind {
  const at = cell.indexOf('@');
  const kind = isSyncedTable(table) ? columnKind(table, at === -1 ? cell : cell.slice(0, at)) : undefined;
  const validLanguage = at === -1 || (kind === 'multilingual' && languageTagPattern.test(cell.slice(at + 1)));
  if (!kind || !validLanguage) throw new CoreError('invalid_input', `The change log has no column ${table}.${cell}`);
  return kind;
}

/** A new row or an existing one (upsert), a new row only (insert), or named cells of an existing one (update). */
type ProjectionMode = 'upsert' | 'insert' | 'update';

interface ProjectionPlan {
  statement: Statement;
  /** Which cell fills each parameter after the row id, and how its value is turned into SQL. */
  params: Array<{ cell: string; kind: 'path' | 'text' | ColumnKind }>;
}

const planCache = new WeakMap<Database, Map<string, ProjectionPlan>>();

/**
 * Upserts winning cell values into the projection row in one statement. SQLite applies only the
 * last of several assignments to one column, so a multilingual column's languages are folded into
 * one nested json_set/json_remove expression, once over '{}' (new row) and once over the column.
 * The statement and its parameter order are planned once per table and set of cells.
 */
function project(db: Database, table: SyncedTable, rowId: string, changed: Record<string, unknown>, mode: ProjectionMode = 'upsert'): number | undefined {
  const cells = withDerivedCells(table, changed);
  const names = Object.keys(cells);
  let key = `${mode}:${table}`;
  for (const name of names) {
    const value = cells[name];
    key += name.includes('@') && (value === '' || value === null) ? `|${name}-` : `|${name}`;
  }
  const plan = memo(planCache, db, key, () => planProjection(db, table, names, cells, mode));
  const values: unknown[] = mode === 'update' ? [] : [rowId];
  for (const { cell, kind } of plan.params) {
    if (kind === 'path') values.push(`$."${cell.slice(cell.indexOf('@') + 1)}"`);
    else if (kind === 'text') values.push(cells[cell]);
    else values.push(toSqlValue(kind, cells[cell]));
  }
  if (mode === 'update') values.push(rowId);
  const result = plan.statement.run(...values);
  if (mode === 'update') return result.changes;
  return result.changes > 0 ? Number(result.lastInsertRowid) : undefined;
}

/**
 * Projects a row this laptop never had, from cells already folded (see foldNewRows): one insert,
 * no history read back. Answers the new row's rowid, or undefined, writing nothing, when the row
 * exists after all; the caller then re-projects it from the log.
 */
export function insertNewRow(db: Database, table: SyncedTable, rowId: string, winners: Record<string, unknown>): number | undefined {
  return project(db, table, rowId, winners, 'insert');
}

function planProjection(db: Database, table: SyncedTable, names: string[], cells: Record<string, unknown>, mode: ProjectionMode): ProjectionPlan {
  type Column = { insert: string; update: string; insertParams: ProjectionPlan['params']; updateParams: ProjectionPlan['params'] };
  const columns = new Map<string, Column>();
  for (const cell of names) {
    const [column = cell, lang] = cell.split('@');
    if (lang !== undefined) {
      const c = columns.get(column) ?? { insert: "'{}'", update: column, insertParams: [], updateParams: [] };
      // Empty text removes the translation rather than storing a blank one.
      if (cells[cell] === '' || cells[cell] === null) {
        c.update = `json_remove(${c.update}, ?)`;
        c.updateParams.push({ cell, kind: 'path' });
      } else {
        c.insert = `json_set(${c.insert}, ?, ?)`;
        c.insertParams.push({ cell, kind: 'path' }, { cell, kind: 'text' });
        c.update = `json_set(${c.update}, ?, ?)`;
        c.updateParams.push({ cell, kind: 'path' }, { cell, kind: 'text' });
      }
      columns.set(column, c);
    } else {
      const kind = isDerivedColumn(table, column) ? 'text' : requireColumn(table, column);
      columns.set(column, { insert: '?', update: `excluded.${column}`, insertParams: [{ cell, kind }], updateParams: [] });
    }
  }
  const entries = [...columns];
  if (mode === 'update') {
    // Only the columns named: the others, their indexes and their foreign keys are not touched.
    const set = entries.map(([name, c]) => `${name} = ${c.updateParams.length ? c.update : '?'}`);
    return {
      statement: db.prepare(`UPDATE ${table} SET ${set.join(', ')} WHERE id = ?`),
      params: entries.flatMap(([, c]) => (c.updateParams.length ? c.updateParams : c.insertParams)),
    };
  }
  const conflict = mode === 'insert' ? 'DO NOTHING' : `DO UPDATE SET ${entries.map(([name, c]) => `${name} = ${c.update}`).join(', ')}`;
  const sql = `INSERT INTO ${table} (id, ${entries.map(([name]) => name).join(', ')})
    VALUES (?, ${entries.map(([, c]) => c.insert).join(', ')})
    ON CONFLICT (id) ${conflict}`;
  return {
    statement: db.prepare(sql),
    params: [...entries.flatMap(([, c]) => c.insertParams), ...(mode === 'insert' ? [] : entries.flatMap(([, c]) => c.updateParams))],
  };
}

function toSqlValue(kind: ColumnKind | 'path' | 'text', value: unknown): unknown {
  if (kind === 'json') return JSON.stringify(value ?? []);
  if (kind === 'integer') return typeof value === 'boolean' ? Number(value) : value;
  return value;
}

/**
 * Rebuilds the projection of the given rows from the log alone: per cell, the last writer by
 * clock wins, ties going to the higher device id, so every laptop picks the same value. Sync uses
 * it after inserting foreign changes; tests use it to prove the tables hold nothing the log lacks.
 */
export function reprojectRows(db: Database, table: SyncedTable, rowIds: Iterable<string>): void {
  for (const rowId of rowIds) {
    const history = rowHistory(db, table, rowId);
    const cells = new Set(history.flatMap((c) => Object.keys(c.cells)));
    const winners: Record<string, unknown> = {};
    for (const cell of cells) {
      // For prose, the newest of the versions nobody has replaced; for the rest, simply the newest.
      const [winner] = cellHeads(table, cell, history);
      if (winner) winners[cell] = winner.cells[cell];
    }
    if (cells.size > 0) project(db, table, rowId, winners);
  }
}

/**
 * Re-projects rows an import added changes to, given the cells those changes set (null: not
 * known). A cell's winner depends on the changes that set it alone, so for a row already in the
 * projection only those cells are worked out again and written: the row's other columns, their
 * indexes and their foreign keys are left alone. A row not projected yet (its earlier changes
 * named no forum), or whose cells are not known, is rebuilt from its whole history.
 */
export function reprojectCells(db: Database, table: SyncedTable, rows: ReadonlyMap<string, ReadonlySet<string> | null>): void {
  for (const [rowId, cells] of rows) {
    if (cells === null || cells.size === 0 || !updateCells(db, table, rowId, cells)) reprojectRows(db, table, [rowId]);
  }
}

/** Writes the winners of `cells` into the row's projection; false when the row is not there. */
function updateCells(db: Database, table: SyncedTable, rowId: string, cells: ReadonlySet<string>): boolean {
  const history = rowHistory(db, table, rowId);
  const winners: Record<string, unknown> = {};
  for (const cell of cells) {
    const [winner] = cellHeads(table, cell, history);
    if (winner) winners[cell] = winner.cells[cell];
  }
  // Nothing left to write (a change with no cell of its own): let the whole history decide.
  if (Object.keys(winners).length === 0) return false;
  return project(db, table, rowId, winners, 'update') !== 0;
}

/**
 * Rebuilds rows from scratch after log entries were taken out (an import rolled back): each row
 * is removed from its projection and, if what remains of its history still creates it, projected
 * again, so cells only the removed entries set go back to their defaults.
 */
export function rebuildRows(db: Database, table: SyncedTable, rowIds: Iterable<string>): void {
  const remove = prepared(db, `delete-row:${table}`, () => `DELETE FROM ${table} WHERE id = ?`);
  for (const rowId of rowIds) {
    remove.run(rowId);
    const history = rowHistory(db, table, rowId);
    const created = table === 'forums' || deviceTables.has(table) ? history.length > 0 : history.some((c) => 'forum_id' in c.cells);
    if (created) reprojectRows(db, table, [rowId]);
  }
}
