import type { Database } from 'better-sqlite3';
import { sessionRoles, type Agenda, type AgendaSession, type SessionRole, type TranslationState } from '../../../shared/agenda';
import { agendaWarnings } from '../../../shared/agendaWarnings';
import type { Forum } from '../../../shared/forum';
import { CoreError } from '../errors';
import { getForum } from './forums';
import type { Writer } from './changeLog';
import { getSetting, setSetting } from './settings';

interface SessionRow {
  id: string;
  day: string;
  start_time: string;
  end_time: string;
  kind: AgendaSession['kind'];
  title: string;
  room: string;
  description: string;
}

interface RoleRow {
  session_id: string;
  participant_id: string;
  role: SessionRole;
  name: string | null;
}

type Texts = Pick<AgendaSession, 'title' | 'room' | 'description'>;
/** Per session row, per cell (`title@zh`), the clock of its newest change. */
type CellClocks = Map<string, Map<string, string>>;

const sessionColumns = 'id, day, start_time, end_time, kind, title, room, description';
// Roles of tombstoned people, or of people from another forum (only a sync could bring those),
// are not shown: the session form would have no one to show them as.
const roleSelect = `SELECT r.session_id, r.participant_id, r.role, p.name
  FROM sessions s
  JOIN session_roles r ON r.session_id = s.id AND r.deleted = 0
  JOIN participants p ON p.id = r.participant_id AND p.deleted = 0 AND p.forum_id = s.forum_id`;

// Per device: each laptop's user says who they are, and that never travels in a bundle.
const meKey = (forumId: string) => `agenda.me.${forumId}`;

/** The whole agenda of a forum as `agenda:get` answers it: sessions in order, warnings, and "me". */
export function agendaView(db: Database, deviceId: string, forumId: string): Agenda {
  const forum = getForum(db, forumId);
  const rows = db
    .prepare(`SELECT ${sessionColumns} FROM sessions WHERE forum_id = ? AND deleted = 0 ORDER BY day, start_time, id`)
    .all(forum.id) as SessionRow[];
  const roles = db.prepare(`${roleSelect} WHERE s.forum_id = ? AND s.deleted = 0`).all(forum.id) as RoleRow[];
  const changes = db
    .prepare("SELECT row_id, hlc, cells FROM changes WHERE tbl = 'sessions' AND forum_id = ?")
    .all(forum.id) as ChangeRow[];
  const sessions = toSessions(forum, rows, roles, newestPerCell(changes));
  return { forum, sessions, warnings: agendaWarnings(forum, sessions), me: agendaMe(db, deviceId, forum.id) };
}

/** One live session, as the agenda shows it (what `sessions:create` and `sessions:update` answer). */
export function agendaSession(db: Database, id: string): AgendaSession {
  const row = db.prepare(`SELECT ${sessionColumns}, forum_id FROM sessions WHERE id = ? AND deleted = 0`).get(id) as
    | (SessionRow & { forum_id: string })
    | undefined;
  if (!row) throw new CoreError('not_found', `No session with id ${id}.`);
  const forum = getForum(db, row.forum_id);
  const roles = db.prepare(`${roleSelect} WHERE s.id = ?`).all(id) as RoleRow[];
  const changes = db.prepare("SELECT row_id, hlc, cells FROM changes WHERE tbl = 'sessions' AND row_id = ?").all(id) as ChangeRow[];
  const [session] = toSessions(forum, [row], roles, newestPerCell(changes));
  if (!session) throw new CoreError('not_found', `No session with id ${id}.`);
  return session;
}

/** The participant this device's user said they are, while they are still in the forum. */
export function agendaMe(db: Database, deviceId: string, forumId: string): string | null {
  const me = getSetting(db, deviceId, meKey(forumId));
  return me && isLiveParticipant(db, me, forumId) ? me : null;
}

/** Remembers (or, with null, forgets) who this device's user is in the forum. */
export function setAgendaMe(writer: Writer, forumId: string, participantId: string | null): string | null {
  getForum(writer.db, forumId);
  if (participantId !== null && !isLiveParticipant(writer.db, participantId, forumId)) {
    throw new CoreError('not_found', `No participant ${participantId} in forum ${forumId}.`);
  }
  // settings hold text: an empty value is "nobody".
  if ((getSetting(writer.db, writer.deviceId, meKey(forumId)) ?? '') !== (participantId ?? '')) {
    setSetting(writer, meKey(forumId), participantId ?? '');
  }
  return participantId;
}

function isLiveParticipant(db: Database, participantId: string, forumId: string): boolean {
  return db.prepare('SELECT 1 FROM participants WHERE id = ? AND forum_id = ? AND deleted = 0').get(participantId, forumId) !== undefined;
}

interface ChangeRow {
  row_id: string;
  hlc: string;
  cells: string;
}

/** Folds the log into the newest clock per multilingual cell; one pass, whatever the order. */
function newestPerCell(changes: ChangeRow[]): CellClocks {
  const clocks: CellClocks = new Map();
  for (const change of changes) {
    let row = clocks.get(change.row_id);
    for (const cell of Object.keys(JSON.parse(change.cells) as Record<string, unknown>)) {
      if (!cell.includes('@')) continue;
      if (!row) {
        row = new Map();
        clocks.set(change.row_id, row);
      }
      const seen = row.get(cell);
      if (seen === undefined || change.hlc > seen) row.set(cell, change.hlc);
    }
  }
  return clocks;
}

/**
 * Missing: the source language has text, this one none. Outdated: the source text was changed
 * after this translation was last edited (by clock, so edits on other laptops count in order).
 */
function translationStates(forum: Forum, field: string, text: Record<string, string>, clocks: Map<string, string> | undefined) {
  const states: Record<string, TranslationState> = {};
  const source = forum.sourceLanguage;
  if (!text[source]) return states;
  const sourceClock = clocks?.get(`${field}@${source}`) ?? '';
  for (const lang of forum.languages) {
    if (lang === source) continue;
    if (!text[lang]) states[lang] = 'missing';
    else states[lang] = sourceClock > (clocks?.get(`${field}@${lang}`) ?? '') ? 'outdated' : 'current';
  }
  return states;
}

const roleOrder = new Map(sessionRoles.map((role, index) => [role, index]));
// A fixed locale, so every laptop lists a session's speakers in the same order.
const byName = new Intl.Collator('en');

function toSessions(forum: Forum, rows: SessionRow[], roleRows: RoleRow[], clocks: CellClocks): AgendaSession[] {
  const rolesOf = new Map<string, AgendaSession['roles']>();
  const seen = new Set<string>();
  for (const r of roleRows) {
    // Two laptops may each have added the same person in the same role: show them once.
    const key = `${r.session_id}/${r.participant_id}/${r.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = rolesOf.get(r.session_id) ?? [];
    list.push({ participantId: r.participant_id, role: r.role, name: r.name ?? '' });
    rolesOf.set(r.session_id, list);
  }
  for (const list of rolesOf.values()) {
    list.sort(
      (a, b) =>
        (roleOrder.get(a.role) ?? 0) - (roleOrder.get(b.role) ?? 0) ||
        byName.compare(a.name, b.name) ||
        (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0),
    );
  }
  return rows.map((row) => {
    const texts: Texts = {
      title: JSON.parse(row.title) as Record<string, string>,
      room: JSON.parse(row.room) as Record<string, string>,
      description: JSON.parse(row.description) as Record<string, string>,
    };
    const rowClocks = clocks.get(row.id);
    return {
      id: row.id,
      day: row.day,
      startTime: row.start_time,
      endTime: row.end_time,
      kind: row.kind,
      ...texts,
      roles: rolesOf.get(row.id) ?? [],
      translations: {
        title: translationStates(forum, 'title', texts.title, rowClocks),
        room: translationStates(forum, 'room', texts.room, rowClocks),
        description: translationStates(forum, 'description', texts.description, rowClocks),
      },
    };
  });
}
