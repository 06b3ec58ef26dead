import { describe, expect, it } from 'vitest';
import type { AgendaSession } from '../../../shared/agenda';
import { preselectedSession, sessionGroups, sessionSpeakers } from '../../../renderer/src/components/capture/captureSessions';

const session = (id: string, day: string, startTime: string, endTime: string, roles: AgendaSession['roles'] = []): AgendaSession => ({
  id,
  day,
  startTime,
  endTime,
  kind: 'parallel',
  title: { en: id },
  room: {},
  description: {},
  roles,
  translations: { title: {}, room: {}, description: {} },
});
const me = 'rapporteur-b';
const mine = [{ participantId: me, role: 'rapporteur' as const, name: 'B' }];
const agenda = [
  session('opening', '2026-11-23', '09:00', '10:30'),
  session('room-a', '2026-11-23', '11:00', '12:30'),
  session('room-b', '2026-11-23', '11:00', '12:30', mine),
  session('day-two', '2026-11-24', '09:00', '10:30', mine),
];

describe('which session the capture screen opens', () => {
  it('prefers the rapporteur’s own session among those happening now', () => {
    expect(preselectedSession(agenda, me, { day: '2026-11-23', time: '11:15' })?.id).toBe('room-b');
    expect(preselectedSession(agenda, null, { day: '2026-11-23', time: '11:15' })?.id).toBe('room-a');
    expect(preselectedSession(agenda, me, { day: '2026-11-23', time: '09:30' })?.id).toBe('opening');
  });

  it('between sessions opens the rapporteur’s next one, and guesses nothing for someone unknown', () => {
    expect(preselectedSession(agenda, me, { day: '2026-11-23', time: '13:00' })?.id).toBe('day-two');
    expect(preselectedSession(agenda, null, { day: '2026-11-23', time: '13:00' })).toBeUndefined();
  });

  it('lists the rapporteur’s sessions first, then the rest by day', () => {
    const { mine: own, byDay } = sessionGroups(agenda, me);
    expect(own.map((s) => s.id)).toEqual(['room-b', 'day-two']);
    expect(byDay.map(([day, list]) => [day, list.map((s) => s.id)])).toEqual([['2026-11-23', ['opening', 'room-a']]]);
  });

  it('offers speakers first, then moderators and chairs, each once, never the rapporteur', () => {
    const roles: AgendaSession['roles'] = [
      { participantId: 'c', role: 'chair', name: 'Chair' },
      { participantId: 'r', role: 'rapporteur', name: 'Rapporteur' },
      { participantId: 's1', role: 'speaker', name: 'First' },
      { participantId: 'm', role: 'moderator', name: 'Moderator' },
      { participantId: 'c', role: 'speaker', name: 'Chair' },
    ];
    expect(sessionSpeakers(session('x', '2026-11-23', '09:00', '10:00', roles)).map((s) => s.id)).toEqual(['s1', 'c', 'm']);
  });
});
