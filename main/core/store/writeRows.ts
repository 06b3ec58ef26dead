import { CoreError } from '../errors';
import { applyWrite, checkedCells, type RowValues, type WriteOptions, type Writer } from './changeLog';
import { searchIndexes, withSearchDeferred } from './searchIndexes';
import type { SyncedTable } from './syncedTables';

export interface RowWrite {
  rowId: string;
  values: RowValues;
}

const badRow = (index: number, total: number, rowId: unknown, why: string) =>
  new CoreError('invalid_input', `Row ${index + 1} of ${total}${typeof rowId === 'string' ? ` (${rowId})` : ''}: ${why}`);

/**
 * Many writes to one table, logged and projected exactly as writeRow would write them one after
 * another (a clock reading each, in order), for imports of thousands of rows. Every row is
 * checked (columns, languages, the kind of each value) before the first is written, and all of
 * them go in one transaction (a savepoint inside the caller's), so a bad row leaves the data as
 * it was. Rows new to the table skip their search trigger and are indexed in one statement at
 * the end, which costs a tenth of indexing them one by one. Answers how many rows had something
 * to write. Inside a caller's withSearchDeferred, that deferral indexes the new rows; a batch
 * there must not write one row twice.
 */
export function writeRows(writer: Writer, table: SyncedTable, rows: readonly RowWrite[], options: WriteOptions = {}): number {
  const writes: Array<RowWrite & { cells: Record<string, unknown> }> = [];
  const seen = new Set<string>();
  let repeated = false;
  rows.forEach(({ rowId, values }, index) => {
    if (typeof rowId !== 'string' || rowId === '') throw badRow(index, rows.length, rowId, 'a row needs an id');
    let cells: Record<string, unknown> | undefined;
    try {
      // Rows from a file are checked for the kind of each value too, which callers of writeRow
      // have done already (their input is parsed): a list where a name belongs stops the batch.
      cells = checkedCells(table, values, true);
    } catch (error) {
      throw error instanceof CoreError ? badRow(index, rows.length, rowId, error.message) : error;
    }
    if (!cells) return;
    writes.push({ rowId, values, cells });
    if (seen.has(rowId)) repeated = true;
    seen.add(rowId);
  });
  if (writes.length === 0) return 0;
  const db = writer.db;
  const writeAll = () => {
    writes.forEach(({ rowId, values, cells }, index) => {
      try {
        applyWrite(writer, table, rowId, values, cells, options);
      } catch (error) {
        // A check that needs the database (a new row without its forum): the transaction undoes the rest.
        throw error instanceof CoreError ? badRow(index, writes.length, rowId, error.message) : error;
      }
    });
  };
  db.transaction(() => {
    // A row written twice would reach its search trigger for an update before the deferred
    // insert indexed it; such a batch (rare) keeps the triggers.
    if (repeated || !Object.prototype.hasOwnProperty.call(searchIndexes, table)) {
      writeAll();
      return;
    }
    // New rows get rowids above every existing one (SQLite picks max + 1 while it can), so the
    // rows this batch added are read back by range instead of tracked one by one.
    const before = (db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0;
    withSearchDeferred(db, (added) => {
      writeAll();
      for (const rowid of db.prepare(`SELECT rowid FROM ${table} WHERE rowid > ?`).pluck().iterate(before) as Iterable<number>) added(table, rowid);
    });
  })();
  return writes.length;
}
