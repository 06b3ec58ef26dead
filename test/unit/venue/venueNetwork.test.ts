import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, type CoreContext } from '../../../main/core/coreContext';
import { venueController } from '../../../main/core/venue/venueController';
import { writeRow } from '../../../main/core/store/changeLog';
import { randomUUID } from 'node:crypto';
import { validForum } from '../helpers/tempCore';
import { createSession, sessionInput } from '../agenda/agendaFixture';
import { eventually, forumState, laptop, listen, pair, reopen, testLoop } from './venueHelpers';

const hosts = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'];

async function allAlike(laptops: CoreContext[], what: string) {
  await eventually(what, () => laptops.every((l) => forumState(l) === forumState(laptops[0] as CoreContext)), 60_000);
}

describe('five laptops at a venue', () => {
  it('paired in a chain, each writing, end with every forum identical on all five', async () => {
    const laptops = await Promise.all(hosts.map((_, i) => laptop(`Laptop ${i + 1}`)));
    for (const [i, ctx] of laptops.entries()) await listen(ctx, hosts[i] as string);
    const [first] = laptops as [CoreContext];
    const forum = await invoke(first, 'forums:create', validForum);
    // A chain: each laptop joins the one before it, so changes travel on through the middle ones.
    for (let i = 1; i < laptops.length; i++) await pair(laptops[i] as CoreContext, laptops[i - 1] as CoreContext);
    await eventually('the forum reached the end of the chain', () => laptops.every((l) => l.db.prepare('SELECT 1 FROM forums WHERE id = ?').get(forum.id) !== undefined), 60_000);
    for (const [i, ctx] of laptops.entries()) {
      await createSession(ctx, forum.id, sessionInput({ title: { en: `Session by laptop ${i + 1}` } }));
      writeRow(ctx, 'participants', randomUUID(), { forum_id: forum.id, name: `Person from laptop ${i + 1}`, deleted: 0 });
    }
    // A second forum, from the far end.
    const second = await invoke(laptops[4] as CoreContext, 'forums:create', { ...validForum, title: { en: 'Second forum', es: 'Segundo foro' } });
    await allAlike(laptops, 'all five identical');
    for (const ctx of laptops) {
      expect(ctx.db.prepare('SELECT count(*) FROM sessions WHERE forum_id = ?').pluck().get(forum.id)).toBe(5);
      expect(ctx.db.prepare('SELECT count(*) FROM participants WHERE forum_id = ?').pluck().get(forum.id)).toBe(5);
      expect(ctx.db.prepare('SELECT 1 FROM forums WHERE id = ?').get(second.id)).toBeDefined();
    }
    const middle = venueController(laptops[2] as CoreContext).peers();
    expect(middle.map((p) => p.name).sort()).toEqual(['Laptop 2', 'Laptop 4']);
    expect(middle.every((p) => p.state === 'ok' && p.lastError === null)).toBe(true);
  });

  it('a laptop closed in the middle of a pull and reopened loses nothing and catches up', async () => {
    const a = await laptop('Secretariat');
    const b = await laptop('Rapporteur B');
    const c = await laptop('Rapporteur C');
    await listen(a, hosts[0] as string);
    await listen(b, hosts[1] as string);
    await listen(c, hosts[2] as string);
    const forum = await invoke(a, 'forums:create', validForum);
    await pair(b, a);
    await pair(c, a);
    await allAlike([a, b, c], 'the forum everywhere');
    // Much to pull, so that closing lands while the pull is under way.
    a.db.transaction(() => {
      for (let i = 0; i < 400; i++) writeRow(a, 'participants', randomUUID(), { forum_id: forum.id, name: `Delegate ${i}`, deleted: 0 });
    })();
    await createSession(c, forum.id, sessionInput({ title: { en: 'Written on C before it closed' } }));
    const pulling = venueController(c).syncNow();
    // Closed as soon as the import has applied its first slice (or, at the latest, when the pull ends).
    let done = false;
    void pulling.finally(() => (done = true));
    const midImport = () => c.db.prepare("SELECT 1 FROM meta WHERE key LIKE 'pending_import:%'").get() !== undefined;
    while (!done && !midImport()) await new Promise((resolve) => setImmediate(resolve));
    await c.venue?.close();
    await c.worker.close();
    closeCore(c);
    await pulling;
    const again = await reopen(c);
    expect(again.db.prepare("SELECT count(*) FROM sessions WHERE title LIKE '%before it closed%'").pluck().get()).toBe(1);
    const resumed = await venueController(again, testLoop).resume();
    expect(resumed).toMatchObject({ enabled: true, host: hosts[2] });
    await createSession(b, forum.id, sessionInput({ title: { en: 'Written on B meanwhile' } }));
    await allAlike([a, b, again], 'the reopened laptop caught up');
    expect(again.db.prepare('SELECT count(*) FROM participants WHERE forum_id = ?').pluck().get(forum.id)).toBe(400);
    expect(a.db.prepare("SELECT count(*) FROM sessions WHERE title LIKE '%before it closed%'").pluck().get()).toBe(1);
  });
});
