import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import demoForum from '../../../resources/demo/forum.json';
import demoParticipants from '../../../resources/demo/participants.json';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { participationStats } from '../../../main/core/store/participationStats';
import { participationStats as statsSchema } from '../../../shared/participationStats';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';

function addPerson(ctx: CoreContext, forumId: string, values: Record<string, unknown>): string {
  const id = randomUUID();
  writeRow(ctx, 'participants', id, {
    forum_id: forumId,
    deleted: 0,
    name: 'Someone',
    organisation: '',
    org_type: null,
    country: '',
    gender: null,
    roles: [],
    email: null,
    ...values,
  });
  return id;
}

function addSession(ctx: CoreContext, forumId: string, kind = 'plenary', title: Record<string, string> = { en: 'A session' }): string {
  const id = randomUUID();
  writeRow(ctx, 'sessions', id, {
    forum_id: forumId,
    deleted: 0,
    day: '2026-03-02',
    start_time: '09:00',
    end_time: '10:00',
    kind,
    title,
    room: {},
    description: {},
    themes: [],
  });
  return id;
}

function giveRole(ctx: CoreContext, forumId: string, sessionId: string, participantId: string, role: string): string {
  const id = randomUUID();
  writeRow(ctx, 'session_roles', id, { forum_id: forumId, deleted: 0, session_id: sessionId, participant_id: participantId, role });
  return id;
}

describe('participation figures', () => {
  it('gives the demo forum the seeds’ figures, and every breakdown adds up', async () => {
    const ctx = await tempCore();
    const forum = createDemoForum(ctx);
    const stats = participationStats(ctx.db, forum.id);
    expect(statsSchema.parse(stats)).toEqual(stats);
    expect(stats).toMatchObject({ participants: 200, checkedIn: 0, organisations: 62, internationalOrganisations: 18, countries: 17 });
    expect(stats.byOrgType).toEqual({
      government: 33,
      local_government: 30,
      un_international: 62,
      academia: 46,
      civil_society: 12,
      private_sector: 8,
      media: 6,
      other: 3,
      unknown: 0,
    });
    expect(stats.byGender).toEqual({ female: 90, male: 107, other: 1, undisclosed: 2, unknown: 0 });
    expect(stats.byRole).toEqual({ organiser: 11, chair: 9, moderator: 9, speaker: 44, rapporteur: 9, participant: 126 });
    expect(stats.byRegion).toEqual({ AF: 17, AN: 0, AS: 120, EU: 34, NA: 14, OC: 0, SA: 15, unknown: 0 });
    // Largest first, ties by code.
    expect(stats.byCountry.slice(0, 4)).toEqual([
      { country: 'CN', count: 100 },
      { country: 'ES', count: 12 },
      { country: 'KE', count: 12 },
      { country: 'MX', count: 8 },
    ]);
    expect(stats.byCountry).toHaveLength(17);
    const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
    for (const breakdown of [stats.byOrgType, stats.byGender, stats.byRegion]) expect(sum(breakdown)).toBe(200);
    expect(stats.byCountry.reduce((a, c) => a + c.count, 0)).toBe(200);

    // Sessions in agenda order, breaks left out; each counts the people the agenda gives a role.
    const sessions = demoForum.sessions.filter((s) => s.kind !== 'break');
    const order = stats.bySession.map((s) => `${s.day} ${s.startTime}`);
    expect(order).toEqual([...order].sort());
    expect(stats.bySession.map((s) => s.title.en).sort()).toEqual(sessions.map((s) => s.title.en).sort());
    expect(stats.bySession).toHaveLength(sessions.length);
    const gender = new Map(demoParticipants.map((p) => [p.key, p.gender]));
    for (const source of sessions) {
      const session = stats.bySession.find((s) => s.title.en === source.title.en);
      const speakers = source.speakers ?? [];
      const rapporteurs = source.rapporteurs ?? [];
      const people = new Set([source.chair, source.moderator, ...speakers, ...rapporteurs].filter(Boolean));
      expect(session, source.title.en).toMatchObject({
        day: source.day,
        startTime: source.startTime,
        people: people.size,
        byRole: { chair: source.chair ? 1 : 0, moderator: source.moderator ? 1 : 0, speaker: speakers.length, rapporteur: rapporteurs.length },
        speakersByGender: {
          female: speakers.filter((k) => gender.get(k) === 'female').length,
          male: speakers.filter((k) => gender.get(k) === 'male').length,
        },
      });
    }

    // Speakers: everyone the agenda has speak (in the demo, exactly those listed as speakers).
    const speakerKeys = new Set(sessions.flatMap((s) => s.speakers ?? []));
    const speakerPeople = demoParticipants.filter((p) => speakerKeys.has(p.key));
    expect(stats.speakers.total).toBe(speakerKeys.size);
    expect(stats.speakers.byGender.female).toBe(speakerPeople.filter((p) => p.gender === 'female').length);
    expect(stats.speakers.byGender.male).toBe(speakerPeople.filter((p) => p.gender === 'male').length);
    expect(sum(stats.speakers.byGender)).toBe(stats.speakers.total);
    expect(sum(stats.speakers.byRegion)).toBe(stats.speakers.total);
    expect(stats.speakers.byRegion.AF).toBe(speakerPeople.filter((p) => ['KE', 'ZA'].includes(p.country)).length);
  });

  it('leaves tombstoned participants, sessions and roles out, and counts them again when restored', async () => {
    const ctx = await tempCore();
    const forum = createDemoForum(ctx);
    const before = participationStats(ctx.db, forum.id);
    const opening = before.bySession[0];
    if (!opening) throw new Error('the demo has sessions');

    // A speaker of the opening session (a Kenyan woman) leaves the list.
    const speaker = ctx.db
      .prepare(
        `SELECT p.id, p.gender, p.country FROM session_roles r JOIN participants p ON p.id = r.participant_id
          WHERE r.session_id = ? AND r.role = 'speaker' AND p.gender = 'female' ORDER BY p.name LIMIT 1`,
      )
      .get(opening.sessionId) as { id: string; gender: string; country: string };
    writeRow(ctx, 'participants', speaker.id, { deleted: 1 });
    const without = participationStats(ctx.db, forum.id);
    expect(without.participants).toBe(199);
    expect(without.byGender.female).toBe(before.byGender.female - 1);
    expect(without.speakers.total).toBe(before.speakers.total - 1);
    expect(without.speakers.byGender.female).toBe(before.speakers.byGender.female - 1);
    const openingAfter = without.bySession.find((s) => s.sessionId === opening.sessionId);
    expect(openingAfter?.people).toBe(opening.people - 1);
    expect(openingAfter?.byRole.speaker).toBe(opening.byRole.speaker - 1);
    expect(openingAfter?.speakersByGender.female).toBe(opening.speakersByGender.female - 1);
    writeRow(ctx, 'participants', speaker.id, { deleted: 0 });
    expect(participationStats(ctx.db, forum.id)).toEqual(before);

    // A session and a role leave the agenda.
    writeRow(ctx, 'sessions', opening.sessionId, { deleted: 1 });
    const noOpening = participationStats(ctx.db, forum.id);
    expect(noOpening.bySession.map((s) => s.sessionId)).not.toContain(opening.sessionId);
    expect(noOpening.bySession).toHaveLength(before.bySession.length - 1);
    writeRow(ctx, 'sessions', opening.sessionId, { deleted: 0 });
    const roleId = ctx.db
      .prepare("SELECT id FROM session_roles WHERE session_id = ? AND role = 'rapporteur' LIMIT 1")
      .pluck()
      .get(opening.sessionId) as string;
    writeRow(ctx, 'session_roles', roleId, { deleted: 1 });
    const noRole = participationStats(ctx.db, forum.id).bySession.find((s) => s.sessionId === opening.sessionId);
    expect(noRole?.byRole.rapporteur).toBe(opening.byRole.rapporteur - 1);
    expect(noRole?.people).toBe(opening.people - 1);
  });

  it('folds organisation names, counts unknowns as unknown, and keeps other forums out', async () => {
    const ctx = await tempCore();
    const forum = createForum(ctx, validForum);
    const other = createForum(ctx, validForum);
    addPerson(ctx, forum.id, { organisation: 'UN-Habitat', org_type: 'un_international', country: 'KE', gender: 'female', roles: ['speaker'] });
    addPerson(ctx, forum.id, { organisation: 'un habitat ', org_type: 'un_international', country: 'KE', gender: 'male' });
    addPerson(ctx, forum.id, { organisation: 'Universidad Autónoma de Yucatán', org_type: 'academia', country: 'MX', gender: 'female' });
    addPerson(ctx, forum.id, { organisation: 'UNIVERSIDAD AUTONOMA DE YUCATAN', org_type: 'academia', country: 'MX' });
    addPerson(ctx, forum.id, { organisation: '', org_type: 'not-a-type', country: '', gender: 'not-a-gender', roles: 'not json' });
    addPerson(ctx, forum.id, { organisation: 'FAO', org_type: 'un_international', country: 'XX', checked_in_at: '2026-03-02T08:10:00Z' });
    addPerson(ctx, other.id, { organisation: 'Elsewhere', org_type: 'media', country: 'FR', gender: 'male' });

    const stats = participationStats(ctx.db, forum.id);
    expect(stats).toMatchObject({ participants: 6, checkedIn: 1, organisations: 3, internationalOrganisations: 2, countries: 3 });
    expect(stats.byOrgType).toMatchObject({ un_international: 3, academia: 2, media: 0, unknown: 1 });
    expect(stats.byGender).toEqual({ female: 2, male: 1, other: 0, undisclosed: 0, unknown: 3 });
    expect(stats.byRole).toMatchObject({ speaker: 1, participant: 0 });
    expect(stats.byCountry).toEqual([
      { country: 'KE', count: 2 },
      { country: 'MX', count: 2 },
      { country: 'XX', count: 1 },
    ]);
    // No country, or a code no continent list knows, is an unknown region.
    expect(stats.byRegion).toMatchObject({ AF: 2, NA: 2, unknown: 2 });
    expect(stats.bySession).toEqual([]);
    expect(stats.speakers).toEqual({
      total: 1,
      byGender: { female: 1, male: 0, other: 0, undisclosed: 0, unknown: 0 },
      byRegion: { AF: 1, AN: 0, AS: 0, EU: 0, NA: 0, OC: 0, SA: 0, unknown: 0 },
    });
  });

  it('takes speakers from the agenda, and from the list only for people the agenda does not place', async () => {
    const ctx = await tempCore();
    const forum = createForum(ctx, validForum);
    const listedOnly = addPerson(ctx, forum.id, { gender: 'female', country: 'BR', roles: ['speaker'] });
    const listedButChairs = addPerson(ctx, forum.id, { gender: 'male', country: 'FR', roles: ['speaker'] });
    const agendaOnly = addPerson(ctx, forum.id, { gender: 'other', country: 'JP', roles: ['participant'] });
    const twice = addPerson(ctx, forum.id, { gender: 'female', country: 'KE', roles: ['speaker', 'chair'] });
    const inBreakOnly = addPerson(ctx, forum.id, { gender: 'undisclosed', country: 'AU', roles: ['speaker'] });
    const plenary = addSession(ctx, forum.id);
    const panel = addSession(ctx, forum.id, 'parallel', { en: 'Panel', es: 'Panel' });
    const lunch = addSession(ctx, forum.id, 'break');
    giveRole(ctx, forum.id, plenary, listedButChairs, 'chair');
    giveRole(ctx, forum.id, plenary, agendaOnly, 'speaker');
    giveRole(ctx, forum.id, plenary, twice, 'speaker');
    giveRole(ctx, forum.id, plenary, twice, 'chair');
    giveRole(ctx, forum.id, panel, twice, 'speaker');
    giveRole(ctx, forum.id, panel, twice, 'speaker');
    giveRole(ctx, forum.id, lunch, inBreakOnly, 'moderator');
    void listedOnly;

    const stats = participationStats(ctx.db, forum.id);
    expect(stats.speakers.total).toBe(4);
    expect(stats.speakers.byGender).toEqual({ female: 2, male: 0, other: 1, undisclosed: 1, unknown: 0 });
    expect(stats.speakers.byRegion).toMatchObject({ SA: 1, AS: 1, AF: 1, OC: 1, EU: 0 });
    // Both sessions start together, so their order is by id: look them up instead.
    const first = stats.bySession.find((s) => s.sessionId === plenary);
    const second = stats.bySession.find((s) => s.sessionId === panel);
    expect(stats.bySession).toHaveLength(2);
    // Someone who chairs and speaks is one person, in both roles; a role given twice counts once.
    expect(first).toMatchObject({ people: 3, byRole: { chair: 2, moderator: 0, speaker: 2, rapporteur: 0 } });
    expect(first?.speakersByGender).toMatchObject({ female: 1, other: 1 });
    expect(second).toMatchObject({ title: { en: 'Panel', es: 'Panel' }, people: 1, byRole: { speaker: 1 } });
  });

  it('answers through the contract, and refuses an unknown forum without changing anything', async () => {
    const ctx = await tempCore();
    const forum = createDemoForum(ctx);
    const result = await dispatch(ctx, 'cli', 'stats:get', { forumId: forum.id });
    expect(result.ok && result.value).toEqual(participationStats(ctx.db, forum.id));
    const before = snapshot(ctx);
    expect(await dispatch(ctx, 'cli', 'stats:get', { forumId: 'no-such-forum' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(ctx, 'cli', 'stats:get', { forumId: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(ctx, 'cli', 'stats:get', { forumId: forum.id, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(snapshot(ctx)).toBe(before);
  });

  it('gives an empty forum zeros everywhere', async () => {
    const ctx = await tempCore();
    const forum = createForum(ctx, validForum);
    const stats = participationStats(ctx.db, forum.id);
    expect(stats).toMatchObject({ participants: 0, checkedIn: 0, organisations: 0, internationalOrganisations: 0, countries: 0, byCountry: [], bySession: [] });
    expect(Object.values(stats.byGender).every((n) => n === 0)).toBe(true);
    expect(stats.speakers.total).toBe(0);
  });
});
