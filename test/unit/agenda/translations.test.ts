import { describe, expect, it } from 'vitest';
import type { Agenda, AgendaSession } from '../../../shared/agenda';
import { writeRow } from '../../../main/core/store/changeLog';
import { agendaForum, call, createSession, sessionInput } from './agendaFixture';

const states = async (ctx: Awaited<ReturnType<typeof agendaForum>>['ctx'], forumId: string) =>
  (await call<Agenda>(ctx, 'agenda:get', { forumId })).sessions[0]?.translations;

describe('translation states', () => {
  it('marks missing translations per field and per non-source working language', async () => {
    const { ctx, forum } = await agendaForum();
    const created = await createSession(
      ctx,
      forum.id,
      sessionInput({ title: { en: 'Opening', es: 'Apertura' }, room: { en: 'Main Hall', fr: 'Grande salle', es: '' }, description: {} }),
    );
    // Written in one change, source and translation share a clock: current.
    expect(created.translations).toEqual({
      title: { es: 'current', fr: 'missing' },
      room: { es: 'missing', fr: 'current' },
      // No source text, nothing to translate.
      description: {},
    });
  });

  it('marks a translation outdated when the source changes, and current again once it is edited', async () => {
    const { ctx, forum } = await agendaForum();
    const base = sessionInput({ title: { en: 'Opening', es: 'Apertura', fr: 'Ouverture' } });
    const created = await createSession(ctx, forum.id, base);
    const edit = (title: Record<string, string>) =>
      call<AgendaSession>(ctx, 'sessions:update', { id: created.id, session: { ...base, title } });

    expect((await edit({ en: 'Opening plenary', es: 'Apertura', fr: 'Ouverture' })).translations.title).toEqual({ es: 'outdated', fr: 'outdated' });
    expect(await states(ctx, forum.id)).toMatchObject({ title: { es: 'outdated', fr: 'outdated' } });
    expect((await edit({ en: 'Opening plenary', es: 'Plenaria de apertura', fr: 'Ouverture' })).translations.title).toEqual({
      es: 'current',
      fr: 'outdated',
    });
    // Re-reading the translation and keeping it as it is records nothing, so it stays outdated;
    // retyping it (any change) makes it current.
    expect((await edit({ en: 'Opening plenary', es: 'Plenaria de apertura', fr: 'Séance d’ouverture' })).translations.title).toEqual({
      es: 'current',
      fr: 'current',
    });
    // Removing a translation makes it missing, whatever its history.
    expect((await edit({ en: 'Opening plenary', es: 'Plenaria de apertura' })).translations.title).toEqual({ es: 'current', fr: 'missing' });
  });

  it('orders by clock, not by arrival: an older source edit from another laptop does not outdate a newer translation', async () => {
    const { ctx, forum } = await agendaForum();
    const created = await createSession(ctx, forum.id, sessionInput({ room: { en: 'Hall', es: 'Sala' } }));
    const newest = ctx.db.prepare("SELECT max(hlc) FROM changes WHERE tbl = 'sessions'").pluck().get() as string;
    // A change stamped before ours, as a bundle from a laptop that worked earlier would bring.
    const earlier = '000000000000001-0000';
    expect(earlier < newest).toBe(true);
    ctx.db
      .prepare("INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells) VALUES ('other-laptop', ?, 'sessions', ?, ?, ?)")
      .run(earlier, created.id, forum.id, JSON.stringify({ 'room@en': 'Old hall' }));
    expect((await states(ctx, forum.id))?.room).toEqual({ es: 'current', fr: 'missing' });
    // And a later one does.
    writeRow(ctx, 'sessions', created.id, { room: { en: 'Great Hall' } });
    expect((await states(ctx, forum.id))?.room).toEqual({ es: 'outdated', fr: 'missing' });
  });

  it('gives the demo forum its translation states (English source, Chinese and Spanish)', async () => {
    const { ctx } = await agendaForum();
    const demo = await call<{ id: string }>(ctx, 'demo:create', {});
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId: demo.id });
    expect(agenda.sessions.length).toBeGreaterThan(10);
    for (const session of agenda.sessions) {
      expect(Object.keys(session.translations.title).sort()).toEqual(['es', 'zh']);
      expect(session.translations.title).toEqual({ zh: 'current', es: 'current' });
    }
  });
});
