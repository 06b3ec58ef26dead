import { describe, expect, it } from 'vitest';
import type { Agenda, AgendaSession } from '../../../shared/agenda';
import { writeRow } from '../../../main/core/store/changeLog';
import { rowHistory } from '../../../main/core/store/rowHistory';
import { snapshot } from '../helpers/tempCore';
import { agendaForum, call, createSession, rebuildFromLog, sessionInput } from './agendaFixture';

const roleRows = (ctx: Awaited<ReturnType<typeof agendaForum>>['ctx'], sessionId: string) =>
  ctx.db.prepare('SELECT id, participant_id, role, deleted FROM session_roles WHERE session_id = ? ORDER BY participant_id, role').all(sessionId) as Array<{
    id: string;
    participant_id: string;
    role: string;
    deleted: number;
  }>;

describe('sessions through the change log', () => {
  it('creates a session with its roles and shows it in the agenda', async () => {
    const { ctx, forum, people } = await agendaForum();
    const [ana = '', wang = '', kofi = ''] = people;
    const created = await createSession(
      ctx,
      forum.id,
      sessionInput({
        title: { en: ' Opening plenary ', es: 'Plenaria de apertura', fr: '' },
        roles: [
          { participantId: wang, role: 'speaker' },
          { participantId: ana, role: 'speaker' },
          { participantId: kofi, role: 'chair' },
          { participantId: ana, role: 'rapporteur' },
        ],
      }),
    );
    // Trimmed by the contract; a blank language is no text at all.
    expect(created.title).toEqual({ en: 'Opening plenary', es: 'Plenaria de apertura' });
    expect(created.roles).toEqual([
      { participantId: kofi, role: 'chair', name: 'Kofi Mensah' },
      { participantId: ana, role: 'speaker', name: 'Ana García' },
      { participantId: wang, role: 'speaker', name: 'Wang Wei' },
      { participantId: ana, role: 'rapporteur', name: 'Ana García' },
    ]);
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId: forum.id });
    expect(agenda.sessions).toEqual([created]);
    expect(agenda.forum.id).toBe(forum.id);
    expect(agenda.me).toBeNull();
    const logged = ctx.db.prepare("SELECT count(*) FROM changes WHERE tbl IN ('sessions', 'session_roles')").pluck().get();
    expect(logged).toBe(5);
  });

  it('orders sessions by day, start time, then id', async () => {
    const { ctx, forum } = await agendaForum();
    const late = await createSession(ctx, forum.id, sessionInput({ day: '2026-03-03', startTime: '08:00', endTime: '09:00' }));
    const second = await createSession(ctx, forum.id, sessionInput({ startTime: '11:00', endTime: '12:00' }));
    const first = await createSession(ctx, forum.id, sessionInput({ startTime: '09:00', endTime: '10:00' }));
    const twin = await createSession(ctx, forum.id, sessionInput({ startTime: '09:00', endTime: '10:00', room: { en: 'Hall B' } }));
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId: forum.id });
    const [a, b] = [first.id, twin.id].sort();
    expect(agenda.sessions.map((s) => s.id)).toEqual([a, b, second.id, late.id]);
  });

  it('records only the cells an edit changed, and keeps role rows for the same person and role', async () => {
    const { ctx, forum, people } = await agendaForum();
    const [ana = '', wang = '', kofi = ''] = people;
    const created = await createSession(
      ctx,
      forum.id,
      sessionInput({ roles: [{ participantId: ana, role: 'chair' }, { participantId: wang, role: 'speaker' }] }),
    );
    const before = roleRows(ctx, created.id);
    const changesBefore = ctx.db.prepare('SELECT max(seq) FROM changes').pluck().get() as number;

    await call(ctx, 'sessions:update', {
      id: created.id,
      session: sessionInput({
        endTime: '11:00',
        title: { en: 'Opening plenary', es: 'Plenaria inaugural' },
        roles: [{ participantId: ana, role: 'chair' }, { participantId: kofi, role: 'rapporteur' }],
      }),
    });
    const written = ctx.db
      .prepare('SELECT tbl, row_id, cells FROM changes WHERE seq > ? ORDER BY seq')
      .all(changesBefore) as Array<{ tbl: string; row_id: string; cells: string }>;
    const wangRow = before.find((r) => r.participant_id === wang)?.id;
    expect(written.map((c) => [c.tbl, JSON.parse(c.cells) as unknown])).toEqual([
      ['sessions', { end_time: '11:00', 'title@es': 'Plenaria inaugural' }],
      ['session_roles', expect.objectContaining({ participant_id: kofi, role: 'rapporteur', deleted: 0 })],
      ['session_roles', { deleted: 1 }],
    ]);
    expect(written[2]?.row_id).toBe(wangRow);

    // Wang back as speaker: the tombstoned row comes back rather than a twin.
    await call(ctx, 'sessions:update', {
      id: created.id,
      session: sessionInput({
        endTime: '11:00',
        title: { en: 'Opening plenary', es: 'Plenaria inaugural' },
        roles: [{ participantId: ana, role: 'chair' }, { participantId: kofi, role: 'rapporteur' }, { participantId: wang, role: 'speaker' }],
      }),
    });
    const after = roleRows(ctx, created.id);
    expect(after).toHaveLength(3);
    expect(after.every((r) => r.deleted === 0)).toBe(true);
    expect(after.find((r) => r.participant_id === wang)?.id).toBe(wangRow);
    expect(after.find((r) => r.participant_id === ana)?.id).toBe(before.find((r) => r.participant_id === ana)?.id);

    // The same input again writes nothing at all.
    const seq = ctx.db.prepare('SELECT max(seq) FROM changes').pluck().get();
    const unchanged = await call<AgendaSession>(ctx, 'sessions:update', {
      id: created.id,
      session: sessionInput({
        endTime: '11:00',
        title: { en: 'Opening plenary', es: 'Plenaria inaugural', fr: '' },
        roles: [{ participantId: wang, role: 'speaker' }, { participantId: kofi, role: 'rapporteur' }, { participantId: ana, role: 'chair' }],
      }),
    });
    expect(ctx.db.prepare('SELECT max(seq) FROM changes').pluck().get()).toBe(seq);
    expect(unchanged.roles.map((r) => r.role)).toEqual(['chair', 'speaker', 'rapporteur']);
  });

  it('clears a language the edit leaves out', async () => {
    const { ctx, forum } = await agendaForum();
    const created = await createSession(ctx, forum.id, sessionInput({ room: { en: 'Main Hall', fr: 'Grande salle' } }));
    const updated = await call<AgendaSession>(ctx, 'sessions:update', { id: created.id, session: sessionInput({ room: { en: 'Main Hall' } }) });
    expect(updated.room).toEqual({ en: 'Main Hall' });
    expect(rowHistory(ctx.db, 'sessions', created.id).at(-1)?.cells).toEqual({ 'room@fr': '' });
  });

  it('tombstones a session and undoes it, roles and all', async () => {
    const { ctx, forum, people } = await agendaForum();
    const created = await createSession(ctx, forum.id, sessionInput({ roles: [{ participantId: people[0] ?? '', role: 'rapporteur' }] }));
    expect(await call(ctx, 'sessions:setDeleted', { id: created.id, deleted: true })).toEqual({ id: created.id, deleted: true });
    expect((await call<Agenda>(ctx, 'agenda:get', { forumId: forum.id })).sessions).toEqual([]);
    expect(ctx.db.prepare('SELECT deleted FROM sessions WHERE id = ?').pluck().get(created.id)).toBe(1);
    // Deleting twice records nothing new.
    const seq = ctx.db.prepare('SELECT max(seq) FROM changes').pluck().get();
    await call(ctx, 'sessions:setDeleted', { id: created.id, deleted: true });
    expect(ctx.db.prepare('SELECT max(seq) FROM changes').pluck().get()).toBe(seq);
    // A deleted session is not there to edit.
    await expect(call(ctx, 'sessions:update', { id: created.id, session: sessionInput() })).rejects.toThrow(/^not_found: .*deleted/);

    await call(ctx, 'sessions:setDeleted', { id: created.id, deleted: false });
    expect((await call<Agenda>(ctx, 'agenda:get', { forumId: forum.id })).sessions).toEqual([created]);
    expect(rowHistory(ctx.db, 'sessions', created.id).map((c) => c.cells.deleted)).toEqual([0, 1, 0]);
  });

  it('holds nothing the log lacks: rebuilding the tables from the log gives the same rows', async () => {
    const { ctx, forum, people } = await agendaForum();
    const [ana = '', wang = ''] = people;
    const one = await createSession(ctx, forum.id, sessionInput({ roles: [{ participantId: ana, role: 'chair' }] }));
    const two = await createSession(ctx, forum.id, sessionInput({ startTime: '11:00', endTime: '12:00', kind: 'parallel' }));
    await call(ctx, 'sessions:update', {
      id: one.id,
      session: sessionInput({ room: { en: 'Hall B', fr: 'Salle B' }, roles: [{ participantId: wang, role: 'chair' }] }),
    });
    await call(ctx, 'sessions:setDeleted', { id: two.id, deleted: true });
    await call(ctx, 'agenda:setMe', { forumId: forum.id, participantId: ana });
    const before = snapshot(ctx);
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId: forum.id });
    rebuildFromLog(ctx);
    expect(snapshot(ctx)).toBe(before);
    expect(await call<Agenda>(ctx, 'agenda:get', { forumId: forum.id })).toEqual(agenda);
  });

  it('hides roles of people who were since deleted, and shows one row per person and role', async () => {
    const { ctx, forum, people } = await agendaForum();
    const [ana = '', wang = ''] = people;
    const created = await createSession(
      ctx,
      forum.id,
      sessionInput({ roles: [{ participantId: ana, role: 'chair' }, { participantId: wang, role: 'rapporteur' }] }),
    );
    writeRow(ctx, 'participants', wang, { deleted: 1 });
    // A twin row for Ana, as a sync from a laptop that added her concurrently would bring.
    writeRow(ctx, 'session_roles', 'twin-row-for-ana', { forum_id: forum.id, session_id: created.id, participant_id: ana, role: 'chair', deleted: 0 });
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId: forum.id });
    expect(agenda.sessions[0]?.roles).toEqual([{ participantId: ana, role: 'chair', name: 'Ana García' }]);
    expect(agenda.warnings).toContainEqual({ kind: 'noRapporteur', sessionIds: [created.id] });
    // Saving the session as shown settles the twins into one live row.
    await call(ctx, 'sessions:update', { id: created.id, session: sessionInput({ roles: [{ participantId: ana, role: 'chair' }] }) });
    expect(roleRows(ctx, created.id).filter((r) => r.deleted === 0)).toHaveLength(1);
  });
});

describe('who I am, per device', () => {
  it('remembers, clears, and forgets a person who left the forum', async () => {
    const { ctx, forum, people } = await agendaForum();
    const [ana = ''] = people;
    expect(await call(ctx, 'agenda:setMe', { forumId: forum.id, participantId: ana })).toEqual({ me: ana });
    expect((await call<Agenda>(ctx, 'agenda:get', { forumId: forum.id })).me).toBe(ana);
    const row = ctx.db.prepare('SELECT id FROM settings WHERE id LIKE ?').pluck().get(`%agenda.me.${forum.id}`);
    expect(row).toBe(`${ctx.deviceId}/agenda.me.${forum.id}`);
    expect(await call(ctx, 'agenda:setMe', { forumId: forum.id, participantId: null })).toEqual({ me: null });
    expect((await call<Agenda>(ctx, 'agenda:get', { forumId: forum.id })).me).toBeNull();

    await call(ctx, 'agenda:setMe', { forumId: forum.id, participantId: ana });
    writeRow(ctx, 'participants', ana, { deleted: 1 });
    expect((await call<Agenda>(ctx, 'agenda:get', { forumId: forum.id })).me).toBeNull();
  });
});
