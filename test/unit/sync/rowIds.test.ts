import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rowId } from '../../../shared/agenda';
import { newRowId, rowIdGenerator, rowIdPrefix } from '../../../shared/rowIds';

describe('row ids', () => {
  it('are valid row ids in the contract', () => {
    for (let i = 0; i < 1000; i++) expect(rowId.safeParse(newRowId()).success).toBe(true);
  });

  it('from one maker share its prefix, never repeat, and only ever increase, within a millisecond too', () => {
    let clock = 1_700_000_000_000;
    const next = rowIdGenerator(() => clock);
    const made: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      if (i % 7 === 0) clock += 1 + (i % 5);
      made.push(next());
    }
    expect(new Set(made).size).toBe(made.length);
    expect(new Set(made.map(rowIdPrefix)).size).toBe(1);
    expect([...made].sort()).toEqual(made);
  });

  it('keep increasing when the clock steps back, and when a millisecond holds more ids than the counter', () => {
    let clock = 1_800_000_000_000;
    const next = rowIdGenerator(() => clock);
    const made = [next(), next()];
    clock -= 60_000; // the laptop's clock set back a minute
    made.push(next(), next());
    clock += 120_000;
    made.push(next());
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);

    const busy = rowIdGenerator(() => 1_800_000_000_000);
    const many = Array.from({ length: 62 ** 3 + 10 }, busy);
    expect(new Set(many).size).toBe(many.length);
    for (let i = 1; i < many.length; i++) if (!((many[i - 1] as string) < (many[i] as string))) throw new Error(`id ${i} does not follow id ${i - 1}`);
  });

  it('keep time order where the time digits carry, and sort the same in SQLite', () => {
    const stamps = [0, 61, 62, 63, 62 ** 2 - 1, 62 ** 2, 62 ** 5 + 7, Date.UTC(2026, 11, 6), Date.UTC(2300, 0, 1)];
    let at = 0;
    const next = rowIdGenerator(() => stamps[at] ?? 0);
    const ids = stamps.map((_, i) => {
      at = i;
      return next();
    });
    expect([...ids].sort()).toEqual(ids);
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY) STRICT');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (const id of [...ids].reverse()) insert.run(id);
    expect(db.prepare('SELECT id FROM t ORDER BY id').pluck().all()).toEqual(ids);
    db.close();
  });

  it('from different makers (windows, workers, laptops) carry different prefixes and never collide', () => {
    const makers = Array.from({ length: 50 }, () => rowIdGenerator(() => 1_800_000_000_000));
    expect(new Set(makers.map((make) => rowIdPrefix(make()))).size).toBe(50);
    const all = makers.flatMap((make) => Array.from({ length: 200 }, make));
    expect(new Set(all).size).toBe(all.length);
  });
});
