import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../../shared/agenda';
import { agendaWarnings, type WarningSession } from '../../../shared/agendaWarnings';
import { agendaForum, call, createSession, sessionInput } from './agendaFixture';

const forum = { startDate: '2026-03-02', endDate: '2026-03-04', sourceLanguage: 'en' };
const rapporteur = { participantId: 'rapporteur-r', role: 'rapporteur' as const, name: 'Rita' };

function session(id: string, startTime: string, endTime: string, over: Partial<WarningSession> = {}): WarningSession {
  return { id, day: '2026-03-02', startTime, endTime, kind: 'parallel', room: { en: `Room ${id}` }, roles: [rapporteur], ...over };
}
const person = (participantId: string, name: string, role: 'chair' | 'speaker' | 'moderator' = 'speaker') => ({ participantId, role, name });
const ana = person('p-ana', 'Ana');
const wang = person('p-wang', 'Wang');

describe('agendaWarnings', () => {
  it('says nothing about a sound agenda', () => {
    expect(agendaWarnings(forum, [session('a', '09:00', '10:00'), session('b', '10:00', '11:00')])).toEqual([]);
    expect(agendaWarnings(forum, [])).toEqual([]);
  });

  it('finds a person in two overlapping sessions, once per overlapping group', () => {
    const sessions = [
      session('s1', '09:00', '10:30', { roles: [rapporteur, ana, { ...ana, role: 'chair' }] }),
      session('s2', '10:00', '11:00', { roles: [rapporteur, ana, wang] }),
      // Chained through s2: one group for Ana, though s1 and s3 do not touch.
      session('s3', '10:45', '12:00', { roles: [rapporteur, { ...ana, role: 'moderator' }] }),
      // Back to back is not an overlap.
      session('s4', '12:00', '13:00', { roles: [rapporteur, ana, wang] }),
      // Same time, another day.
      session('s5', '09:00', '10:30', { day: '2026-03-03', roles: [rapporteur, ana] }),
      session('s6', '12:30', '13:30', { day: '2026-03-02', roles: [rapporteur, wang] }),
    ];
    const warnings = agendaWarnings(forum, sessions).filter((w) => w.kind === 'personOverlap' && w.participantId !== 'rapporteur-r');
    expect(warnings).toEqual([
      { kind: 'personOverlap', participantId: 'p-ana', name: 'Ana', sessionIds: ['s1', 's2', 's3'] },
      { kind: 'personOverlap', participantId: 'p-wang', name: 'Wang', sessionIds: ['s4', 's6'] },
    ]);
    // The rapporteur is in everything on day one: s1..s3 and s4+s6 overlap for her too.
    expect(agendaWarnings(forum, sessions).filter((w) => w.kind === 'personOverlap' && w.participantId === 'rapporteur-r')).toHaveLength(2);
  });

  it('leaves breaks out of person and room clashes', () => {
    const sessions = [
      session('lunch', '12:00', '13:30', { kind: 'break', room: { en: 'Foyer' }, roles: [ana] }),
      session('side', '12:30', '13:15', { kind: 'side_event', room: { en: 'Foyer' }, roles: [rapporteur, ana] }),
      session('coffee', '12:00', '12:30', { kind: 'break', room: { en: 'foyer' }, roles: [] }),
    ];
    expect(agendaWarnings(forum, sessions)).toEqual([]);
  });

  it('finds a room booked twice, comparing the source-language name folded for case and spaces', () => {
    const sessions = [
      session('a', '09:00', '10:30', { room: { en: 'Hall A', es: 'Sala A' } }),
      session('b', '10:00', '11:00', { room: { en: '  hall   a ', es: 'Salón A' } }),
      session('c', '10:00', '11:00', { room: { en: 'Hall B' } }),
      session('d', '11:00', '11:30', { room: { en: 'Hall B' } }),
      session('e', '09:00', '10:30', { day: '2026-03-03', room: { en: 'HALL A' } }),
      session('f', '09:00', '10:30', { room: {} }),
      session('g', '09:00', '10:30', { room: {} }),
    ];
    const rooms = (list: WarningSession[]) => agendaWarnings(forum, list).filter((w) => w.kind === 'roomDoubleBooked');
    expect(rooms(sessions)).toEqual([{ kind: 'roomDoubleBooked', room: 'Hall A', sessionIds: ['a', 'b'] }]);
    // A room with no source-language name is known by its name in another language.
    const translatedOnly = [session('x', '09:00', '10:00', { room: { es: 'Sala 3' } }), session('y', '09:30', '10:30', { room: { es: 'sala 3' } })];
    expect(rooms(translatedOnly)).toEqual([{ kind: 'roomDoubleBooked', room: 'Sala 3', sessionIds: ['x', 'y'] }]);
  });

  it('finds sessions outside the forum dates, breaks included', () => {
    const sessions = [
      session('before', '09:00', '10:00', { day: '2026-03-01' }),
      session('first', '09:00', '10:00', { day: '2026-03-02' }),
      session('last', '09:00', '10:00', { day: '2026-03-04' }),
      session('after', '09:00', '10:00', { day: '2026-03-05', kind: 'break', roles: [] }),
    ];
    expect(agendaWarnings(forum, sessions)).toEqual([{ kind: 'outsideForumDates', sessionIds: ['before', 'after'] }]);
  });

  it('finds sessions with no rapporteur, breaks excepted', () => {
    const sessions = [
      session('b', '11:00', '12:00', { roles: [ana] }),
      session('a', '09:00', '10:00', { roles: [] }),
      session('coffee', '10:00', '10:30', { kind: 'break', roles: [] }),
      session('ok', '13:00', '14:00'),
    ];
    expect(agendaWarnings(forum, sessions)).toEqual([{ kind: 'noRapporteur', sessionIds: ['a', 'b'] }]);
  });

  it('gives the same warnings in the same order whatever order the sessions come in', () => {
    const sessions = [
      session('s1', '09:00', '10:30', { roles: [ana, wang], room: { en: 'Hall' } }),
      session('s2', '10:00', '11:00', { roles: [rapporteur, ana, wang], room: { en: 'Hall' }, day: '2026-03-02' }),
      session('s3', '08:00', '09:00', { day: '2026-03-09', roles: [] }),
    ];
    const expected = agendaWarnings(forum, sessions);
    expect(expected.map((w) => w.kind)).toEqual(['personOverlap', 'personOverlap', 'roomDoubleBooked', 'outsideForumDates', 'noRapporteur']);
    expect(expected[0]).toMatchObject({ name: 'Ana' });
    expect(agendaWarnings(forum, [...sessions].reverse())).toEqual(expected);
  });

  // The same agenda times the check in npm run bench (test/bench/benchChecks.ts); here, what it finds.
  it('finds no false clashes among 500 sessions and 2,000 roles in 25 rooms a slot', () => {
    const sessions: WarningSession[] = [];
    for (let i = 0; i < 500; i++) {
      const hour = String(8 + (Math.floor(i / 25) % 10)).padStart(2, '0');
      sessions.push(
        session(`s${i}`, `${hour}:00`, `${hour}:50`, {
          day: `2026-03-0${2 + (Math.floor(i / 250) % 3)}`,
          room: { en: `Room ${i % 25}` },
          roles: [0, 1, 2, 3].map((k) => person(`p${(i * 4 + k) % 1500}`, `Person ${(i * 4 + k) % 1500}`)),
        }),
      );
    }
    // Each slot fills 25 rooms once, and a person's sessions are hours apart: only the missing rapporteurs.
    const warnings = agendaWarnings(forum, sessions);
    expect(warnings.map((w) => w.kind)).toEqual(['noRapporteur']);
    expect(new Set(warnings[0]?.sessionIds)).toEqual(new Set(sessions.map((s) => s.id)));
  });
});

describe('agenda warnings in the store', () => {
  it('finds nothing wrong with the demo forum, and no false dates', async () => {
    const { ctx } = await agendaForum();
    const demo = await call<{ id: string }>(ctx, 'demo:create', {});
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId: demo.id });
    expect(agenda.warnings.filter((w) => w.kind === 'outsideForumDates')).toEqual([]);
    expect(agenda.warnings).toEqual([]);
  });

  it('warns when a speaker is given two overlapping sessions', async () => {
    const { ctx, forum, people } = await agendaForum();
    const [anaId = '', wangId = ''] = people;
    const roles = [
      { participantId: anaId, role: 'speaker' as const },
      { participantId: wangId, role: 'rapporteur' as const },
    ];
    const one = await createSession(ctx, forum.id, sessionInput({ roles, room: { en: 'Hall A' } }));
    const two = await createSession(ctx, forum.id, sessionInput({ startTime: '10:00', endTime: '11:00', room: { en: 'Hall B' }, roles: [{ participantId: anaId, role: 'speaker' }] }));
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId: forum.id });
    expect(agenda.warnings).toEqual([
      { kind: 'personOverlap', participantId: anaId, name: 'Ana García', sessionIds: [one.id, two.id] },
      { kind: 'noRapporteur', sessionIds: [two.id] },
    ]);
  });
});
