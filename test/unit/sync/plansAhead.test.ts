import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { defaultHoldAheadMs } from '../../../main/core/sync/importSession';
import { planBundleSession, type SessionPlanInput, type SessionPlanItem } from '../../../main/core/sync/planBundleSession';
import { plansAhead } from '../../../main/core/sync/plansAhead';
import { openReadContext, type ReadContext } from '../../../main/core/workers/readContext';
import type { JobProgress } from '../../../main/core/workers/workerJobs';
import { forumInput } from '../../../shared/forum';
import { importBytes } from '../helpers/exchange';
import { tempCore, validForum } from '../helpers/tempCore';
import { forumTables } from './forumTables';

const day = 24 * 60 * 60 * 1000;

interface Stick {
  secretariat: CoreContext;
  /** A read-only connection of its own to the secretariat's database, as the worker has. */
  read: ReadContext;
  files: SessionPlanInput['files'];
  laptops: string[];
  /** The forum as the secretariat had it before the stick. */
  base: Uint8Array;
}

/** The secretariat has the forum; `count` laptops bring a few notes each (one with its clock `aheadMs` ahead). */
async function stick(count: number, aheadMs = 0): Promise<Stick> {
  const origin = await tempCore();
  const forumId = createForum(origin, forumInput.parse(validForum)).id;
  const base = exportBundle(origin, { forumId }).bytes;
  const secretariat = await tempCore();
  await importBytes(secretariat, base);
  const files: Stick['files'] = [];
  const laptops: string[] = [];
  for (let l = 0; l < count; l++) {
    const laptop = await tempCore(l === count - 1 && aheadMs ? { wallClock: () => Date.now() + aheadMs } : {});
    await importBytes(laptop, base);
    laptop.db.transaction(() => {
      for (let n = 0; n < 3; n++) writeRow(laptop, 'notes', `note-${l}-${n}`, { forum_id: forumId, lang: 'en', text: `Laptop ${l}, note ${n}`, deleted: 0 });
    })();
    files.push({ name: `laptop-${l}.plenary`, bytes: exportBundle(laptop, { forumId, forPeer: secretariat.deviceId }).bytes });
    laptops.push(laptop.deviceId);
  }
  const read = openReadContext(secretariat.databasePath);
  reads.push(read);
  return { secretariat, read, files, laptops, base };
}

const reads: ReadContext[] = [];
afterEach(() => {
  plansAhead.clear();
  while (reads.length) reads.pop()?.db.close();
});

/** Plans the session in process, as the worker's job does: what it hands over, and what it reported. */
function plan(s: Stick, consent?: SessionPlanInput['consent']): { items: SessionPlanItem[]; planning: JobProgress[] } {
  const items: SessionPlanItem[] = [];
  const planning: JobProgress[] = [];
  const input: SessionPlanInput = { files: s.files, now: Date.now(), holdAheadMs: defaultHoldAheadMs, applyHeld: false, ...(consent ? { consent } : {}) };
  planBundleSession(s.read, input, (p) => planning.push(p), (item) => items.push(item));
  return { items, planning: planning.filter((p) => p.phase === 'plan') };
}

const yes = { trust: true, confirmMassChanges: false };
/** Which bundles (by index) were planned by this call, as its progress says. */
const plannedHere = (planning: JobProgress[]) => [...new Set(planning.map((p) => p.item))];

describe('the plans an import needs, made while its preview is read', () => {
  it('are taken by the import that follows: the same plans, none made again', async () => {
    const s = await stick(3);
    plan(s);
    await plansAhead.runScheduled(() => false);
    const taken = plan(s, yes);
    expect(plannedHere(taken.planning)).toEqual([]);
    expect(taken.items.map((item) => ('plan' in item ? item.plan.preview.changes.new : item.error.code))).toEqual([3, 3, 3]);
    // Planned afresh (nothing kept now), the same plans.
    const fresh = plan(s, yes);
    expect(plannedHere(fresh.planning)).toEqual([0, 1, 2]);
    expect(taken.items).toEqual(fresh.items);
  });

  it('are let go when the database changed in between: the import plans against it as it is', async () => {
    const s = await stick(2);
    plan(s);
    await plansAhead.runScheduled(() => false);
    // A note typed on the secretariat's laptop while its user read the preview.
    const forumId = s.secretariat.db.prepare('SELECT id FROM forums').pluck().get() as string;
    s.secretariat.db.transaction(() => writeRow(s.secretariat, 'notes', 'typed-meanwhile', { forum_id: forumId, lang: 'en', text: 'Typed meanwhile', deleted: 0 }))();
    const after = plan(s, yes);
    expect(plannedHere(after.planning)).toEqual([0, 1]);
  });

  it('are not used when the import trusts less than they assumed: a laptop not trusted is refused as always', async () => {
    const s = await stick(2);
    plan(s);
    await plansAhead.runScheduled(() => false);
    const [first, second] = s.laptops;
    const refused = plan(s, { trust: [first ?? ''], confirmMassChanges: false });
    expect(plannedHere(refused.planning)).toEqual([0, 1]);
    expect(refused.items.map((item) => ('plan' in item ? 'planned' : item.error.code))).toEqual(['planned', 'bundle_rejected']);
    expect(refused.items[1] && 'error' in refused.items[1] ? refused.items[1].error.message : '').toMatch(/first bundle/);
    expect(second).toBeDefined();
  });

  it('stop when a job comes, keep what they made, and the import plans the rest from there', async () => {
    const s = await stick(3);
    // How often the plans ahead ask whether a job waits, for the whole stick: per bundle, a third.
    plan(s);
    let asked = 0;
    await plansAhead.runScheduled(() => (asked += 1) < 0);
    const perBundle = asked / 3;
    plansAhead.clear();
    plan(s);
    // The click comes while the second bundle is being planned.
    asked = 0;
    await plansAhead.runScheduled(() => (asked += 1) > perBundle + 2);
    const taken = plan(s, yes);
    expect(plannedHere(taken.planning)).toEqual([1, 2]);
    plansAhead.clear();
    expect(taken.items).toEqual(plan(s, yes).items);
  });

  it('are not kept for a bundle with a clock far ahead: what is held back is decided at the import’s own time', async () => {
    const s = await stick(2, 3 * day);
    const preview = plan(s);
    expect(preview.items.map((item) => ('plan' in item ? item.plan.preview.held.changes : -1))).toEqual([0, 3]);
    await plansAhead.runScheduled(() => false);
    expect(plannedHere(plan(s, yes).planning)).toEqual([0, 1]);
  });
});

describe('an import clicked after its preview, through the worker as the app runs it', () => {
  it('brings the same forum whether it took the plans made ahead or not', async () => {
    const s = await stick(3);
    const files = s.files.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));
    await invoke(s.secretariat, 'bundles:preview', { files });
    // The user reads the preview; the worker plans meanwhile (a job sent now would stop it).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const result = await invoke(s.secretariat, 'bundles:import', { files, trust: true });
    expect(result.bundles.map((b) => b.status)).toEqual(['imported', 'imported', 'imported']);

    const oneByOne = await tempCore();
    await importBytes(oneByOne, s.base);
    for (const file of s.files) await importBytes(oneByOne, file.bytes, { trustNewDevice: true });
    expect(forumTables(s.secretariat)).toEqual(forumTables(oneByOne));
  });
});
