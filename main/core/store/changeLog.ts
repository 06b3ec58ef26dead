import type { Database, Statement } from 'better-sqlite3';
import type { HybridClock } from '../sync/hybridClock';
import { columnKind, isSyncedTable, type ColumnKind, type SyncedTable } from './syncedTables';

export interface Writer {
  db: Database;
  deviceId: string;
  clock: HybridClock;
}

/** One recorded edit of one cell. Multilingual columns carry the language: `title@en`. */
export interface Change {
  hlc: string;
  device: string;
  tbl: string;
  rowId: string;
  col: string;
  /** JSON text of the value. */
  value: string;
}

export type RowValues = Record<string, unknown>;

const statementCache = new WeakMap<Database, Map<string, Statement>>();

function prepared(db: Database, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * The only way anything is written to forum data: records one change per cell in the log and
 * updates the projection in the same transaction. `values` uses projection column names; a
 * multilingual column takes `{ lang: text }` and records one change per language given.
 */
export function writeRow(writer: Writer, table: SyncedTable, rowId: string, values: RowValues): Change[] {
  const hlc = writer.clock.now();
  const changes: Change[] = [];
  for (const [column, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const kind = requireColumn(table, column);
    if (kind === 'multilingual') {
      for (const [lang, text] of Object.entries(value as Record<string, unknown>)) {
        changes.push(change(writer, hlc, table, rowId, `${column}@${lang}`, text ?? ''));
      }
    } else {
      changes.push(change(writer, hlc, table, rowId, column, value));
    }
  }
  if (changes.length === 0) return changes;
  const db = writer.db;
  db.transaction(() => {
    const insert = prepared(
      db,
      'INSERT INTO changes (hlc, device, tbl, row_id, col, value) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    for (const c of changes) insert.run(c.hlc, c.device, c.tbl, c.rowId, c.col, c.value);
    // A local change is newer than everything this device has seen, so it always wins its cell.
    project(db, table, rowId, changes);
  })();
  return changes;
}

function change(writer: Writer, hlc: string, table: string, rowId: string, col: string, value: unknown): Change {
  return { hlc, device: writer.deviceId, tbl: table, rowId, col, value: JSON.stringify(value ?? null) };
}

function requireColumn(table: string, column: string): ColumnKind {
  const kind = isSyncedTable(table) ? columnKind(table, column.split('@')[0] ?? column) : undefined;
  if (!kind) throw new Error(`The change log has no column ${table}.${column}`);
  return kind;
}

/** Writes winning cell values into the projection row, creating it if needed. */
function project(db: Database, table: SyncedTable, rowId: string, winners: readonly Change[]): void {
  prepared(db, `INSERT INTO ${table} (id) VALUES (?) ON CONFLICT (id) DO NOTHING`).run(rowId);
  // One assignment per column: SQLite applies only the last of several assignments to the same
  // column, so the languages of a multilingual column are folded into one nested expression.
  const assignments = new Map<string, { expression: string; params: unknown[] }>();
  for (const c of winners) {
    const [column = c.col, lang] = c.col.split('@');
    const value: unknown = JSON.parse(c.value);
    if (lang !== undefined) {
      const current = assignments.get(column) ?? { expression: column, params: [] };
      // Empty text removes the translation rather than storing a blank one.
      if (value === '' || value === null) {
        current.expression = `json_remove(${current.expression}, ?)`;
        current.params.push(`$."${lang}"`);
      } else {
        current.expression = `json_set(${current.expression}, ?, ?)`;
        current.params.push(`$."${lang}"`, value);
      }
      assignments.set(column, current);
    } else {
      assignments.set(column, { expression: '?', params: [toSqlValue(requireColumn(table, column), value)] });
    }
  }
  const sets = [...assignments].map(([column, a]) => `${column} = ${a.expression}`);
  const params = [...assignments.values()].flatMap((a) => a.params);
  prepared(db, `UPDATE ${table} SET ${sets.join(', ')} WHERE id = ?`).run(...params, rowId);
}

function toSqlValue(kind: ColumnKind, value: unknown): unknown {
  if (kind === 'json') return JSON.stringify(value ?? []);
  if (kind === 'integer') return typeof value === 'boolean' ? Number(value) : value;
  return value;
}

/**
 * Rebuilds the projection of the given rows from the log alone: last writer wins by clock, ties by
 * device id. Sync uses it after inserting foreign changes; tests use it to prove that the tables
 * hold nothing the log does not.
 */
export function reprojectRows(db: Database, table: SyncedTable, rowIds: Iterable<string>): void {
  const winners = prepared(
    db,
    `SELECT hlc, device, tbl, row_id AS rowId, col, value FROM changes AS c
      WHERE tbl = ? AND row_id = ?
        AND NOT EXISTS (SELECT 1 FROM changes AS d WHERE d.tbl = c.tbl AND d.row_id = c.row_id AND d.col = c.col
                          AND (d.hlc > c.hlc OR (d.hlc = c.hlc AND d.device > c.device)))`,
  );
  for (const rowId of rowIds) {
    const rows = winners.all(table, rowId) as Change[];
    if (rows.length > 0) project(db, table, rowId, rows);
  }
}

/**
 * Where the clock stood when this device last wrote or received: the newest of its own changes
 * (found through the by-device index) and the value saved after an import of foreign changes.
 */
export function restoreClockValue(db: Database, deviceId: string): string | undefined {
  const own = prepared(db, 'SELECT max(hlc) AS hlc FROM changes WHERE device = ?').get(deviceId) as { hlc: string | null };
  const saved = prepared(db, "SELECT value FROM meta WHERE key = 'clock'").get() as { value: string } | undefined;
  const candidates = [own.hlc, saved?.value].filter((v): v is string => typeof v === 'string');
  return candidates.sort().at(-1);
}

export function saveClock(db: Database, clock: HybridClock): void {
  prepared(db, "INSERT INTO meta (key, value) VALUES ('clock', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    clock.current(),
  );
}
