import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { writeRow, type Writer } from '../../main/core/store/changeLog';
import { openDatabase } from '../../main/core/store/openDatabase';
import { foldedSortKey } from '../../main/core/store/participantSortKeys';
import { writeRows } from '../../main/core/store/writeRows';
import { HybridClock } from '../../main/core/sync/hybridClock';
import { rowIdGenerator } from '../../shared/rowIds';

export interface WriteFigures {
  rows: number;
  /** How many times each batch figure was measured, on fresh databases; medians are reported. */
  repeats: number;
  /** writeRows: the batch path (log, projection, search index filled at the end). */
  batchRowsPerSecond: number;
  /** writeRow called row by row inside one transaction (the search trigger per row). */
  rowByRowRowsPerSecond: number;
  /** Plain INSERTs into the same participants table (its indexes and search trigger). */
  indexedRawRowsPerSecond: number;
  /** Plain INSERTs into a table with the same columns and no index, key or trigger. */
  plainRawRowsPerSecond: number;
  /** Medians of the ratios taken within each repeat (the machine's load moves both alike). */
  batchToIndexedRatio: number;
  batchToPlainRatio: number;
  /**
   * The least a logged write can cost: per row, one raw INSERT into the change log (its clock
   * reading and the cells JSON writeRows stores) and one into the plain table, in one transaction.
   */
  floorRowsPerSecond: number;
  /** Median of its ratios to the plain table within each repeat: what the batch path could reach at best. */
  floorToPlainRatio: number;
  singleLogRowsPerSecond: number;
  singleRawRowsPerSecond: number;
  cellsPerRow: number;
  rawBytesPer10kRows: number;
  bytesPer10kChanges: number;
}

function participant(i: number) {
  return {
    forum_id: 'bench-forum',
    name: `Participant ${i}`,
    organisation: `Organisation ${i % 300}`,
    org_type: 'academia',
    country: ['CN', 'MX', 'KE', 'FR', 'BR'][i % 5] ?? 'CN',
    gender: i % 2 ? 'female' : 'male',
    roles: ['participant'],
    email: `p${i}@example.org`,
    deleted: 0,
  };
}

const rawColumns = Object.keys(participant(0));
// The projection also stores the sort keys the change log derives (m011): the raw rows carry them too.
const insertedColumns = ['id', ...rawColumns, 'name_key', 'organisation_key'];

const rawValues = (prefix: string, i: number, id: string) => {
  const p = participant(i);
  return [
    `${prefix}${id}`,
    ...rawColumns.map((c) => {
      const v = p[c as keyof typeof p];
      return Array.isArray(v) ? JSON.stringify(v) : v;
    }),
    foldedSortKey(p.name),
    foldedSortKey(p.organisation),
  ];
};

function timed(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

async function freshDatabase(file: string): Promise<Database> {
  const db = await openDatabase(file);
  db.prepare("INSERT INTO forums (id) VALUES ('bench-forum')").run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

/** The participants table's columns and their types, without its key, indexes or triggers. */
function createPlainTable(db: Database): void {
  const columns = db.prepare("SELECT name, type FROM pragma_table_info('participants') ORDER BY cid").all() as Array<{ name: string; type: string }>;
  db.exec(`CREATE TABLE plain_participants (${columns.map((c) => `${c.name} ${c.type}`).join(', ')}) STRICT`);
}

/** A participant's change as the log holds it, without the projection. */
const logRow = (clock: HybridClock, i: number, id: string) => ['bench-laptop', clock.now(), 'participants', id, 'bench-forum', JSON.stringify(participant(i)), null];

const logColumns = ['device', 'hlc', 'tbl', 'row_id', 'forum_id', 'cells', 'parents'];

const insertInto = (db: Database, table: string) =>
  db.prepare(`INSERT INTO ${table} (${insertedColumns.join(', ')}) VALUES (${insertedColumns.map(() => '?').join(', ')})`);

/**
 * Writes the same participant rows five ways, each into a freshly migrated database, `repeats`
 * times in turn: through writeRows (the batch path), through writeRow row by row in one
 * transaction, as raw INSERTs into the same indexed table and into a plain one, and as the least
 * a logged write must do (a raw log row and a raw row in the plain table). Then the
 * cost of writes one transaction each (how the UI writes), and how much the file grows.
 */
export async function benchWrites(dir: string, rows = 10_000, singles = 1_000, repeats = 5): Promise<WriteFigures> {
  const batch: number[] = [];
  const rowByRow: number[] = [];
  const indexed: number[] = [];
  const plain: number[] = [];
  const floor: number[] = [];
  let bytesPerChange = NaN;
  let rawBytesPerRow = NaN;
  // The ids the app gives new rows (shared/rowIds.ts), the same for every way of writing them.
  const ids = Array.from({ length: rows + singles }, rowIdGenerator());
  const idOf = (i: number) => ids[i] ?? '';
  for (let r = 0; r < repeats; r++) {
    const file = (name: string) => path.join(dir, `writes-${r}-${name}.sqlite`);
    const logDb = await freshDatabase(file('batch'));
    const writer: Writer = { db: logDb, deviceId: 'bench-laptop', clock: new HybridClock() };
    const sizeBefore = fs.statSync(file('batch')).size;
    batch.push(rows / timed(() => writeRows(writer, 'participants', Array.from({ length: rows }, (_, i) => ({ rowId: idOf(i), values: participant(i) })))));
    if (r === 0) {
      logDb.pragma('wal_checkpoint(TRUNCATE)');
      bytesPerChange = (fs.statSync(file('batch')).size - sizeBefore) / rows;
    }
    // What the floor writes must be what the batch path logged, clock reading aside.
    const logged = logDb.prepare(`SELECT ${logColumns.join(', ')} FROM changes WHERE tbl = 'participants' AND row_id = ?`).raw();
    for (const i of [0, rows - 1]) {
      const [stored, floored] = [logged.get(idOf(i)) as unknown[], logRow(new HybridClock(), i, idOf(i))].map((row) => JSON.stringify([...row.slice(0, 1), ...row.slice(2)]));
      if (stored !== floored) throw new Error(`The write floor's log row differs from writeRows's: ${floored} against ${String(stored)}`);
    }
    logDb.close();

    const singleDb = await freshDatabase(file('row-by-row'));
    const singleWriter: Writer = { db: singleDb, deviceId: 'bench-laptop', clock: new HybridClock() };
    rowByRow.push(rows / timed(() => singleDb.transaction(() => { for (let i = 0; i < rows; i++) writeRow(singleWriter, 'participants', idOf(i), participant(i)); })()));
    singleDb.close();

    const rawDb = await freshDatabase(file('raw'));
    createPlainTable(rawDb);
    rawDb.pragma('wal_checkpoint(TRUNCATE)');
    const rawSizeBefore = fs.statSync(file('raw')).size;
    const intoIndexed = insertInto(rawDb, 'participants');
    indexed.push(rows / timed(() => rawDb.transaction(() => { for (let i = 0; i < rows; i++) intoIndexed.run(...rawValues('raw', i, idOf(i))); })()));
    if (r === 0) {
      rawDb.pragma('wal_checkpoint(TRUNCATE)');
      rawBytesPerRow = (fs.statSync(file('raw')).size - rawSizeBefore) / rows;
    }
    const intoPlain = insertInto(rawDb, 'plain_participants');
    plain.push(rows / timed(() => rawDb.transaction(() => { for (let i = 0; i < rows; i++) intoPlain.run(...rawValues('plain', i, idOf(i))); })()));
    rawDb.close();

    const floorDb = await freshDatabase(file('floor'));
    createPlainTable(floorDb);
    floorDb.pragma('wal_checkpoint(TRUNCATE)');
    const intoLog = floorDb.prepare(`INSERT INTO changes (${logColumns.join(', ')}) VALUES (${logColumns.map(() => '?').join(', ')})`);
    const intoFloorPlain = insertInto(floorDb, 'plain_participants');
    const clock = new HybridClock();
    floor.push(
      rows /
        timed(() =>
          floorDb.transaction(() => {
            for (let i = 0; i < rows; i++) {
              intoLog.run(logRow(clock, i, idOf(i)));
              intoFloorPlain.run(...rawValues('', i, idOf(i)));
            }
          })(),
        ),
    );
    floorDb.close();
  }

  // One transaction per row, after the batches, into the last repeat's databases.
  const logDb = await openDatabase(path.join(dir, `writes-${repeats - 1}-batch.sqlite`));
  const writer: Writer = { db: logDb, deviceId: 'bench-laptop', clock: new HybridClock() };
  const singleLog = timed(() => { for (let i = rows; i < rows + singles; i++) writeRow(writer, 'participants', idOf(i), participant(i)); });
  logDb.close();
  const rawDb = await openDatabase(path.join(dir, `writes-${repeats - 1}-raw.sqlite`));
  const intoIndexed = insertInto(rawDb, 'participants');
  const singleRaw = timed(() => { for (let i = rows; i < rows + singles; i++) intoIndexed.run(...rawValues('raw', i, idOf(i))); });
  rawDb.close();

  return {
    rows,
    repeats,
    batchRowsPerSecond: median(batch),
    rowByRowRowsPerSecond: median(rowByRow),
    indexedRawRowsPerSecond: median(indexed),
    plainRawRowsPerSecond: median(plain),
    batchToIndexedRatio: median(batch.map((b, i) => b / (indexed[i] ?? NaN))),
    batchToPlainRatio: median(batch.map((b, i) => b / (plain[i] ?? NaN))),
    floorRowsPerSecond: median(floor),
    floorToPlainRatio: median(floor.map((f, i) => f / (plain[i] ?? NaN))),
    singleLogRowsPerSecond: singles / singleLog,
    singleRawRowsPerSecond: singles / singleRaw,
    cellsPerRow: rawColumns.length,
    bytesPer10kChanges: bytesPerChange * 10_000,
    rawBytesPer10kRows: rawBytesPerRow * 10_000,
  };
}
