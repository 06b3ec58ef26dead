import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { applyBundleRun, maxRunChanges, readyRun, type RunItem, type RunOptions } from '../../../main/core/sync/applyBundleRun';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { pendingImports } from '../../../main/core/sync/importJournal';
import { defaultHoldAheadMs } from '../../../main/core/sync/importSession';
import type { BundlePlan } from '../../../main/core/sync/planBundleImport';
import { planBundleSession, type SessionPlanItem } from '../../../main/core/sync/planBundleSession';
import { plansAhead } from '../../../main/core/sync/plansAhead';
import { openReadContext, type ReadContext } from '../../../main/core/workers/readContext';
import { forumTables } from './forumTables';
import { forumInput } from '../../../shared/forum';
import { importBytes } from '../helpers/exchange';
import { tempCore, validForum } from '../helpers/tempCore';

const reads: ReadContext[] = [];
afterEach(() => {
  plansAhead.clear();
  while (reads.length) reads.pop()?.db.close();
});

interface Day {
  base: Uint8Array;
  files: Array<{ name: string; bytes: Uint8Array }>;
  laptops: string[];
}

/**
 * Four laptops' bundles. Each brings notes of its own and an edit of the forum's theme; the
 * second also edits a note of the first, whose bundle it imported, so its bundle changes a row
 * the first's creates.
 */
async function dayOfFour(): Promise<Day> {
  const origin = await tempCore();
  const forumId = createForum(origin, forumInput.parse(validForum)).id;
  const base = exportBundle(origin, { forumId }).bytes;
  const files: Day['files'] = [];
  const laptops: string[] = [];
  for (let l = 0; l < 4; l++) {
    const laptop = await tempCore();
    await importBytes(laptop, base);
    if (l === 1 && files[0]) await importBytes(laptop, files[0].bytes, { trustNewDevice: true });
    laptop.db.transaction(() => {
      for (let n = 0; n < 3; n++) writeRow(laptop, 'notes', `note-${l}-${n}`, { forum_id: forumId, lang: 'en', text: `Laptop ${l}, note ${n}`, deleted: 0 });
      writeRow(laptop, 'forums', forumId, { theme: { en: `Theme from laptop ${l}` } });
      if (l === 1) writeRow(laptop, 'notes', 'note-0-0', { text: 'Laptop 0, note 0, as laptop 1 corrected it' });
    })();
    files.push({ name: `laptop-${l}.plenary`, bytes: exportBundle(laptop, { forumId }).bytes });
    laptops.push(laptop.deviceId);
  }
  return { base, files, laptops };
}

/** A secretariat holding the forum, and its bundles planned in process as the worker plans them. */
async function planned(day: Day): Promise<{ ctx: CoreContext; items: SessionPlanItem[]; run: RunItem[] }> {
  const ctx = await tempCore();
  await importBytes(ctx, day.base);
  const read = openReadContext(ctx.databasePath);
  reads.push(read);
  const items: SessionPlanItem[] = [];
  const consent = { trust: true, confirmMassChanges: false };
  planBundleSession(read, { files: day.files, now: Date.now(), holdAheadMs: defaultHoldAheadMs, applyHeld: false, consent }, () => undefined, (item) => items.push(item));
  const run = items.map((item, index) => {
    if (!('plan' in item)) throw new Error(`bundle ${index} was not planned: ${JSON.stringify(item)}`);
    return { index, name: day.files[index]?.name ?? '', plan: item.plan };
  });
  return { ctx, items, run };
}

const options = (count: number): RunOptions => ({ now: Date.now(), since: performance.now(), durableAt: (index) => index === count - 1 });

/** What the laptops must agree on, and what the import keeps besides: the log, signers and blocks. */
function state(ctx: CoreContext) {
  return {
    tables: forumTables(ctx),
    log: ctx.db.prepare('SELECT device, hlc, tbl, row_id, cells, parents FROM changes ORDER BY device, hlc').all(),
    devices: ctx.db.prepare('SELECT device_id, public_key FROM known_devices ORDER BY device_id').all(),
    blocks: ctx.db.prepare('SELECT device, first_hlc, last_hlc, digest FROM change_blocks ORDER BY device, first_hlc').all(),
  };
}

describe('bundles applied together (a run)', () => {
  it('end where the same bundles applied one after another do, in fewer transactions', async () => {
    const day = await dayOfFour();
    const together = await planned(day);
    const result = await applyBundleRun(together.ctx, together.run, options(4));
    expect(result.outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
    expect(result.runs).toBe(1);

    const apart = await planned(day);
    let transactions = 0;
    for (const item of apart.run) transactions += (await applyBundleRun(apart.ctx, [item], options(4))).transactions;
    expect(result.transactions).toBeLessThan(transactions);
    expect(state(together.ctx)).toEqual(state(apart.ctx));
    expect(pendingImports(together.ctx.db)).toEqual([]);
    // The second laptop's correction of the first's note, made in one run with its creation.
    const text = together.ctx.db.prepare("SELECT text FROM notes WHERE id = 'note-0-0'").pluck().get();
    expect(text).toBe('Laptop 0, note 0, as laptop 1 corrected it');
  });

  it('that fails is undone and applied bundle by bundle: the one that fails is named, the others go in', async () => {
    const day = await dayOfFour();
    const { ctx, run } = await planned(day);
    ctx.db.exec(`CREATE TEMP TRIGGER refuse AFTER INSERT ON notes WHEN new.text = 'Laptop 3, note 1' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const progress: Array<[number, number, number, number]> = [];
    const result = await applyBundleRun(ctx, run, { ...options(4), onProgress: (index, share, done, total) => progress.push([index, share, done, total]) });
    expect(result.outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'refused']);
    const refused = result.outcomes[3];
    expect(refused?.status === 'refused' && refused.error).toMatchObject({ code: 'bundle_rejected', message: expect.stringContaining('was undone') });
    // Once together, then each of the four alone.
    expect(result.runs).toBe(5);
    expect(pendingImports(ctx.db)).toEqual([]);
    expect(ctx.db.prepare('SELECT count(*) FROM changes WHERE device = ?').pluck().get(day.laptops[3])).toBe(0);
    expect(progress.every(([index, share, done, total]) => index >= 0 && index < 4 && share >= 0 && share <= 1 && done <= total)).toBe(true);

    // Exactly what the three good bundles make on their own.
    const good = await planned({ ...day, files: day.files.slice(0, 3) });
    await applyBundleRun(good.ctx, good.run, options(3));
    ctx.db.exec('DROP TRIGGER temp.refuse');
    expect(forumTables(ctx)).toEqual(forumTables(good.ctx));
  });
});

describe('the run a session applies next', () => {
  it('takes the plans that arrived after the first, in order, up to one missing, refused or holding changes back', async () => {
    const day = await dayOfFour();
    const { items } = await planned(day);
    const plans = items.map((item) => (item as { plan: BundlePlan }).plan);
    const [a, b, c, d] = plans as [BundlePlan, BundlePlan, BundlePlan, BundlePlan];
    expect(readyRun(a, items, 0, 4)).toEqual([a, b, c, d]);
    expect(readyRun(b, items, 1, 3)).toEqual([b, c]);
    expect(readyRun(a, [items[0], items[1], undefined, items[3]], 0, 4)).toEqual([a, b]);
    const failed: SessionPlanItem = { index: 1, error: { code: 'bundle_rejected', message: 'damaged' } };
    expect(readyRun(a, [items[0], failed, items[2], items[3]], 0, 4)).toEqual([a]);

    // Changes held back (or taken back) are decided bundle by bundle: such a plan goes alone.
    const holding: BundlePlan = { ...c, held: [{ count: 1, items: [] }] };
    expect(readyRun(a, [items[0], items[1], { index: 2, plan: holding }, items[3]], 0, 4)).toEqual([a, b]);
    expect(readyRun(holding, [items[0], items[1], { index: 2, plan: holding }, items[3]], 2, 4)).toEqual([holding]);
    const releasing: BundlePlan = { ...a, releasesHeld: true };
    expect(readyRun(releasing, items, 0, 4)).toEqual([releasing]);

    // A run holds at most maxRunChanges changes, but a bundle larger than that still goes in alone.
    const large = (plan: BundlePlan): BundlePlan => ({ ...plan, changes: { ...plan.changes, count: Math.ceil(maxRunChanges / 2) } });
    const big = plans.map((plan, index): SessionPlanItem => ({ index, plan: large(plan) }));
    expect(readyRun(large(a), big, 0, 4)).toHaveLength(2);
    const huge: BundlePlan = { ...a, changes: { ...a.changes, count: maxRunChanges * 3 } };
    expect(readyRun(huge, items, 0, 4)).toEqual([huge]);
  });
});
