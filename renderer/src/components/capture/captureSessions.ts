import type { AgendaSession } from '../../../../shared/agenda';
import { nowAndNext, type ForumMoment } from '../agenda/agendaTime';

export function isMine(session: AgendaSession, me: string | null): boolean {
  return me !== null && session.roles.some((role) => role.participantId === me);
}

/**
 * The session to open when none was asked for: one happening now (the rapporteur's own first),
 * else the rapporteur's next one. Nothing when neither exists: a guess would put notes in the
 * wrong session.
 */
export function preselectedSession(sessions: readonly AgendaSession[], me: string | null, moment: ForumMoment): AgendaSession | undefined {
  const { now } = nowAndNext(sessions, moment);
  const nowMine = now.find((s) => isMine(s, me));
  if (nowMine) return nowMine;
  if (now[0]) return now[0];
  const mine = sessions.filter((s) => isMine(s, me));
  return nowAndNext(mine, moment).next[0];
}

/** The rapporteur's sessions first, then every other by day and time (the agenda's order). */
export function sessionGroups(sessions: readonly AgendaSession[], me: string | null): { mine: AgendaSession[]; byDay: [string, AgendaSession[]][] } {
  const mine: AgendaSession[] = [];
  const byDay = new Map<string, AgendaSession[]>();
  for (const session of sessions) {
    if (isMine(session, me)) {
      mine.push(session);
      continue;
    }
    const day = byDay.get(session.day);
    if (day) day.push(session);
    else byDay.set(session.day, [session]);
  }
  return { mine, byDay: [...byDay.entries()] };
}

/** Who may be attributed from the agenda: speakers first, then moderators and chairs. */
export function sessionSpeakers(session: AgendaSession): { id: string; name: string; role: string }[] {
  const order = ['speaker', 'moderator', 'chair'];
  const seen = new Set<string>();
  return session.roles
    .filter((role) => order.includes(role.role))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .filter((role) => !seen.has(role.participantId) && seen.add(role.participantId))
    .map((role) => ({ id: role.participantId, name: role.name, role: role.role }));
}
