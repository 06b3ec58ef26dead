import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyInChunks } from '../../../main/core/store/applyInChunks';
import { idleBudgetMs, interactiveBudgetMs, noteDemand, sliceBudgetMs } from '../../../main/core/store/sliceBudget';
import { tempCore } from '../helpers/tempCore';

/** Busy work of about `ms` milliseconds, so slices fill by the clock, as real writes do. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // waiting on purpose
  }
}

describe('applyInChunks', () => {
  it('runs phases in order, sizes the later ones when they begin, and finishes in a transaction of its own', async () => {
    const { db } = await tempCore();
    db.exec('CREATE TABLE chunk_log (phase INTEGER, unit INTEGER)');
    const insert = db.prepare('INSERT INTO chunk_log (phase, unit) VALUES (?, ?)');
    const seen: string[] = [];
    let secondTotalAskedAfter = -1;
    const stats = await applyInChunks(db, {
      phases: [
        { total: 5, applyRange: (from, to) => { for (let i = from; i < to; i++) insert.run(1, i); } },
        {
          total: () => {
            secondTotalAskedAfter = db.prepare('SELECT count(*) FROM chunk_log').pluck().get() as number;
            return 3;
          },
          applyRange: (from, to) => { for (let i = from; i < to; i++) insert.run(2, i); },
        },
      ],
      finish() {
        seen.push(`finish in transaction: ${db.inTransaction}, rows: ${db.prepare('SELECT count(*) FROM chunk_log').pluck().get() as number}`);
      },
    }, { budgetMs: 1_000 });
    expect(db.prepare('SELECT phase, unit FROM chunk_log ORDER BY rowid').raw().all()).toEqual([[1, 0], [1, 1], [1, 2], [1, 3], [1, 4], [2, 0], [2, 1], [2, 2]]);
    expect(secondTotalAskedAfter).toBe(5);
    expect(seen).toEqual(['finish in transaction: true, rows: 8']);
    // Small work fits one slice across both phases, and the finish is a second transaction.
    expect(stats.chunks).toBe(2);
  });

  it('cuts slices at the budget and lets the event loop turn between them', async () => {
    const { db } = await tempCore();
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 0);
    const units: number[] = [];
    const stats = await applyInChunks(db, { total: 60, applyRange: (from, to) => { for (let i = from; i < to; i++) { spin(1); units.push(i); } }, finish: () => undefined }, { budgetMs: 20 });
    clearInterval(ticker);
    expect(units).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(stats.chunks).toBeGreaterThan(3);
    expect(turns).toBeGreaterThan(0);
  });

  it('lets the event loop turn between pieces of work that each fit one slice, run back to back', async () => {
    const { db } = await tempCore();
    const events: string[] = [];
    // From an immediate, as slices run: the next immediate waits for the timers' turn.
    await new Promise<void>((resolve) => setImmediate(resolve));
    setTimeout(() => events.push('a screen is answered'), 0);
    spin(2);
    // A USB stick's bundles, each small enough for one slice, applied one after the other.
    for (const bundle of ['first', 'second', 'third']) {
      await applyInChunks(db, { total: 1, applyRange: () => events.push(bundle), finish: () => undefined }, { budgetMs: 1_000 });
    }
    expect(events).toEqual(['first', 'a screen is answered', 'second', 'third']);
  });

  it("closes each phase's slice inside its transaction, once, and abandons it when the slice fails", async () => {
    const { db } = await tempCore();
    db.exec('CREATE TABLE chunk_log (phase INTEGER, unit INTEGER)');
    const insert = db.prepare('INSERT INTO chunk_log (phase, unit) VALUES (?, ?)');
    const events: string[] = [];
    const rows = () => db.prepare('SELECT count(*) FROM chunk_log').pluck().get() as number;
    const phase = (n: number, total: number, failAt?: number) => ({
      total,
      applyRange: (from: number, to: number) => {
        for (let i = from; i < to; i++) {
          if (i === failAt) throw new Error(`unit ${i} of phase ${n} failed`);
          spin(1);
          insert.run(n, i);
        }
        events.push(`apply ${n}`);
      },
      endSlice: () => events.push(`end ${n} in transaction: ${db.inTransaction}, rows: ${rows()}`),
      abandonSlice: () => events.push(`abandon ${n}`),
    });
    await applyInChunks(db, { phases: [phase(1, 3), phase(2, 2)], finish: () => undefined }, { budgetMs: 1_000 });
    // One slice: phase 1 ends before phase 2 begins, phase 2 before the commit.
    expect(events.filter((e) => e.startsWith('end'))).toEqual(['end 1 in transaction: true, rows: 3', 'end 2 in transaction: true, rows: 5']);

    events.length = 0;
    db.exec('DELETE FROM chunk_log');
    const sliced = await applyInChunks(db, { phases: [phase(1, 40)], finish: () => undefined }, { budgetMs: 8 });
    expect(sliced.chunks).toBeGreaterThan(2);
    // Every slice ends its phase exactly once, however many steps it took.
    expect(events.filter((e) => e.startsWith('end')).length).toBe(sliced.chunks - 1);

    events.length = 0;
    db.exec('DELETE FROM chunk_log');
    await expect(applyInChunks(db, { phases: [phase(1, 3), phase(2, 3, 1)], finish: () => undefined }, { budgetMs: 1_000 })).rejects.toThrow(/unit 1 of phase 2/);
    expect(events).toContain('abandon 2');
    expect(events).not.toContain('abandon 1');
    expect(rows()).toBe(0);
  });

  it('reports progress across phases', async () => {
    const { db } = await tempCore();
    const progress: Array<[number, number]> = [];
    await applyInChunks(db, {
      phases: [
        { total: 4, applyRange: () => spin(2) },
        { total: () => 2, applyRange: () => spin(2) },
      ],
      finish: () => undefined,
    }, { budgetMs: 1, onProgress: (done, total) => progress.push([done, total]) });
    expect(progress.at(-1)).toEqual([6, 6]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
  });
});

describe('what a slice leaves room for', () => {
  it("keeps room for its phase's endSlice, which costs as much again as the units it closes", async () => {
    const { db } = await tempCore();
    const perSlice: number[] = [];
    let inSlice = 0;
    await applyInChunks(db, {
      total: 200,
      applyRange: (from, to) => {
        for (let i = from; i < to; i++) spin(1);
        inSlice += to - from;
      },
      // The search index filled for the slice's notes: as long again as writing them.
      endSlice: () => {
        spin(inSlice);
        perSlice.push(inSlice);
        inSlice = 0;
      },
      finish: () => undefined,
    }, { budgetMs: 40 });
    expect(perSlice.reduce((a, b) => a + b, 0)).toBe(200);
    // 30 ms of a 40 ms slice, at 2 ms a unit: 15 (the first step is 16). Not knowing the end's
    // cost, slices took 30 units, and 60 ms.
    expect(Math.max(...perSlice)).toBeLessThanOrEqual(16);
  });

  it('folds the WAL back into the database between slices, never inside a commit, and leaves the setting as it found it', async () => {
    const { db } = await tempCore();
    db.exec('CREATE TABLE chunk_blobs (body BLOB)');
    const insert = db.prepare('INSERT INTO chunk_blobs (body) VALUES (?)');
    const before = db.pragma('wal_autocheckpoint', { simple: true });
    const settings = new Set<unknown>();
    const fileSizes: number[] = [];
    // 24 MB in 96 units of 256 KB: far below the 64 MB a commit used to fold at.
    await applyInChunks(db, {
      total: 96,
      applyRange: (from, to) => {
        settings.add(db.pragma('wal_autocheckpoint', { simple: true }));
        fileSizes.push(fs.statSync(db.name).size);
        for (let i = from; i < to; i++) {
          insert.run(Buffer.alloc(256 * 1024, i));
          spin(1);
        }
      },
      finish: () => undefined,
    }, { budgetMs: 20 });
    expect([...settings]).toEqual([0]);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(before);
    // The database file grew while the work went on: pages were copied back between slices.
    expect(fileSizes.at(-1) ?? 0).toBeGreaterThan((fileSizes[0] ?? 0) + 8 * 1024 * 1024);
  });
});

describe('when the work reaches the disk', () => {
  it('commits the finish under the connection’s own sync setting, or under NORMAL when the caller syncs later, and restores it either way', async () => {
    const { db } = await tempCore();
    const own = db.pragma('synchronous', { simple: true });
    expect(own).toBe(2); // FULL, as openDatabase sets it
    const seen: Array<{ slice: unknown; finish: unknown }> = [];
    for (const durable of [undefined, true, false]) {
      let slice: unknown;
      let finish: unknown;
      await applyInChunks(
        db,
        { total: 3, applyRange: () => (slice = db.pragma('synchronous', { simple: true })), finish: () => (finish = db.pragma('synchronous', { simple: true })) },
        { budgetMs: 1_000, ...(durable === undefined ? {} : { durable }) },
      );
      seen.push({ slice, finish });
      expect(db.pragma('synchronous', { simple: true })).toBe(own);
    }
    // Slices never sync; the finish does unless told not to (1 is NORMAL, 2 FULL).
    expect(seen).toEqual([{ slice: 1, finish: 2 }, { slice: 1, finish: 2 }, { slice: 1, finish: 1 }]);
    await expect(
      applyInChunks(db, { total: 1, applyRange: () => undefined, finish: () => { throw new Error('finish failed'); } }, { durable: false }),
    ).rejects.toThrow('finish failed');
    expect(db.pragma('synchronous', { simple: true })).toBe(own);
  });
});

describe('work that overlaps', () => {
  it('gives SQLite its checkpoint setting back when the last of two overlapping pieces of work ends', async () => {
    const { db } = await tempCore();
    const before = db.pragma('wal_autocheckpoint', { simple: true });
    // While the long work goes on after the short one ended, SQLite's checkpoints stay off.
    let shortDone = false;
    const seenAfterShort: unknown[] = [];
    // The short work begins first and ends first: the setting it found is not its to give back yet.
    const short = applyInChunks(db, { total: 1, applyRange: () => spin(2), finish: () => undefined }, { budgetMs: 5 });
    const long = applyInChunks(db, {
      total: 200,
      applyRange: () => {
        if (shortDone) seenAfterShort.push(db.pragma('wal_autocheckpoint', { simple: true }));
        spin(2);
      },
      finish: () => undefined,
    }, { budgetMs: 5 });
    await short;
    shortDone = true;
    await long;
    expect(seenAfterShort.length).toBeGreaterThan(0);
    expect(new Set(seenAfterShort)).toEqual(new Set([0]));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(before);
  });
});

describe('the slice budget', () => {
  it('is long while nobody asks, and short while someone asked after the work began', async () => {
    const { db } = await tempCore();
    const since = performance.now();
    expect(sliceBudgetMs(db, since)).toBe(idleBudgetMs);
    noteDemand(db, since - 1);
    expect(sliceBudgetMs(db, since)).toBe(idleBudgetMs); // the request that began the work
    noteDemand(db, since + 10);
    expect(sliceBudgetMs(db, since, since + 20)).toBe(interactiveBudgetMs);
    expect(sliceBudgetMs(db, since, since + 10_000)).toBe(idleBudgetMs); // nobody asked for a while
    expect(interactiveBudgetMs).toBeLessThan(idleBudgetMs);
  });
});
