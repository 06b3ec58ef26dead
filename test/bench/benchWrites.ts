import fs from 'node:fs';
import path from 'node:path';
import { closeCore, openCore } from '../../main/core/coreContext';
import { writeRow } from '../../main/core/store/changeLog';
import { openDatabase } from '../../main/core/store/openDatabase';
import { foldedSortKey } from '../../main/core/store/participantSortKeys';

export interface WriteFigures {
  rows: number;
  batchedLogRowsPerSecond: number;
  batchedRawRowsPerSecond: number;
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
// The projection also stores the sort keys the change log derives (m008): the raw rows carry them too.
const sortKeyColumns = ['name_key', 'organisation_key'];

function timed(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * Writes the same participant rows through the change log and as plain INSERTs into the same
 * projection table of an identically migrated database, batched in one transaction and one
 * transaction per row (how the UI writes).
 */
export async function benchWrites(dir: string, rows = 10_000, singles = 1_000): Promise<WriteFigures> {
  const ctx = await openCore(path.join(dir, 'log.sqlite'));
  ctx.db.prepare("INSERT INTO forums (id) VALUES ('bench-forum')").run();
  const raw = await openDatabase(path.join(dir, 'raw.sqlite'));
  raw.prepare("INSERT INTO forums (id) VALUES ('bench-forum')").run();
  const insert = raw.prepare(
    `INSERT INTO participants (id, ${[...rawColumns, ...sortKeyColumns].join(', ')}) VALUES (?, ${[...rawColumns, ...sortKeyColumns].map(() => '?').join(', ')})`,
  );
  const rawValues = (i: number) => {
    const p = participant(i);
    return [
      `raw-${i}`,
      ...rawColumns.map((c) => { const v = p[c as keyof typeof p]; return Array.isArray(v) ? JSON.stringify(v) : v; }),
      foldedSortKey(p.name),
      foldedSortKey(p.organisation),
    ];
  };

  const changesBefore = ctx.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const sizeBefore = fs.statSync(ctx.databasePath).size;
  const rawSizeBefore = fs.statSync(path.join(dir, 'raw.sqlite')).size;
  const batchedLog = timed(() => ctx.db.transaction(() => { for (let i = 0; i < rows; i++) writeRow(ctx, 'participants', `p-${i}`, participant(i)); })());
  const batchedRaw = timed(() => raw.transaction(() => { for (let i = 0; i < rows; i++) insert.run(...rawValues(i)); })());
  const changes = (ctx.db.prepare('SELECT count(*) FROM changes').pluck().get() as number) - changesBefore;
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const bytesPerChange = (fs.statSync(ctx.databasePath).size - sizeBefore) / changes;
  const rawBytesPerRow = (fs.statSync(path.join(dir, 'raw.sqlite')).size - rawSizeBefore) / rows;

  const singleLog = timed(() => { for (let i = rows; i < rows + singles; i++) writeRow(ctx, 'participants', `p-${i}`, participant(i)); });
  const singleRaw = timed(() => { for (let i = rows; i < rows + singles; i++) insert.run(...rawValues(i)); });

  closeCore(ctx);
  raw.close();
  return {
    rows,
    batchedLogRowsPerSecond: rows / batchedLog,
    batchedRawRowsPerSecond: rows / batchedRaw,
    singleLogRowsPerSecond: singles / singleLog,
    singleRawRowsPerSecond: singles / singleRaw,
    cellsPerRow: Object.keys(participant(0)).length,
    bytesPer10kChanges: bytesPerChange * 10_000,
    rawBytesPer10kRows: rawBytesPerRow * 10_000,
  };
}


