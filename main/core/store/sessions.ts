import type { Database } from 'better-sqlite3';
import { newRowId } from '../../../shared/rowIds';
import type { SessionInput } from '../../../shared/agenda';
import type { Forum } from '../../../shared/forum';
import type { FieldIssue } from '../../../shared/result';
import { CoreError } from '../errors';
import { writeRow, type Writer } from './changeLog';
import { getForum } from './forums';

const textFields = ['title', 'room', 'description'] as const;

interface SessionRow {
  id: string;
  forum_id: string;
  day: string;
  start_time: string;
  end_time: string;
  kind: string;
  title: string;
  room: string;
  description: string;
  deleted: number;
}

interface RoleRow {
  id: string;
  participant_id: string;
  role: string;
  deleted: number;
}

/** A session as stored, tombstoned or not; not_found when the id names none. */
export function getSessionRow(db: Database, id: string): SessionRow {
  const row = db
    .prepare('SELECT id, forum_id, day, start_time, end_time, kind, title, room, description, deleted FROM sessions WHERE id = ?')
    .get(id) as SessionRow | undefined;
  if (!row) throw new CoreError('not_found', `No session with id ${id}.`);
  return row;
}

/** The forum of a live session; a tombstoned one is not there to edit (undo its deletion first). */
function liveSession(db: Database, id: string): { row: SessionRow; forum: Forum } {
  const row = getSessionRow(db, id);
  if (row.deleted) throw new CoreError('not_found', `Session ${id} was deleted; restore it before editing.`);
  return { row, forum: getForum(db, row.forum_id) };
}

/**
 * What zod cannot know: the forum's working languages, its source language, and who takes part in
 * it. Every problem is reported at once, each at the path of the field the form shows it beside.
 */
export function checkSessionInput(db: Database, forum: Forum, input: SessionInput): void {
  const issues: FieldIssue[] = [];
  const problems: string[] = [];
  for (const field of textFields) {
    for (const lang of Object.keys(input[field])) {
      if (!forum.languages.includes(lang)) {
        issues.push({ path: `${field}.${lang}`, message: 'validation.notWorkingLanguage' });
        problems.push(`${field}.${lang} is in a language that is not one of the forum's working languages (${forum.languages.join(', ')})`);
      }
    }
  }
  if (!input.title[forum.sourceLanguage]) {
    issues.push({ path: `title.${forum.sourceLanguage}`, message: 'validation.sessionTitleRequired' });
    problems.push(`the title in the forum's source language (${forum.sourceLanguage}) is required`);
  }
  const live = db.prepare('SELECT 1 FROM participants WHERE id = ? AND forum_id = ? AND deleted = 0').pluck();
  input.roles.forEach((role, index) => {
    if (!live.get(role.participantId, forum.id)) {
      issues.push({ path: `roles.${index}.participantId`, message: 'validation.invalid' });
      problems.push(`roles.${index}: no participant ${role.participantId} in this forum`);
    }
  });
  if (issues.length > 0) {
    throw new CoreError('invalid_input', `The session cannot be saved: ${problems.join('; ')}.`, issues);
  }
}

/** Multilingual text without blank languages: a blank field means "no text in that language". */
function nonBlank(text: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(text).filter(([, value]) => value !== ''));
}

/** Languages whose text differs; a language the input leaves out (or blanks) is cleared. */
function textDiff(before: Record<string, string>, after: Record<string, string>): Record<string, string> | undefined {
  const diff: Record<string, string> = {};
  for (const lang of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if ((before[lang] ?? '') !== (after[lang] ?? '')) diff[lang] = after[lang] ?? '';
  }
  return Object.keys(diff).length > 0 ? diff : undefined;
}

export function createSession(writer: Writer, forumId: string, input: SessionInput): string {
  const forum = getForum(writer.db, forumId);
  checkSessionInput(writer.db, forum, input);
  const id = newRowId();
  writer.db.transaction(() => {
    writeRow(writer, 'sessions', id, {
      forum_id: forum.id,
      day: input.day,
      start_time: input.startTime,
      end_time: input.endTime,
      kind: input.kind,
      title: nonBlank(input.title),
      room: nonBlank(input.room),
      description: nonBlank(input.description),
      deleted: 0,
    });
    writeRoles(writer, forum.id, id, input.roles);
  })();
  return id;
}

/**
 * Records only the cells that changed, so an edit of the title on one laptop does not overwrite a
 * concurrent change of the room made on another.
 */
export function updateSession(writer: Writer, id: string, input: SessionInput): void {
  const { row, forum } = liveSession(writer.db, id);
  checkSessionInput(writer.db, forum, input);
  const changed: Record<string, unknown> = {};
  const scalars: Array<[string, string, string]> = [
    ['day', row.day, input.day],
    ['start_time', row.start_time, input.startTime],
    ['end_time', row.end_time, input.endTime],
    ['kind', row.kind, input.kind],
  ];
  for (const [column, before, after] of scalars) {
    if (before !== after) changed[column] = after;
  }
  for (const field of textFields) {
    const diff = textDiff(JSON.parse(row[field]) as Record<string, string>, input[field]);
    if (diff) changed[field] = diff;
  }
  writer.db.transaction(() => {
    writeRow(writer, 'sessions', id, changed);
    writeRoles(writer, forum.id, id, input.roles);
  })();
}

/**
 * Makes the session's live roles exactly `roles`: one row per participant and role, reusing the
 * row a person already had (live, or tombstoned when they were taken off and put back) so that
 * two laptops editing the same session agree on one row instead of adding twins.
 */
function writeRoles(writer: Writer, forumId: string, sessionId: string, roles: SessionInput['roles']): void {
  const existing = writer.db
    .prepare('SELECT id, participant_id, role, deleted FROM session_roles WHERE session_id = ? ORDER BY deleted, id')
    .all(sessionId) as RoleRow[];
  const byKey = new Map<string, RoleRow[]>();
  for (const row of existing) {
    const key = `${row.participant_id}/${row.role}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const wanted = new Set(roles.map((r) => `${r.participantId}/${r.role}`));
  for (const role of roles) {
    const [keep] = byKey.get(`${role.participantId}/${role.role}`) ?? [];
    if (!keep) {
      writeRow(writer, 'session_roles', newRowId(), {
        forum_id: forumId,
        session_id: sessionId,
        participant_id: role.participantId,
        role: role.role,
        deleted: 0,
      });
    } else if (keep.deleted) {
      writeRow(writer, 'session_roles', keep.id, { deleted: 0 });
    }
  }
  // Rows no longer wanted, and live twins that a sync may have brought, are tombstoned.
  for (const [key, rows] of byKey) {
    rows.forEach((row, index) => {
      if (!row.deleted && (!wanted.has(key) || index > 0)) writeRow(writer, 'session_roles', row.id, { deleted: 1 });
    });
  }
}

/** Tombstone, or undo of one. The roles stay as they were, so an undo brings them back too. */
export function setSessionDeleted(writer: Writer, id: string, deleted: boolean): void {
  const row = getSessionRow(writer.db, id);
  getForum(writer.db, row.forum_id);
  if (Boolean(row.deleted) !== deleted) writeRow(writer, 'sessions', id, { deleted: deleted ? 1 : 0 });
}
