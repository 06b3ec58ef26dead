import type { AgendaSession, AgendaWarning } from './agenda';
import type { Forum } from './forum';
import { pickText } from './multilingual';

/** What the warnings look at; an AgendaSession, or a session being edited in a form, will do. */
export type WarningSession = Pick<AgendaSession, 'id' | 'day' | 'startTime' | 'endTime' | 'kind' | 'room' | 'roles'>;
export type WarningForum = Pick<Forum, 'startDate' | 'endDate' | 'sourceLanguage'>;
type PersonOverlap = Extract<AgendaWarning, { kind: 'personOverlap' }>;
type RoomDoubleBooked = Extract<AgendaWarning, { kind: 'roomDoubleBooked' }>;

/** Agenda order: day, start time, then id, so equal slots still come out the same everywhere. */
export function compareSessions(a: WarningSession, b: WarningSession): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  if (a.startTime !== b.startTime) return a.startTime < b.startTime ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** "Hall A", "hall  a " and "HALL A" are one room. */
export function foldRoom(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Runs of sessions (already in agenda order) whose times overlap on the same day, chained: a
 * session joins the run while it starts before the latest end so far. One sweep, no pairs.
 */
function overlappingRuns(sessions: readonly WarningSession[]): WarningSession[][] {
  const runs: WarningSession[][] = [];
  let run: WarningSession[] = [];
  let runEnd = '';
  for (const session of sessions) {
    const first = run[0];
    if (first && first.day === session.day && session.startTime < runEnd) {
      run.push(session);
      if (session.endTime > runEnd) runEnd = session.endTime;
      continue;
    }
    if (run.length > 1) runs.push(run);
    run = [session];
    runEnd = session.endTime;
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

const ids = (sessions: readonly WarningSession[]) => sessions.map((s) => s.id);

/**
 * Everything in an agenda that someone should look at before the forum: a person due in two
 * places at once, a room booked twice, a session outside the forum's dates, a session nobody
 * reports on. Pure, deterministic (warnings in agenda order of their first session), and a sort
 * plus linear sweeps, so it stays instant for an agenda of hundreds of sessions.
 */
export function agendaWarnings(forum: WarningForum, sessions: readonly WarningSession[]): AgendaWarning[] {
  const ordered = [...sessions].sort(compareSessions);
  const rank = new Map(ordered.map((s, index) => [s.id, index]));
  const rankOf = (w: { sessionIds: string[] }) => rank.get(w.sessionIds[0] ?? '') ?? 0;

  // Breaks have no speakers to double-book and share the foyer by design.
  const people = new Map<string, { name: string; sessions: WarningSession[] }>();
  const rooms = new Map<string, { room: string; sessions: WarningSession[] }>();
  for (const session of ordered) {
    if (session.kind === 'break') continue;
    for (const role of session.roles) {
      const person = people.get(role.participantId) ?? { name: role.name, sessions: [] };
      // Two roles in one session (chair and speaker) are not a clash; sessions arrive in order.
      if (person.sessions.at(-1) !== session) person.sessions.push(session);
      people.set(role.participantId, person);
    }
    const room = pickText(session.room, forum.sourceLanguage, forum.sourceLanguage).text;
    const key = foldRoom(room);
    if (key === '') continue;
    const booked = rooms.get(key) ?? { room: room.trim(), sessions: [] };
    booked.sessions.push(session);
    rooms.set(key, booked);
  }

  const personOverlaps: PersonOverlap[] = [];
  for (const [participantId, person] of people) {
    for (const run of overlappingRuns(person.sessions)) {
      personOverlaps.push({ kind: 'personOverlap', participantId, name: person.name, sessionIds: ids(run) });
    }
  }
  personOverlaps.sort((a, b) => {
    const byRank = rankOf(a) - rankOf(b);
    if (byRank !== 0) return byRank;
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    return a.participantId < b.participantId ? -1 : 1;
  });

  const roomClashes: RoomDoubleBooked[] = [];
  for (const booked of rooms.values()) {
    for (const run of overlappingRuns(booked.sessions)) {
      roomClashes.push({ kind: 'roomDoubleBooked', room: booked.room, sessionIds: ids(run) });
    }
  }
  roomClashes.sort((a, b) => rankOf(a) - rankOf(b) || (a.room < b.room ? -1 : a.room > b.room ? 1 : 0));

  const warnings: AgendaWarning[] = [...personOverlaps, ...roomClashes];
  const outside = ordered.filter((s) => (forum.startDate !== '' && s.day < forum.startDate) || (forum.endDate !== '' && s.day > forum.endDate));
  if (outside.length > 0) warnings.push({ kind: 'outsideForumDates', sessionIds: ids(outside) });
  const unreported = ordered.filter((s) => s.kind !== 'break' && !s.roles.some((r) => r.role === 'rapporteur'));
  if (unreported.length > 0) warnings.push({ kind: 'noRapporteur', sessionIds: ids(unreported) });
  return warnings;
}
