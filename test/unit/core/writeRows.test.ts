import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../main/core/coreContext';
import { CoreError } from '../../../main/core/errors';
import { writeRow, type RowValues } from '../../../main/core/store/changeLog';
import type { SyncedTable } from '../../../main/core/store/syncedTables';
import { writeRows, type RowWrite } from '../../../main/core/store/writeRows';
import { snapshot, tempCore } from '../helpers/tempCore';

/** Every laptop's clock stands still, so the two databases stamp their writes alike. */
const stoppedClock = () => 1_767_225_600_000;

async function laptop(): Promise<CoreContext> {
  const ctx = await tempCore({ wallClock: stoppedClock });
  writeRow(ctx, 'forums', 'forum-1', { title: { en: 'Forum' }, languages: ['en', 'fr'], deleted: 0 });
  return ctx;
}

const person = (i: number): RowValues => ({
  forum_id: 'forum-1',
  name: i % 7 === 0 ? `Zoë Ørsted ${i}` : `Participant ${i}`,
  organisation: i % 5 === 0 ? null : `Organisation ${i % 13}`,
  org_type: 'academia',
  country: ['CN', 'MX', 'KE', 'FR', ''][i % 5],
  gender: i % 2 ? 'female' : 'male',
  roles: ['participant'],
  email: `p${i}@example.org`,
  deleted: 0,
});

interface Batch {
  table: SyncedTable;
  rows: RowWrite[];
}

/** What a laptop holds: the log and the projections, its own device id (random) named alike. */
function contents(ctx: CoreContext) {
  const anyLaptop = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(ctx.deviceId, 'this-laptop')) as T;
  const db = ctx.db;
  const rows = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  const search = (table: string, text: string) =>
    db.prepare(`SELECT t.id FROM ${table}_search s JOIN ${table} t ON t.rowid = s.rowid WHERE ${table}_search MATCH ? ORDER BY t.id`).pluck().all(text);
  return {
    log: anyLaptop(db.prepare('SELECT seq, device, hlc, tbl, row_id, forum_id, cells, parents FROM changes ORDER BY seq').all()),
    participants: rows('participants'),
    sessions: rows('sessions'),
    notes: rows('notes'),
    search: [search('participants', 'Participant'), search('participants', 'orsted'), search('participants', 'Renamed'), search('sessions', 'Plenary'), search('notes', 'edited')],
  };
}

function integrity(ctx: CoreContext): void {
  for (const table of ['participants', 'sessions', 'notes']) ctx.db.prepare(`INSERT INTO ${table}_search (${table}_search) VALUES ('integrity-check')`).run();
}

/** The same batches on two laptops: one row at a time through writeRow, and through writeRows. */
async function bothWays(batches: (ctx: CoreContext) => Batch[]) {
  const [single, batched] = [await laptop(), await laptop()];
  for (const batch of batches(single)) for (const row of batch.rows) writeRow(single, batch.table, row.rowId, row.values);
  for (const batch of batches(batched)) writeRows(batched, batch.table, batch.rows);
  integrity(single);
  integrity(batched);
  return { single: contents(single), batched: contents(batched) };
}

describe('writeRows', () => {
  it('logs and projects exactly what writeRow does row by row: new rows, updates, languages, prose, search', async () => {
    const { single, batched } = await bothWays(() => [
      { table: 'participants', rows: Array.from({ length: 300 }, (_, i) => ({ rowId: `p-${i}`, values: person(i) })) },
      {
        table: 'sessions',
        rows: [
          { rowId: 's-1', values: { forum_id: 'forum-1', day: '2026-03-02', title: { en: 'Plenary', fr: 'Plénière' }, room: { en: 'Hall A' }, themes: ['land'], deleted: 0 } },
          { rowId: 's-2', values: { forum_id: 'forum-1', day: '2026-03-03', title: { en: 'Plenary two' }, deleted: 0 } },
        ],
      },
      { table: 'notes', rows: Array.from({ length: 20 }, (_, i) => ({ rowId: `n-${i}`, values: { forum_id: 'forum-1', session_id: 's-1', lang: 'en', text: `note ${i}`, tags: [], deleted: 0 } })) },
      // Updates of rows written before: a renamed person, a removed translation, prose edits.
      {
        table: 'participants',
        rows: [
          { rowId: 'p-3', values: { name: 'Renamed Person', email: null } },
          { rowId: 'p-4', values: { checked_in_at: '2026-03-02T08:00:00.000Z', deleted: true } },
          { rowId: 'p-new', values: { ...person(1000), name: 'Renamed too' } },
        ],
      },
      { table: 'sessions', rows: [{ rowId: 's-1', values: { title: { fr: '', en: 'Plenary, opening' } } }] },
      { table: 'notes', rows: Array.from({ length: 20 }, (_, i) => ({ rowId: `n-${i}`, values: { text: `note ${i} edited`, key_point: i % 2 } })) },
    ]);
    expect(batched.participants).toHaveLength(301);
    expect(batched.search[2]).toEqual(['p-3', 'p-new']);
    expect(batched.log.some((c) => (c as { parents: string | null }).parents !== null)).toBe(true);
    expect(batched).toEqual(single);
  });

  it('writes a row given twice in one batch as two changes, the second winning, as row by row', async () => {
    const { single, batched } = await bothWays(() => [
      {
        table: 'participants',
        rows: [
          { rowId: 'p-1', values: person(1) },
          { rowId: 'p-2', values: person(2) },
          { rowId: 'p-1', values: { name: 'Renamed Twice' } },
          { rowId: 'p-1', values: { name: 'Renamed Thrice', organisation: 'Elsewhere' } },
        ],
      },
    ]);
    expect(batched.log.filter((c) => (c as { row_id: string }).row_id === 'p-1')).toHaveLength(3);
    expect(batched.search[2]).toEqual(['p-1']);
    expect(batched).toEqual(single);
  });

  it('inside the caller’s transaction, indexes the new rows before the caller commits', async () => {
    const ctx = await laptop();
    ctx.db.transaction(() => {
      writeRows(ctx, 'participants', [{ rowId: 'p-1', values: person(1) }]);
      expect(ctx.db.prepare("SELECT count(*) FROM participants_search WHERE participants_search MATCH 'Participant'").pluck().get()).toBe(1);
      expect(ctx.db.prepare('SELECT count(*) FROM search_deferred').pluck().get()).toBe(0);
    })();
    integrity(ctx);
  });

  it('answers how many rows had something to write, and writes nothing for rows without cells', async () => {
    const ctx = await laptop();
    const before = snapshot(ctx);
    expect(writeRows(ctx, 'participants', [])).toBe(0);
    expect(writeRows(ctx, 'participants', [{ rowId: 'p-1', values: { name: undefined } }])).toBe(0);
    expect(snapshot(ctx)).toBe(before);
    expect(writeRows(ctx, 'participants', [{ rowId: 'p-1', values: person(1) }, { rowId: 'p-2', values: {} }])).toBe(1);
  });
});

describe('writeRows refuses a bad row among 10,000 and writes none of them', () => {
  const cases: Array<[string, SyncedTable, RowValues, RegExp]> = [
    ['an unknown column', 'participants', { ...person(4999), nickname: 'Ana' }, /Row 5000 of 10000 \(row-4999\): .*no column participants\.nickname/],
    ['a bad language tag', 'sessions', { forum_id: 'forum-1', title: { 'en"); DROP TABLE sessions; --': 'x' } }, /Row 5000 of 10000 \(row-4999\): .*no column sessions\.title@/],
    ['a text where a number belongs', 'participants', { ...person(4999), deleted: 'yes' }, /Row 5000 of 10000 \(row-4999\): participants\.deleted takes a whole number/],
    ['a number where a text belongs', 'participants', { ...person(4999), name: 42 }, /Row 5000 of 10000 \(row-4999\): participants\.name takes a text/],
    ['an object where a list belongs', 'participants', { ...person(4999), roles: 'speaker' }, /participants\.roles takes a list/],
    ['a new row without its forum', 'participants', { name: 'Nobody' }, /Row 5000 of 10000 \(row-4999\): A new participants row needs its forum_id/],
  ];
  for (const [what, table, bad, message] of cases) {
    it(`with ${what} in row 5,000`, async () => {
      const ctx = await laptop();
      writeRow(ctx, table, 'existing', table === 'sessions' ? { forum_id: 'forum-1', title: { en: 'Plenary' } } : person(0));
      const good = (i: number): RowValues => (table === 'sessions' ? { forum_id: 'forum-1', title: { en: `Session ${i}` } } : person(i));
      const rows = Array.from({ length: 10_000 }, (_, i) => ({ rowId: `row-${i}`, values: i === 4999 ? bad : good(i) }));
      const before = snapshot(ctx);
      const searchBefore = contents(ctx).search;
      let thrown: unknown;
      try {
        writeRows(ctx, table, rows);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CoreError);
      expect((thrown as CoreError).code).toBe('invalid_input');
      expect((thrown as CoreError).message).toMatch(message);
      expect(snapshot(ctx)).toBe(before);
      expect(contents(ctx).search).toEqual(searchBefore);
      expect(ctx.db.prepare('SELECT count(*) FROM search_deferred').pluck().get()).toBe(0);
      integrity(ctx);
      // Inside a caller's transaction, the batch alone is undone and the caller may go on.
      ctx.db.transaction(() => {
        writeRow(ctx, 'participants', 'kept', person(1));
        expect(() => writeRows(ctx, table, rows)).toThrow(message);
      })();
      expect(ctx.db.prepare("SELECT count(*) FROM participants WHERE id = 'kept'").pluck().get()).toBe(1);
      expect(ctx.db.prepare("SELECT count(*) FROM changes WHERE row_id LIKE 'row-%'").pluck().get()).toBe(0);
    });
  }
});
