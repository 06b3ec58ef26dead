import { describe, expect, it } from 'vitest';
import type { SpeakerList } from '../../../shared/speakers';
import { actOnSpeaker, addSpeaker, nextSpeaker } from '../../../main/core/store/speakerQueue';
import { readSpeakerList } from '../../../main/core/store/speakerLists';
import { snapshot, tempCore } from '../helpers/tempCore';
import { add, call, list, names, refusal, room } from './speakersFixture';

const t0 = Date.parse('2026-03-02T09:00:00.000Z');

describe('speakers list', () => {
  it('queues in order added; a point of order and a right of reply jump the queue, marked as such', async () => {
    const r = await room();
    const [amina, tomas, li, jonas, kavya] = r.people.map((p) => p.id) as [string, string, string, string, string];
    await add(r, { participantId: amina });
    await add(r, { participantId: tomas });
    await add(r, { participantId: li });
    await add(r, { participantId: jonas }, 'reply');
    let l = await add(r, { participantId: kavya }, 'point_of_order');
    expect(names(l)).toEqual(['Kavya Rao', 'Jonas Berg', 'Amina Diallo', 'Tomás Ruiz', 'Li Wei']);
    expect(l.waiting.map((e) => e.kind)).toEqual(['point_of_order', 'reply', 'statement', 'statement', 'statement']);
    // A second point of order goes after the first, still before every reply and statement.
    l = await add(r, { delegation: 'UN-Habitat' }, 'point_of_order');
    expect(names(l).slice(0, 3)).toEqual(['Kavya Rao', 'UN-Habitat', 'Jonas Berg']);
    expect(l.waiting[1]).toMatchObject({ participantId: null, delegation: 'UN-Habitat', allottedMs: 60_000 });
    expect(l.waiting[0]).toMatchObject({ delegation: 'India', status: 'waiting', allottedMs: 60_000 });
  });

  it('adding someone already waiting for the same kind of turn changes nothing', async () => {
    const r = await room();
    await add(r, { participantId: r.people[0]?.id });
    await add(r, { delegation: 'Kenya' });
    const before = snapshot(r.ctx);
    await add(r, { participantId: r.people[0]?.id });
    await add(r, { delegation: '  KENYA ' });
    expect(snapshot(r.ctx)).toBe(before);
    // A point of order by the same person is another turn.
    expect(names(await add(r, { participantId: r.people[0]?.id }, 'point_of_order'))).toEqual(['Amina Diallo', 'Amina Diallo', 'Kenya']);
  });

  it('reorders: move to any place, first and past the end', async () => {
    const r = await room();
    for (const p of r.people.slice(0, 4)) await add(r, { participantId: p.id });
    let l = await list(r);
    const move = (id: string, toIndex: number) => call<SpeakerList>(r.ctx, 'speakers:move', { forumId: r.forum.id, subject: r.subject, id, toIndex });
    l = await move(l.waiting[3]?.id ?? '', 0);
    expect(names(l)).toEqual(['Jonas Berg', 'Amina Diallo', 'Tomás Ruiz', 'Li Wei']);
    l = await move(l.waiting[0]?.id ?? '', 99);
    expect(names(l)).toEqual(['Amina Diallo', 'Tomás Ruiz', 'Li Wei', 'Jonas Berg']);
    l = await move(l.waiting[1]?.id ?? '', 2);
    expect(names(l)).toEqual(['Amina Diallo', 'Li Wei', 'Tomás Ruiz', 'Jonas Berg']);
    const same = snapshot(r.ctx);
    await move(l.waiting[1]?.id ?? '', 1);
    expect(snapshot(r.ctx)).toBe(same);
  });

  it('next ends the current turn, banking its time, and starts the first waiting; pause and resume bank time', async () => {
    const r = await room();
    const [amina, tomas] = r.people.map((p) => p.id) as [string, string];
    addSpeaker(r.ctx, r.forum.id, r.subject, { participantId: amina, delegation: '', kind: 'statement' }, t0);
    addSpeaker(r.ctx, r.forum.id, r.subject, { participantId: tomas, delegation: '', kind: 'statement' }, t0);
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0 + 1000);
    let l = readSpeakerList(r.ctx.db, r.forum.id, r.subject, t0 + 61_000);
    expect(l.current).toMatchObject({ name: 'Amina Diallo', status: 'speaking', startedAt: '2026-03-02T09:00:01.000Z', spokenMs: 0 });
    const id = l.current?.id ?? '';
    actOnSpeaker(r.ctx, r.forum.id, r.subject, id, 'pause', t0 + 61_000);
    actOnSpeaker(r.ctx, r.forum.id, r.subject, id, 'pause', t0 + 90_000);
    l = readSpeakerList(r.ctx.db, r.forum.id, r.subject, t0 + 500_000);
    expect(l.current).toMatchObject({ spokenMs: 60_000, startedAt: null });
    actOnSpeaker(r.ctx, r.forum.id, r.subject, id, 'start', t0 + 500_000);
    // Over time by 12 s when the chair moves on: the turn keeps every second, nothing cut it short.
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0 + 632_000);
    l = readSpeakerList(r.ctx.db, r.forum.id, r.subject, t0 + 700_000);
    expect(l.finished).toMatchObject([{ name: 'Amina Diallo', status: 'done', spokenMs: 192_000, startedAt: null }]);
    expect(l.current).toMatchObject({ name: 'Tomás Ruiz', startedAt: '2026-03-02T09:10:32.000Z' });
    expect(l.waiting).toEqual([]);
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0 + 700_000);
    l = readSpeakerList(r.ctx.db, r.forum.id, r.subject, t0 + 800_000);
    expect(l.current).toBeNull();
    expect(l.finished.map((e) => [e.name, e.spokenMs])).toEqual([
      ['Amina Diallo', 192_000],
      ['Tomás Ruiz', 68_000],
    ]);
  });

  it('starting a waiting speaker out of turn gives them the floor; withdraw and remove leave the queue', async () => {
    const r = await room();
    for (const p of r.people.slice(0, 3)) addSpeaker(r.ctx, r.forum.id, r.subject, { participantId: p.id, delegation: '', kind: 'statement' }, t0);
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0);
    let l = readSpeakerList(r.ctx.db, r.forum.id, r.subject, t0);
    actOnSpeaker(r.ctx, r.forum.id, r.subject, l.waiting[1]?.id ?? '', 'start', t0 + 30_000);
    l = readSpeakerList(r.ctx.db, r.forum.id, r.subject, t0 + 30_000);
    expect(names(l)).toEqual(['*Li Wei', 'Tomás Ruiz']);
    expect(l.finished.map((e) => [e.name, e.spokenMs])).toEqual([['Amina Diallo', 30_000]]);
    actOnSpeaker(r.ctx, r.forum.id, r.subject, l.waiting[0]?.id ?? '', 'withdraw', t0 + 31_000);
    l = readSpeakerList(r.ctx.db, r.forum.id, r.subject, t0 + 31_000);
    expect(l.finished.map((e) => [e.name, e.status])).toEqual([
      ['Amina Diallo', 'done'],
      ['Tomás Ruiz', 'withdrawn'],
    ]);
    const error = await refusal(r.ctx, 'speakers:act', { forumId: r.forum.id, subject: r.subject, id: l.finished[0]?.id, action: 'remove' });
    expect(error.code).toBe('invalid_input');
    await call(r.ctx, 'speakers:act', { forumId: r.forum.id, subject: r.subject, id: l.finished[1]?.id, action: 'remove' });
    expect((await list(r)).finished.map((e) => e.name)).toEqual(['Amina Diallo']);
  });

  it('speaking times: defaults per kind, then the list’s own, with a total per delegation', async () => {
    const r = await room();
    expect((await list(r)).times).toEqual({ statement: 180_000, reply: 120_000, point_of_order: 60_000 });
    const l = await call<SpeakerList>(r.ctx, 'speakers:settings', {
      forumId: r.forum.id,
      subject: r.subject,
      times: { statement: 240_000, reply: 90_000, point_of_order: 30_000 },
      delegationTotalMs: 600_000,
    });
    expect(l).toMatchObject({ times: { statement: 240_000, reply: 90_000, point_of_order: 30_000 }, delegationTotalMs: 600_000 });
    addSpeaker(r.ctx, r.forum.id, r.subject, { participantId: r.people[0]?.id ?? '', delegation: '', kind: 'statement' }, t0);
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0);
    expect(readSpeakerList(r.ctx.db, r.forum.id, r.subject, t0 + 75_000)).toMatchObject({
      current: { allottedMs: 240_000 },
      delegations: [{ delegation: 'Republic of Senegal', spokenMs: 75_000 }],
    });
  });

  it('a list per paragraph during drafting, apart from the session’s', async () => {
    const r = await room();
    const doc = await call<{ id: string }>(r.ctx, 'outcome:create', {
      forumId: r.forum.id,
      document: { kind: 'consensus', title: { en: 'Doc' }, subtitle: {}, place: {}, startDate: '2026-03-02', endDate: '2026-03-04', coOrganisers: [], preamble: {}, leadIn: {}, closing: {}, numbering: 'ordinal' },
    });
    const paragraph = await call<{ id: string }>(r.ctx, 'paragraphs:create', { documentId: doc.id, after: null, kind: 'numbered', text: { en: 'We agree.' } });
    const onParagraph = { ...r, subject: { kind: 'paragraph' as const, id: paragraph.id } };
    await add(onParagraph, { delegation: 'Brazil' });
    expect(names(await list(onParagraph))).toEqual(['Brazil']);
    expect(names(await list(r))).toEqual([]);
  });

  describe('bad input changes nothing', () => {
    it('an unknown participant, another forum’s session or participant, an empty name, negative or fractional durations', async () => {
      const r = await room();
      const other = await room(r.ctx);
      await add(r, { participantId: r.people[0]?.id });
      const before = snapshot(r.ctx);
      const base = { forumId: r.forum.id, subject: r.subject, delegation: '', kind: 'statement' };
      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['speakers:add', { ...base, participantId: '00000000-0000-0000-0000-000000000000' }, 'not_found'],
        ['speakers:add', { ...base, participantId: other.people[0]?.id }, 'not_found'],
        ['speakers:add', { ...base, subject: other.subject, participantId: r.people[1]?.id }, 'not_found'],
        ['speakers:add', { ...base, participantId: null, delegation: '   ' }, 'invalid_input'],
        ['speakers:add', { ...base, participantId: null, delegation: ' — ' }, 'invalid_input'],
        ['speakers:add', { ...base, participantId: r.people[1]?.id, kind: 'filibuster' }, 'invalid_input'],
        ['speakers:list', { forumId: r.forum.id, subject: { kind: 'session', id: 'no-such-session' } }, 'not_found'],
        ['speakers:settings', { forumId: r.forum.id, subject: r.subject, times: { statement: -1000, reply: 0, point_of_order: 0 }, delegationTotalMs: null }, 'invalid_input'],
        ['speakers:settings', { forumId: r.forum.id, subject: r.subject, times: { statement: 1000, reply: 0, point_of_order: 0 }, delegationTotalMs: -1 }, 'invalid_input'],
        ['speakers:settings', { forumId: r.forum.id, subject: r.subject, times: { statement: 1.5, reply: 0, point_of_order: 0 }, delegationTotalMs: null }, 'invalid_input'],
        ['speakers:move', { forumId: r.forum.id, subject: r.subject, id: 'no-such-speaker', toIndex: 0 }, 'not_found'],
        ['speakers:move', { forumId: r.forum.id, subject: r.subject, id: (await list(r)).waiting[0]?.id, toIndex: -1 }, 'invalid_input'],
        ['speakers:act', { forumId: r.forum.id, subject: r.subject, id: (await list(r)).waiting[0]?.id, action: 'finish' }, 'invalid_input'],
        ['speakers:act', { forumId: other.forum.id, subject: other.subject, id: (await list(r)).waiting[0]?.id, action: 'start' }, 'not_found'],
      ];
      for (const [name, input, code] of cases) {
        const error = await refusal(r.ctx, name as 'speakers:add', input);
        expect(error.code, `${name} ${JSON.stringify(input)}`).toBe(code);
      }
      expect(snapshot(r.ctx)).toBe(before);
    });

    it('a laptop without the chair’s or secretariat’s role may not change the list', async () => {
      const ctx = await tempCore();
      const r = await room(ctx);
      await call(ctx, 'roles:enable', { forumId: r.forum.id });
      // The owner may; nobody is refused here. What matters is that the rule names the chair.
      const { rolesAllowedFor } = await import('../../../shared/roles');
      expect(rolesAllowedFor('speakers', ['status', 'started_at', 'spoken_ms'])).toEqual(['chair', 'secretariat']);
      expect(rolesAllowedFor('speaker_lists', ['statement_ms'])).toEqual(['chair', 'secretariat']);
      expect(names(await add(r, { delegation: 'Kenya' }))).toEqual(['Kenya']);
    });
  });
});

describe('the list the projectors show', () => {
  it('is the one whose speaker has the floor, the latest started first; none when nobody speaks', async () => {
    const r = await room();
    expect(await call(r.ctx, 'speakers:current', { forumId: r.forum.id })).toBeNull();
    const { addSession } = await import('../drafting/draftingFixture');
    const other = { ...r, subject: { kind: 'session' as const, id: addSession(r.ctx, r.forum.id, 'Parallel', '2026-03-02', '09:00') } };
    addSpeaker(r.ctx, r.forum.id, r.subject, { participantId: null, delegation: 'Kenya', kind: 'statement' }, t0);
    addSpeaker(r.ctx, r.forum.id, other.subject, { participantId: null, delegation: 'Chile', kind: 'statement' }, t0);
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0);
    nextSpeaker(r.ctx, r.forum.id, other.subject, t0 + 5000);
    expect((await call<SpeakerList>(r.ctx, 'speakers:current', { forumId: r.forum.id }))?.current?.name).toBe('Chile');
    actOnSpeaker(r.ctx, r.forum.id, other.subject, (await list(other)).current?.id ?? '', 'pause', t0 + 6000);
    expect((await call<SpeakerList>(r.ctx, 'speakers:current', { forumId: r.forum.id }))?.current?.name).toBe('Kenya');
    expect((await refusal(r.ctx, 'speakers:current', { forumId: 'no-such-forum' })).code).toBe('not_found');
  });
});
