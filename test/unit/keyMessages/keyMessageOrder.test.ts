import { describe, expect, it } from 'vitest';
import type { KeyMessage } from '../../../shared/keyMessages';
import type { CoreContext } from '../../../main/core/coreContext';
import { snapshot, tempCore } from '../helpers/tempCore';
import { addNote, attempt, call, keyMessageForum, send } from './keyMessageFixture';

/** A session holding four messages, m0 to m3 in that order. */
async function fourMessages(ctx?: CoreContext) {
  const fixture = await keyMessageForum(ctx);
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const note = addNote(fixture.ctx, fixture.forum.id, fixture.morning, `Point ${i}`);
    ids.push((await call(fixture.ctx, 'keyMessages:promote', { sessionId: fixture.morning, noteIds: [note] })).id);
  }
  return { ...fixture, ids };
}

const order = async (ctx: CoreContext, forumId: string, sessionId: string) =>
  (await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId, sessionId })).map((m) => m.id);

describe('ordering key messages', () => {
  it('moves a message between two neighbours, to the start and to the end', async () => {
    const { ctx, forum, morning, ids } = await fourMessages();
    const [m0 = '', m1 = '', m2 = '', m3 = ''] = ids;
    await call(ctx, 'keyMessages:move', { id: m3, after: m0, before: m1 });
    expect(await order(ctx, forum.id, morning)).toEqual([m0, m3, m1, m2]);
    await call(ctx, 'keyMessages:move', { id: m2, after: null, before: m0 });
    expect(await order(ctx, forum.id, morning)).toEqual([m2, m0, m3, m1]);
    await call(ctx, 'keyMessages:move', { id: m2, after: m1, before: null });
    expect(await order(ctx, forum.id, morning)).toEqual([m0, m3, m1, m2]);
    // One neighbour is enough: the message goes right beside it.
    await call(ctx, 'keyMessages:move', { id: m2, after: m0, before: null });
    expect(await order(ctx, forum.id, morning)).toEqual([m0, m2, m3, m1]);
    await call(ctx, 'keyMessages:move', { id: m0, after: null, before: m1 });
    expect(await order(ctx, forum.id, morning)).toEqual([m2, m3, m0, m1]);
  });

  it('refuses neighbours that are itself, of another session, out of order or missing, changing nothing', async () => {
    const { ctx, afternoon, later, ids } = await fourMessages();
    const [m0 = '', m1 = '', m2 = ''] = ids;
    const elsewhere = await call(ctx, 'keyMessages:promote', { sessionId: afternoon, noteIds: [later[0]] });
    await call(ctx, 'keyMessages:setDeleted', { id: m2, deleted: true });
    const before = snapshot(ctx);
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ id: m0, after: m0, before: null }, 'after'],
      [{ id: m0, after: elsewhere.id, before: null }, 'after'],
      [{ id: m0, after: null, before: m2 }, 'before'],
      [{ id: m0, after: 'no-such-message', before: null }, 'after'],
      [{ id: m1, after: ids[3], before: m0 }, 'before'],
      [{ id: m0, after: null, before: null }, 'after'],
      [{ id: m0, after: m1 }, 'before'],
    ];
    for (const [input, path] of refusals) {
      const result = await attempt(ctx, 'keyMessages:move', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!result.ok) expect(result.error.issues?.map((i) => i.path)).toContain(path);
    }
    expect(await attempt(ctx, 'keyMessages:move', { id: m2, after: m0, before: null })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(snapshot(ctx)).toBe(before);
  });

  it('ends in the same order on two laptops that reordered the same list concurrently', async () => {
    const laptopA = await tempCore();
    const laptopB = await tempCore();
    const { forum, morning, ids } = await fourMessages(laptopA);
    await send(laptopA, laptopB, forum.id);
    const [m0 = '', m1 = '', m2 = '', m3 = ''] = ids;
    expect(await order(laptopB, forum.id, morning)).toEqual(ids);

    // Without seeing each other: A brings m3 to the top, B sends m0 to the bottom and puts m2
    // between m0 and m1 (the same gap A's move does not touch), then B also adds a message.
    await call(laptopA, 'keyMessages:move', { id: m3, after: null, before: m0 });
    await call(laptopB, 'keyMessages:move', { id: m0, after: m3, before: null });
    await call(laptopB, 'keyMessages:move', { id: m2, after: null, before: m1 });
    const note = addNote(laptopB, forum.id, morning, 'Point from B');
    const added = await call(laptopB, 'keyMessages:promote', { sessionId: morning, noteIds: [note] });

    await send(laptopA, laptopB, forum.id);
    await send(laptopB, laptopA, forum.id);
    const onA = await order(laptopA, forum.id, morning);
    const onB = await order(laptopB, forum.id, morning);
    expect(onA).toEqual(onB);
    expect(onA).toHaveLength(5);
    // Each laptop's intent survives: m3 above m0's old neighbours, m2 before m1, m0 after m3.
    expect(onA.indexOf(m3)).toBeLessThan(onA.indexOf(m1));
    expect(onA.indexOf(m2)).toBeLessThan(onA.indexOf(m1));
    expect(onA.indexOf(m0)).toBeGreaterThan(onA.indexOf(m3));
    expect(onA).toContain(added.id);
  });

  it('agrees on the order when two laptops put different messages into the same gap', async () => {
    const laptopA = await tempCore();
    const laptopB = await tempCore();
    const { forum, morning, ids } = await fourMessages(laptopA);
    await send(laptopA, laptopB, forum.id);
    const [m0 = '', m1 = '', m2 = '', m3 = ''] = ids;
    // Both pick the key between m0 and m1: the same key, told apart by id everywhere.
    await call(laptopA, 'keyMessages:move', { id: m2, after: m0, before: m1 });
    await call(laptopB, 'keyMessages:move', { id: m3, after: m0, before: m1 });
    await send(laptopA, laptopB, forum.id);
    await send(laptopB, laptopA, forum.id);
    const onA = await order(laptopA, forum.id, morning);
    expect(await order(laptopB, forum.id, morning)).toEqual(onA);
    expect(onA.slice(0, 1)).toEqual([m0]);
    expect(onA.slice(1, 3).sort()).toEqual([m2, m3].sort());
    expect(onA[3]).toBe(m1);

    // A later move into that tie still lands where it was asked.
    const [, first = '', second = ''] = onA;
    await call(laptopA, 'keyMessages:move', { id: m1, after: first, before: second });
    expect(await order(laptopA, forum.id, morning)).toEqual([m0, first, m1, second]);
  });
});
