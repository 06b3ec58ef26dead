import type { Database, Statement } from 'better-sqlite3';
import type { HybridClock } from '../sync/hybridClock';
import { columnKind, isSyncedTable, type ColumnKind, type SyncedTable } from './syncedTables';

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
  cells: Record<string, unknown>;
}

export type RowValues = Record<string, unknown>;

const statementCache = new WeakMap<Database, Map<string, Statement>>();

function prepared(db: Database, key: string, build: () => string): Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(key);
  if (!statement) {
    statement = db.prepare(build());
    cache.set(key, statement);
  }
  return statement;
}

/**
 * The only way anything is written to forum data: records the change in the log and updates the
 * projection in the same transaction. `values` uses projection column names; a multilingual column
 * takes `{ lang: text }` and records one cell per language given (an empty text removes it).
 */
export function writeRow(writer: Writer, table: SyncedTable, rowId: string, values: RowValues): Change | undefined {
  const cells: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (requireColumn(table, column) === 'multilingual') {
      for (const [lang, text] of Object.entries(value as Record<string, unknown>)) cells[`${column}@${lang}`] = text ?? '';
    } else {
      cells[column] = value;
    }
  }
  if (Object.keys(cells).length === 0) return undefined;
  const change: Change = { hlc: writer.clock.now(), device: writer.deviceId, tbl: table, rowId, cells };
  const db = writer.db;
  const apply = () => {
    prepared(db, 'insert-change', () => 'INSERT INTO changes (device, hlc, tbl, row_id, cells) VALUES (?, ?, ?, ?, ?)').run(
      change.device,
      change.hlc,
      table,
      rowId,
      JSON.stringify(cells),
    );
    // A local change is newer than everything this device has seen, so it wins every cell it names.
    project(db, table, rowId, cells);
  };
  if (db.inTransaction) apply();
  else db.transaction(apply)();
  return change;
}

function requireColumn(table: string, column: string): ColumnKind {
  const kind = isSyncedTable(table) ? columnKind(table, column.split('@')[0] ?? column) : undefined;
  if (!kind) throw new Error(`The change log has no column ${table}.${column}`);
  return kind;
}

/**
 * Upserts winning cell values into the projection row in one statement. SQLite applies only the
 * last of several assignments to one column, so a multilingual column's languages are folded into
 * one nested json_set/json_remove expression, once over '{}' (new row) and once over the column.
 */
function project(db: Database, table: SyncedTable, rowId: string, cells: Record<string, unknown>): void {
  const columns = new Map<string, { insert: string; update: string; insertParams: unknown[]; updateParams: unknown[] }>();
  const keyParts: string[] = [];
  for (const [cell, value] of Object.entries(cells)) {
    const [column = cell, lang] = cell.split('@');
    if (lang !== undefined) {
      const c = columns.get(column) ?? { insert: "'{}'", update: column, insertParams: [], updateParams: [] };
      const remove = value === '' || value === null;
      const path = `$."${lang}"`;
      c.insert = remove ? c.insert : `json_set(${c.insert}, ?, ?)`;
      if (!remove) c.insertParams.push(path, value);
      c.update = remove ? `json_remove(${c.update}, ?)` : `json_set(${c.update}, ?, ?)`;
      c.updateParams.push(...(remove ? [path] : [path, value]));
      columns.set(column, c);
      keyParts.push(`${column}@${remove ? '-' : '+'}`);
    } else {
      const sqlValue = toSqlValue(requireColumn(table, column), value);
      columns.set(column, { insert: '?', update: `excluded.${column}`, insertParams: [sqlValue], updateParams: [] });
      keyParts.push(column);
    }
  }
  const entries = [...columns];
  const statement = prepared(db, `project:${table}:${keyParts.join(',')}`, () => {
    const names = entries.map(([name]) => name);
    return `INSERT INTO ${table} (id, ${names.join(', ')}) VALUES (?, ${entries.map(([, c]) => c.insert).join(', ')})
      ON CONFLICT (id) DO UPDATE SET ${entries.map(([name, c]) => `${name} = ${c.update}`).join(', ')}`;
  });
  statement.run(rowId, ...entries.flatMap(([, c]) => c.insertParams), ...entries.flatMap(([, c]) => c.updateParams));
}

function toSqlValue(kind: ColumnKind, value: unknown): unknown {
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
  const select = prepared(db, 'changes-of-row', () => 'SELECT device, hlc, cells FROM changes WHERE tbl = ? AND row_id = ?');
  for (const rowId of rowIds) {
    const winners = new Map<string, { hlc: string; device: string; value: unknown }>();
    for (const row of select.all(table, rowId) as Array<{ device: string; hlc: string; cells: string }>) {
      for (const [cell, value] of Object.entries(JSON.parse(row.cells) as Record<string, unknown>)) {
        const best = winners.get(cell);
        if (!best || row.hlc > best.hlc || (row.hlc === best.hlc && row.device > best.device)) {
          winners.set(cell, { hlc: row.hlc, device: row.device, value });
        }
      }
    }
    if (winners.size > 0) project(db, table, rowId, Object.fromEntries([...winners].map(([cell, w]) => [cell, w.value])));
  }
}

/**
 * Where the clock stood when this device last wrote or received: the newest of its own changes
 * (the primary key's order) and the value saved after an import of foreign changes.
 */
export function restoreClockValue(db: Database, deviceId: string): string | undefined {
  const own = db.prepare('SELECT max(hlc) FROM changes WHERE device = ?').pluck().get(deviceId) as string | null;
  const saved = db.prepare("SELECT value FROM meta WHERE key = 'clock'").pluck().get() as string | undefined;
  return [own, saved].filter((v): v is string => typeof v === 'string').sort().at(-1);
}

export function saveClock(db: Database, clock: HybridClock): void {
  db.prepare("INSERT INTO meta (key, value) VALUES ('clock', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    clock.current(),
  );
}
