import type { Database, Statement } from 'better-sqlite3';
import { languageTagPattern } from '../../../shared/languages';
import type { HybridClock } from '../sync/hybridClock';
import { CoreError } from '../errors';
import { requireKind } from './cellKinds';
import { isDerivedColumn, withDerivedCells } from './derivedColumns';
import { cellHeads, changeId, parseLogged, type LoggedChange } from './proseHeads';
import { columnKind, deviceTables, isProseCell, isSyncedTable, type ColumnKind, type SyncedTable } from './syncedTables';

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

/** A per-database memo: statements and projection plans are built once and reused. */
function memo<T>(caches: WeakMap<Database, Map<string, T>>, db: Database, key: string, build: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

const statementCache = new WeakMap<Database, Map<string, Statement>>();

function prepared(db: Database, key: string, build: () => string): Statement {
  return memo(statementCache, db, key, () => db.prepare(build()));
}

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
  // A local change newer than everything this device has seen wins every cell it names. One
  // stamped before changes that arrived from a laptop whose clock runs ahead (this clock never
  // jumps to theirs) names those it overwrites, so it still wins, here and on every laptop.
  const overtaken = hlc <= writer.clock.newestSeen() && overwrites(db, change);
  prepared(
    db,
    'insert-change',
    () => 'INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells, parents) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(change.device, change.hlc, table, rowId, change.forumId, JSON.stringify(cells), change.parents && JSON.stringify(change.parents));
  if (overtaken) reprojectRows(db, table, [rowId]);
  else project(db, table, rowId, cells);
  return change;
}

/**
 * Adds to a change's parents the changes of its row stamped after it that set the same ordinary
 * cells (prose names its replaced version already). Says whether the row has any change stamped
 * after this one, in which case its projection must be folded from the whole history.
 */
function overwrites(db: Database, change: Change): boolean {
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
function proseParents(db: Database, table: SyncedTable, rowId: string, cells: Record<string, unknown>, options: WriteOptions) {
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
 * The version on screen, found through the index changes_prose_lineage instead of the row's
 * history, so that saving the thousandth edit of a note never reads the thousand earlier texts.
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
 * leaving the other standing as an "alternative" to the new text. Parents are compared first
 * (small, and in the index changes_prose_lineage), texts only for the few that match.
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

/** Every change ever made to one row, parsed; read through the (tbl, row_id) index. */
export function rowHistory(db: Database, table: string, rowId: string): LoggedChange[] {
  const select = prepared(db, 'changes-of-row', () => 'SELECT device, hlc, cells, parents FROM changes WHERE tbl = ? AND row_id = ?');
  return (select.all(table, rowId) as Array<{ device: string; hlc: string; cells: string; parents: string | null }>).map(parseLogged);
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
function project(db: Database, table: SyncedTable, rowId: string, changed: Record<string, unknown>, mode: 'upsert' | 'insert' = 'upsert'): number | undefined {
  const cells = withDerivedCells(table, changed);
  const names = Object.keys(cells);
  let key = `${mode}:${table}`;
  for (const name of names) {
    const value = cells[name];
    key += name.includes('@') && (value === '' || value === null) ? `|${name}-` : `|${name}`;
  }
  const plan = memo(planCache, db, key, () => planProjection(db, table, names, cells, mode));
  const values: unknown[] = [rowId];
  for (const { cell, kind } of plan.params) {
    if (kind === 'path') values.push(`$."${cell.slice(cell.indexOf('@') + 1)}"`);
    else if (kind === 'text') values.push(cells[cell]);
    else values.push(toSqlValue(kind, cells[cell]));
  }
  const result = plan.statement.run(...values);
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

function planProjection(db: Database, table: SyncedTable, names: string[], cells: Record<string, unknown>, mode: 'upsert' | 'insert'): ProjectionPlan {
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

const generations = new WeakMap<Database, number>();

/**
 * Caches that follow the log by its newest seq (the search scopes) trust that a seq, once seen,
 * always names the same change. A rollback takes seqs back and SQLite hands them out again, so it
 * bumps this connection's generation, and those caches start over when it moves.
 */
export function logRewritten(db: Database): void {
  generations.set(db, logGeneration(db) + 1);
}

export function logGeneration(db: Database): number {
  return generations.get(db) ?? 0;
}

/**
 * Where the clock stood when this device last wrote or received: its own newest change (own
 * changes arrive in clock order, so the last by arrival; found walking back from the end) and
 * the value saved after an import of foreign changes.
 */
export function restoreClockValue(db: Database, deviceId: string): { last?: string; newestSeen?: string } {
  const own = db
    .prepare('SELECT hlc FROM changes WHERE device = ? ORDER BY seq DESC LIMIT 1')
    .pluck()
    .get(deviceId) as string | undefined;
  const saved = db.prepare("SELECT value FROM meta WHERE key = 'clock'").pluck().get() as string | undefined;
  const newestSeen = db.prepare("SELECT value FROM meta WHERE key = 'clock_newest_seen'").pluck().get() as string | undefined;
  const last = [own, saved].filter((v): v is string => typeof v === 'string').sort().at(-1);
  return { ...(last ? { last } : {}), ...(newestSeen ? { newestSeen } : {}) };
}

/** Saved after foreign changes arrive; local writes need no save (the log itself remembers them). */
export function saveClock(db: Database, clock: HybridClock): void {
  const save = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  save.run('clock', clock.current());
  if (clock.newestSeen()) save.run('clock_newest_seen', clock.newestSeen());
}
