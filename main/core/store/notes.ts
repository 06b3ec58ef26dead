import type { Database } from 'better-sqlite3';
import { newRowId } from '../../../shared/rowIds';
import type { z } from 'zod';
import type { Note, noteCreate, noteUpdate } from '../../../shared/capture';
import type { FieldIssue } from '../../../shared/result';
import { isKnownTag } from '../capture/catalogues';
import { CoreError } from '../errors';
import { writeRow, type RowValues, type Writer } from './changeLog';
import { rowHistory } from './rowHistory';
import { cellHeads } from './proseHeads';
import { cachedStatement } from './cachedStatement';

export type NoteCreateInput = z.output<typeof noteCreate>;
export type NoteUpdateInput = z.output<typeof noteUpdate>;

interface NoteRow {
  id: string;
  forum_id: string;
  session_id: string | null;
  speaker_id: string | null;
  speaker_name: string | null;
  lang: string | null;
  text: string | null;
  created_at: string | null;
  tags: string;
  key_point: number;
  author: string | null;
  deleted: number;
  /** The listed speaker's name, joined in. */
  participant_name: string | null;
}

const prepare = cachedStatement;

const selectNote = `SELECT n.id, n.forum_id, n.session_id, n.speaker_id, n.speaker_name, n.lang, n.text, n.created_at,
    n.tags, n.key_point, n.author, n.deleted, p.name AS participant_name
  FROM notes n LEFT JOIN participants p ON p.id = n.speaker_id`;

/**
 * Notes whose text may have concurrent versions: only a row that more than one laptop wrote can
 * have two heads, and telling that costs two index seeks instead of reading the row's history.
 */
const writtenByOthers = `(SELECT min(device) FROM changes WHERE tbl = 'notes' AND row_id = n.id)
  <> (SELECT max(device) FROM changes WHERE tbl = 'notes' AND row_id = n.id)`;

function parseTags(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Versions of the text beyond the one shown: edits made concurrently on other laptops. */
function otherVersions(db: Database, noteId: string): string[] {
  return cellHeads('notes', 'text', rowHistory(db, 'notes', noteId))
    .slice(1)
    .map((c) => String(c.cells.text ?? ''));
}

function toNote(row: NoteRow, deviceId: string, alternatives: string[], keyMessageIds: string[]): Note {
  return {
    id: row.id,
    sessionId: row.session_id ?? '',
    speakerId: row.speaker_id,
    speakerName: (row.speaker_id ? row.participant_name : null) ?? row.speaker_name ?? '',
    lang: row.lang ?? '',
    text: row.text ?? '',
    createdAt: row.created_at ?? '',
    tags: parseTags(row.tags),
    keyPoint: row.key_point === 1,
    mine: row.author !== null && row.author === deviceId,
    alternatives,
    keyMessageIds,
  };
}

/** Live key messages citing each note, in the session's order of messages. */
function keyMessagesBy(rows: Array<{ note_id: string; key_message_id: string }>): Map<string, string[]> {
  const byNote = new Map<string, string[]>();
  for (const { note_id: noteId, key_message_id: messageId } of rows) {
    const ids = byNote.get(noteId) ?? [];
    if (!ids.includes(messageId)) ids.push(messageId);
    byNote.set(noteId, ids);
  }
  return byNote;
}

export interface NotesPage {
  /** The oldest note already shown; omitted for the newest page. */
  before?: { createdAt: string; id: string } | undefined;
  /** At most this many notes; omitted for all of them. */
  limit?: number | undefined;
}

/**
 * The session's live notes in the order they were started (ties by id). With a limit, only the
 * newest `limit` notes older than `before`: read newest first down notes_by_forum_session so that the
 * first screen of a 10,000-note session costs a page, not the whole session.
 */
export function listNotes(db: Database, deviceId: string, sessionId: string, page: NotesPage = {}): Note[] {
  const session = prepare(db, 'SELECT forum_id FROM sessions WHERE id = ?').get(sessionId) as { forum_id: string } | undefined;
  if (!session) throw new CoreError('not_found', `No session with id ${sessionId}.`);
  const rows = pageRows(db, session.forum_id, sessionId, page);
  // Ids as one JSON parameter: the page's citations and concurrent versions cost index seeks per note.
  const ids = JSON.stringify(rows.map((r) => r.id));
  const cited = keyMessagesBy(
    prepare(
      db,
      `SELECT s.note_id, s.key_message_id FROM key_message_sources s
         JOIN key_messages k ON k.id = s.key_message_id AND k.deleted = 0
        WHERE s.note_id IN (SELECT value FROM json_each(?)) AND s.deleted = 0 ORDER BY k.position, k.id`,
    ).all(ids) as Array<{ note_id: string; key_message_id: string }>,
  );
  const contested = new Set(
    prepare(db, `SELECT n.id FROM notes n WHERE n.id IN (SELECT value FROM json_each(?)) AND ${writtenByOthers}`).pluck().all(ids) as string[],
  );
  return rows.map((row) => toNote(row, deviceId, contested.has(row.id) ? otherVersions(db, row.id) : [], cited.get(row.id) ?? []));
}

function pageRows(db: Database, forumId: string, sessionId: string, { before, limit }: NotesPage): NoteRow[] {
  // A session's notes are its forum's: a note that names another forum's session is not listed.
  const ofSession = 'n.forum_id = ? AND n.session_id = ? AND n.deleted = 0';
  if (limit === undefined && before === undefined) {
    return prepare(db, `${selectNote} WHERE ${ofSession} ORDER BY n.created_at, n.id`).all(forumId, sessionId) as NoteRow[];
  }
  // `created_at <= ?` is the range notes_by_forum_session seeks on; the OR then drops the ties at or after the cursor's id.
  const rows = before
    ? (prepare(
        db,
        `${selectNote} WHERE ${ofSession} AND n.created_at <= ? AND (n.created_at < ? OR n.id < ?)
          ORDER BY n.created_at DESC, n.id DESC LIMIT ?`,
      ).all(forumId, sessionId, before.createdAt, before.createdAt, before.id, limit ?? -1) as NoteRow[])
    : (prepare(db, `${selectNote} WHERE ${ofSession} ORDER BY n.created_at DESC, n.id DESC LIMIT ?`).all(
        forumId,
        sessionId,
        limit ?? -1,
      ) as NoteRow[]);
  return rows.reverse();
}

function noteRow(db: Database, id: string): NoteRow | undefined {
  return prepare(db, `${selectNote} WHERE n.id = ?`).get(id) as NoteRow | undefined;
}

/** One note as the list shows it, tombstoned or not. */
export function getNote(db: Database, deviceId: string, id: string): Note {
  const row = noteRow(db, id);
  if (!row) throw new CoreError('not_found', `No note with id ${id}.`);
  const contested = prepare(db, `SELECT 1 FROM notes n WHERE n.id = ? AND ${writtenByOthers}`).pluck().get(id);
  const cited = prepare(
    db,
    `SELECT s.key_message_id FROM key_message_sources s JOIN key_messages k ON k.id = s.key_message_id AND k.deleted = 0
      WHERE s.note_id = ? AND s.deleted = 0 ORDER BY k.position, k.id`,
  )
    .pluck()
    .all(id) as string[];
  return toNote(row, deviceId, contested ? otherVersions(db, id) : [], [...new Set(cited)]);
}

/**
 * What zod cannot know: that the speaker is a live participant of the session's forum and that
 * each catalogue tag names an item we ship. Every problem is reported at once, at its field.
 */
function checkDetails(db: Database, forumId: string, input: { speakerId?: string | null; tags?: string[] }): void {
  const issues: FieldIssue[] = [];
  const problems: string[] = [];
  if (input.speakerId) {
    const live = prepare(db, 'SELECT 1 FROM participants WHERE id = ? AND forum_id = ? AND deleted = 0').pluck().get(input.speakerId, forumId);
    if (!live) {
      issues.push({ path: 'speakerId', message: 'validation.invalid' });
      problems.push(`no participant ${input.speakerId} in this forum`);
    }
  }
  input.tags?.forEach((tag, index) => {
    if (!isKnownTag(tag)) {
      issues.push({ path: `tags.${index}`, message: 'validation.tag' });
      problems.push(`tags.${index}: ${tag} is not in the SDG, New Urban Agenda or URL-GP catalogue`);
    }
  });
  if (issues.length > 0) throw new CoreError('invalid_input', `The note cannot be saved: ${problems.join('; ')}.`, issues);
}

/** Only the laptop that wrote a note edits or deletes it; a note is one person's record. */
function ownNote(writer: Writer, id: string): NoteRow {
  const row = noteRow(writer.db, id);
  if (!row) throw new CoreError('not_found', `No note with id ${id}.`);
  if (row.author !== writer.deviceId) {
    throw new CoreError('invalid_input', 'This note was written on another laptop: only its author can edit or delete it.', [
      { path: 'id', message: 'validation.notYours' },
    ]);
  }
  return row;
}

function liveOwnNote(writer: Writer, id: string): NoteRow {
  const row = ownNote(writer, id);
  if (row.deleted) throw new CoreError('not_found', `Note ${id} was deleted; restore it before editing.`);
  return row;
}

const uniqueTags = (tags: string[]) => [...new Set(tags)];

/**
 * Starts a note. A client may name the note's id so that a save retried after a lost answer
 * finds the note it already made: the retry applies its text and makes nothing new.
 */
export function createNote(writer: Writer, input: NoteCreateInput): Note {
  const db = writer.db;
  const session = prepare(db, 'SELECT forum_id, deleted FROM sessions WHERE id = ?').get(input.sessionId) as
    | { forum_id: string; deleted: number }
    | undefined;
  if (!session) throw new CoreError('not_found', `No session with id ${input.sessionId}.`);
  if (session.deleted) throw new CoreError('not_found', `Session ${input.sessionId} was deleted; restore it before taking notes.`);
  checkDetails(db, session.forum_id, input);
  const id = input.id ?? newRowId();
  db.transaction(() => {
    const existing = input.id ? noteRow(db, input.id) : undefined;
    if (existing) {
      if (existing.session_id !== input.sessionId) {
        throw new CoreError('invalid_input', `Note ${id} already exists in another session.`, [{ path: 'id', message: 'validation.invalid' }]);
      }
      const row = liveOwnNote(writer, id);
      if (row.text !== input.text) writeRow(writer, 'notes', id, { text: input.text });
      return;
    }
    writeRow(writer, 'notes', id, {
      forum_id: session.forum_id,
      session_id: input.sessionId,
      speaker_id: input.speakerId,
      speaker_name: input.speakerName,
      lang: input.lang,
      text: input.text,
      created_at: new Date().toISOString(),
      tags: uniqueTags(input.tags),
      key_point: input.keyPoint ? 1 : 0,
      author: writer.deviceId,
      deleted: 0,
    });
  })();
  return getNote(db, writer.deviceId, id);
}

/**
 * Records only the cells that changed: a save on every pause in typing writes the text alone, and
 * a tag added on one laptop never overwrites a concurrent change of the speaker.
 */
export function updateNote(writer: Writer, input: NoteUpdateInput): Note {
  const db = writer.db;
  const row = liveOwnNote(writer, input.id);
  if (input.text !== undefined && input.text.trim() === '') {
    // An emptied note is deleted by the UI (with undo), never stored blank.
    throw new CoreError('invalid_input', 'An empty note is not saved; delete the note instead.', [{ path: 'text', message: 'validation.noteEmpty' }]);
  }
  checkDetails(db, row.forum_id, input);
  const changed: RowValues = {};
  if (input.text !== undefined && input.text !== row.text) changed.text = input.text;
  if (input.lang !== undefined && input.lang !== row.lang) changed.lang = input.lang;
  if (input.speakerId !== undefined && input.speakerId !== row.speaker_id) changed.speaker_id = input.speakerId;
  if (input.speakerName !== undefined && input.speakerName !== (row.speaker_name ?? '')) changed.speaker_name = input.speakerName;
  if (input.tags !== undefined) {
    const tags = uniqueTags(input.tags);
    if (JSON.stringify(tags) !== JSON.stringify(parseTags(row.tags))) changed.tags = tags;
  }
  if (input.keyPoint !== undefined && input.keyPoint !== (row.key_point === 1)) changed.key_point = input.keyPoint ? 1 : 0;
  writeRow(writer, 'notes', input.id, changed);
  return getNote(db, writer.deviceId, input.id);
}

/** Tombstone, or undo of one; the note keeps its text, tags and key messages for the undo. */
export function setNoteDeleted(writer: Writer, id: string, deleted: boolean): { id: string; deleted: boolean } {
  const row = ownNote(writer, id);
  if (Boolean(row.deleted) !== deleted) writeRow(writer, 'notes', id, { deleted: deleted ? 1 : 0 });
  return { id, deleted };
}
