import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { actOnSpeaker, addSpeaker, nextSpeaker } from '../../../main/core/store/speakerQueue';
import { readSpeakerList } from '../../../main/core/store/speakerLists';
import { fingerprintOf, publicDeviceIdentity } from '../../../main/core/sync/deviceIdentity';
import { snapshot, tempCore } from '../helpers/tempCore';
import { add, list, names, room, send } from './speakersFixture';

const t0 = Date.parse('2026-03-02T09:00:00.000Z');
const rows = (ctx: CoreContext) => ctx.db.prepare('SELECT count(*) FROM speakers').pluck().get();

describe('speakers lists across laptops', () => {
  it('two laptops adding the same person at once make one entry, and the same queue', async () => {
    const a = await room();
    const b = await tempCore();
    await send(a.ctx, b, a.forum.id);
    const [amina, tomas, li] = a.people.map((p) => p.id) as [string, string, string];
    await add(a, { participantId: tomas });
    await add(a, { participantId: amina });
    await add(a, { delegation: 'Kenya' }, 'statement');
    // Laptop b, not having heard of any of it, adds Amina, Kenya (spelt its own way) and Li.
    await add(a, { participantId: amina }, 'statement', b);
    await add(a, { delegation: 'kenya ' }, 'statement', b);
    await add(a, { participantId: li }, 'statement', b);
    await send(a.ctx, b, a.forum.id);
    await send(b, a.ctx, a.forum.id);
    expect(rows(a.ctx)).toBe(4);
    expect(rows(b)).toBe(4);
    const onA = await list(a);
    expect(await list(a, b)).toEqual(onA);
    // One Kenya, spelt as it was last typed.
    expect(onA.waiting.map((e) => e.name).sort()).toEqual(['Amina Diallo', 'Li Wei', 'Tomás Ruiz', 'kenya']);
    // Importing the same changes again changes nothing of the lists (only when b last heard from a).
    const lists = (ctx: CoreContext) => JSON.stringify(ctx.db.prepare('SELECT * FROM speakers ORDER BY id').all()) + String(ctx.db.prepare('SELECT count(*) FROM changes').pluck().get());
    const before = lists(b);
    await send(a.ctx, b, a.forum.id);
    expect(lists(b)).toBe(before);
  });

  it('a turn after the first is a new entry; adding the person at once on two laptops again makes one', async () => {
    const a = await room();
    const b = await tempCore();
    const amina = a.people[0]?.id ?? '';
    await add(a, { participantId: amina });
    nextSpeaker(a.ctx, a.forum.id, a.subject, t0);
    nextSpeaker(a.ctx, a.forum.id, a.subject, t0 + 60_000);
    await send(a.ctx, b, a.forum.id);
    await add(a, { participantId: amina });
    await add(a, { participantId: amina }, 'statement', b);
    await send(b, a.ctx, a.forum.id);
    await send(a.ctx, b, a.forum.id);
    const l = await list(a, b);
    expect(l.finished.map((e) => e.name)).toEqual(['Amina Diallo']);
    expect(names(l)).toEqual(['Amina Diallo']);
    expect(rows(b)).toBe(2);
  });

  it('another laptop shows the same countdown from the synced start, on its own clock, never negative', async () => {
    const a = await room();
    const b = await tempCore();
    addSpeaker(a.ctx, a.forum.id, a.subject, { participantId: a.people[0]?.id ?? '', delegation: '', kind: 'statement' }, t0);
    nextSpeaker(a.ctx, a.forum.id, a.subject, t0 + 1000);
    await send(a.ctx, b, a.forum.id);
    const at = (ctx: CoreContext, now: number) => readSpeakerList(ctx.db, a.forum.id, a.subject, now);
    expect(at(b, t0 + 31_000).current).toEqual(at(a.ctx, t0 + 31_000).current);
    // b's clock runs 5 s behind a's: the start is in its future, so the turn counts as just begun.
    expect(at(b, t0 - 4000).current?.startedAt).toBe('2026-03-02T09:00:01.000Z');
    const { elapsedMs } = await import('../../../shared/speakingTime');
    const current = at(b, t0 - 4000).current;
    expect(current && elapsedMs(current, t0 - 4000)).toBe(0);
    // Paused on b: a sees the banked time and a timer standing still.
    actOnSpeaker(b, a.forum.id, a.subject, current?.id ?? '', 'pause', t0 + 46_000);
    await send(b, a.ctx, a.forum.id);
    expect(at(a.ctx, t0 + 900_000).current).toMatchObject({ spokenMs: 45_000, startedAt: null });
  });

  it('roles: a rapporteur’s laptop may not run the list; a chair’s may', async () => {
    const owner = await room();
    const rapporteur = await tempCore();
    const chair = await tempCore();
    for (const laptop of [rapporteur, chair]) {
      await send(owner.ctx, laptop, owner.forum.id);
      await send(laptop, owner.ctx, owner.forum.id);
    }
    const fingerprint = (ctx: CoreContext) => fingerprintOf(publicDeviceIdentity(ctx).publicKey);
    await invoke(owner.ctx, 'roles:grant', { forumId: owner.forum.id, fingerprint: fingerprint(rapporteur), role: 'rapporteur' });
    await invoke(owner.ctx, 'roles:grant', { forumId: owner.forum.id, fingerprint: fingerprint(chair), role: 'chair' });
    for (const laptop of [rapporteur, chair]) await send(owner.ctx, laptop, owner.forum.id);
    const before = snapshot(rapporteur);
    await expect(invoke(rapporteur, 'speakers:add', { forumId: owner.forum.id, subject: owner.subject, participantId: null, delegation: 'Kenya', kind: 'statement' })).rejects.toMatchObject({
      code: 'role_required',
    });
    expect(snapshot(rapporteur)).toBe(before);
    expect(names(await add(owner, { delegation: 'Kenya' }, 'point_of_order', chair))).toEqual(['Kenya']);
  });
});
