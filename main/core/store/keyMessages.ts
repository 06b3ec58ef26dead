import type { Database } from 'better-sqlite3';
import { newRowId } from '../../../shared/rowIds';
import type { KeyMessage } from '../../../shared/keyMessages';
import type { FieldIssue } from '../../../shared/result';
import { CoreError } from '../errors';
import { writeRow, type Writer } from './changeLog';
import { rowHistory } from './rowHistory';
import { getForum } from './forums';
import { positionAtEnd, positionBetween } from './keyMessageOrder';
import { cellHeads } from './proseHeads';

/** The longest text a key message takes (the contract's limit), also for texts made from notes. */
const maxText = 5000;

interface MessageRow {
  id: string;
  forum_id: string;
  session_id: string;
  text: string;
  theme: string | null;
  position: string | null;
  status: string;
  merged_into: string | null;
  deleted: number;
}

interface SourceRow {
  key_message_id: string;
  note_id: string;
  session_id: string;
  text: string | null;
  lang: string | null;
  speaker_id: string | null;
  speaker_name: string;
}

// Messages of tombstoned sessions are hidden with them (an undo of the session brings them back).
const liveMessages = `FROM key_messages m JOIN sessions s ON s.id = m.session_id AND s.deleted = 0
  WHERE m.deleted = 0 AND m.merged_into IS NULL`;
const listed = `SELECT m.id, m.forum_id, m.session_id, m.text, m.theme, m.position, m.status, m.merged_into, m.deleted ${liveMessages}`;
const listOrder = 'ORDER BY s.day, s.start_time, s.id, m.position, m.id';

// A source counts while both its link and its note are live; the speaker is the participant's
// name when the note names one, else the name typed on the note.
const sources = `SELECT k.key_message_id, n.id AS note_id, n.session_id, n.text, n.lang, n.speaker_id,
    coalesce(p.name, n.speaker_name, '') AS speaker_name
  FROM key_message_sources k
  JOIN notes n ON n.id = k.note_id AND n.deleted = 0
  LEFT JOIN participants p ON p.id = n.speaker_id`;
const sourceOrder = 'ORDER BY n.created_at, n.id';

/** The live key messages of a forum, or of one of its sessions, in agenda then rapporteur order. */
export function listKeyMessages(db: Database, forumId: string, sessionId?: string): KeyMessage[] {
  getForum(db, forumId);
  if (sessionId !== undefined) {
    const session = db.prepare('SELECT 1 FROM sessions WHERE id = ? AND forum_id = ? AND deleted = 0').get(sessionId, forumId);
    if (!session) throw new CoreError('not_found', `No session ${sessionId} in forum ${forumId}.`);
    const rows = db.prepare(`${listed} AND m.session_id = ? ${listOrder}`).all(sessionId) as MessageRow[];
    const linked = db.prepare(`${sources} WHERE k.deleted = 0 AND k.key_message_id IN (SELECT id FROM key_messages WHERE session_id = ?) ${sourceOrder}`).all(sessionId) as SourceRow[];
    return toMessages(db, rows, linked);
  }
  const rows = db.prepare(`${listed} AND m.forum_id = ? ${listOrder}`).all(forumId) as MessageRow[];
  const linked = db.prepare(`${sources} WHERE k.deleted = 0 AND k.forum_id = ? ${sourceOrder}`).all(forumId) as SourceRow[];
  return toMessages(db, rows, linked);
}

/** One message as the screens show it, whatever its state. */
export function getKeyMessage(db: Database, id: string): KeyMessage {
  const row = messageRow(db, id);
  const linked = db.prepare(`${sources} WHERE k.deleted = 0 AND k.key_message_id = ? ${sourceOrder}`).all(id) as SourceRow[];
  const [message] = toMessages(db, [row], linked);
  if (!message) throw new CoreError('not_found', `No key message with id ${id}.`);
  return message;
}

function messageRow(db: Database, id: string): MessageRow {
  const row = db
    .prepare('SELECT id, forum_id, session_id, text, theme, position, status, merged_into, deleted FROM key_messages WHERE id = ?')
    .get(id) as MessageRow | undefined;
  if (!row) throw new CoreError('not_found', `No key message with id ${id}.`);
  return row;
}

/** A message that can be edited: neither tombstoned nor merged into another (undo that first). */
function liveMessage(db: Database, id: string): MessageRow {
  const row = messageRow(db, id);
  if (row.deleted || row.merged_into) throw new CoreError('not_found', `Key message ${id} was deleted or merged; restore it before editing.`);
  return row;
}

function toMessages(db: Database, rows: MessageRow[], linked: SourceRow[]): KeyMessage[] {
  const byMessage = new Map<string, KeyMessage['sources']>();
  for (const s of linked) {
    const list = byMessage.get(s.key_message_id) ?? [];
    // Two laptops may have linked the same note concurrently (a promote and a merge): show it once.
    if (list.some((other) => other.noteId === s.note_id)) continue;
    list.push({
      noteId: s.note_id,
      sessionId: s.session_id,
      text: s.text ?? '',
      lang: s.lang ?? '',
      speakerId: s.speaker_id,
      speakerName: s.speaker_name,
    });
    byMessage.set(s.key_message_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    sessionId: row.session_id,
    text: JSON.parse(row.text) as Record<string, string>,
    theme: row.theme ?? '',
    position: row.position ?? '',
    status: row.status === 'validated' ? 'validated' : 'draft',
    sources: byMessage.get(row.id) ?? [],
    alternatives: otherVersions(db, row.id),
  }));
}

/** Per language, the versions of the text beyond the one shown: edits made concurrently elsewhere. */
function otherVersions(db: Database, id: string): Record<string, string[]> {
  const history = rowHistory(db, 'key_messages', id);
  const cells = new Set(history.flatMap((c) => Object.keys(c.cells)).filter((cell) => cell.startsWith('text@')));
  const result: Record<string, string[]> = {};
  for (const cell of cells) {
    const others = cellHeads('key_messages', cell, history).slice(1);
    if (others.length > 0) result[cell.slice('text@'.length)] = others.map((c) => String(c.cells[cell] ?? ''));
  }
  return result;
}

/** At most maxText UTF-16 units (the contract's measure), never half of a surrogate pair. */
function cut(text: string): string {
  if (text.length <= maxText) return text;
  const head = text.slice(0, maxText);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** The languages whose text the patch changes; an empty text removes that language. */
function textChanges(before: Record<string, string>, patch: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!patch) return undefined;
  const changes = Object.fromEntries(Object.entries(patch).filter(([lang, text]) => (before[lang] ?? '') !== text));
  const after = Object.entries({ ...before, ...changes }).filter(([, text]) => text !== '');
  if (after.length === 0) {
    throw new CoreError('invalid_input', 'A key message needs its text in at least one language.', [{ path: 'text', message: 'validation.required' }]);
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}

interface NoteRow {
  id: string;
  session_id: string | null;
  lang: string | null;
  text: string | null;
  deleted: number;
}

/**
 * A new draft message at the end of the session's list from one or more of its live notes; its
 * text, unless given, is the notes' own, joined per language (a speaker's words stay in the
 * language they were noted in).
 */
export function promoteNotes(writer: Writer, sessionId: string, noteIds: string[], text?: Record<string, string>): string {
  const db = writer.db;
  const session = db.prepare('SELECT forum_id FROM sessions WHERE id = ? AND deleted = 0').get(sessionId) as { forum_id: string } | undefined;
  if (!session) throw new CoreError('not_found', `No session with id ${sessionId}.`);
  const forum = getForum(db, session.forum_id);
  const ids = [...new Set(noteIds)];
  const byId = db.prepare('SELECT id, session_id, lang, text, deleted FROM notes WHERE id = ?');
  const issues: FieldIssue[] = [];
  const problems: string[] = [];
  const notes: NoteRow[] = [];
  noteIds.forEach((id, index) => {
    if (noteIds.indexOf(id) !== index) return;
    const note = byId.get(id) as NoteRow | undefined;
    const problem = !note ? 'no such note' : note.deleted ? 'the note was deleted' : note.session_id !== sessionId ? 'the note belongs to another session' : undefined;
    if (problem || !note) {
      issues.push({ path: `noteIds.${index}`, message: 'validation.invalid' });
      problems.push(`noteIds.${index} (${id}): ${problem ?? 'no such note'}`);
    } else notes.push(note);
  });
  if (issues.length > 0) throw new CoreError('invalid_input', `The notes cannot be promoted: ${problems.join('; ')}.`, issues);

  const given = text && Object.fromEntries(Object.entries(text).filter(([, value]) => value !== ''));
  const messageText = given ?? textOfNotes(db, ids, forum.sourceLanguage);
  if (Object.keys(messageText).length === 0) {
    throw new CoreError('invalid_input', 'A key message needs its text in at least one language.', [{ path: 'text', message: 'validation.required' }]);
  }
  const id = newRowId();
  db.transaction(() => {
    writeRow(writer, 'key_messages', id, {
      forum_id: forum.id,
      session_id: sessionId,
      text: messageText,
      theme: '',
      position: positionAtEnd(writer, sessionId),
      status: 'draft',
      merged_into: null,
      deleted: 0,
    });
    for (const note of notes) {
      writeRow(writer, 'key_message_sources', newRowId(), { forum_id: forum.id, key_message_id: id, note_id: note.id, deleted: 0 });
    }
  })();
  return id;
}

/** The notes' texts in the order they were taken, joined per language. */
function textOfNotes(db: Database, ids: string[], sourceLanguage: string): Record<string, string> {
  const rows = db
    .prepare(`SELECT lang, text FROM notes WHERE id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id`)
    .all(JSON.stringify(ids)) as Array<{ lang: string | null; text: string | null }>;
  const byLang = new Map<string, string[]>();
  for (const row of rows) {
    const text = (row.text ?? '').trim();
    if (!text) continue;
    const lang = row.lang || sourceLanguage;
    byLang.set(lang, [...(byLang.get(lang) ?? []), text]);
  }
  return Object.fromEntries([...byLang].map(([lang, texts]) => [lang, cut(texts.join('\n'))]));
}

export interface KeyMessagePatch {
  text?: Record<string, string> | undefined;
  theme?: string | undefined;
  status?: 'draft' | 'validated' | undefined;
}

/**
 * Writes only the cells that changed, so a translation typed on one laptop and a status set on
 * another both survive. Validation is the session chair's call, but the core does not know who
 * sits at the keyboard (laptops are trusted alike): any user may set the status here.
 */
export function updateKeyMessage(writer: Writer, id: string, patch: KeyMessagePatch): void {
  const row = liveMessage(writer.db, id);
  const text = textChanges(JSON.parse(row.text) as Record<string, string>, patch.text);
  writeRow(writer, 'key_messages', id, {
    text,
    theme: patch.theme !== undefined && patch.theme !== (row.theme ?? '') ? patch.theme : undefined,
    status: patch.status !== undefined && patch.status !== row.status ? patch.status : undefined,
  });
}

/** Reorders within the session; see positionBetween for what the neighbours mean. */
export function moveKeyMessage(writer: Writer, id: string, after: string | null, before: string | null): void {
  const row = liveMessage(writer.db, id);
  writer.db.transaction(() => {
    const position = positionBetween(writer, row.session_id, id, after, before);
    writeRow(writer, 'key_messages', id, { position });
  })();
}

/**
 * Two messages of a forum (possibly of different sessions) become `keepId`, which stays in its
 * session and gains every source of the other it lacked; the other is tombstoned and points to it.
 * Undo is setKeyMessageDeleted(mergeId, false): the copied sources stay on the kept message too.
 */
export function mergeKeyMessages(writer: Writer, keepId: string, mergeId: string, text?: Record<string, string>): void {
  const db = writer.db;
  const keep = liveMessage(db, keepId);
  if (mergeId === keepId) {
    throw new CoreError('invalid_input', 'A key message cannot be merged into itself.', [{ path: 'mergeId', message: 'validation.invalid' }]);
  }
  const merged = liveMessage(db, mergeId);
  if (merged.forum_id !== keep.forum_id) {
    throw new CoreError('invalid_input', 'Only key messages of the same forum can be merged.', [{ path: 'mergeId', message: 'validation.invalid' }]);
  }
  const changes = textChanges(JSON.parse(keep.text) as Record<string, string>, text);
  const notesOf = db.prepare('SELECT DISTINCT note_id FROM key_message_sources WHERE key_message_id = ? AND deleted = 0 ORDER BY note_id').pluck();
  const kept = new Set(notesOf.all(keepId) as string[]);
  const missing = (notesOf.all(mergeId) as string[]).filter((noteId) => !kept.has(noteId));
  db.transaction(() => {
    for (const noteId of missing) {
      // A predictable id, so undoing the merge can take back exactly the sources it copied.
      writeRow(writer, 'key_message_sources', mergedSourceId(mergeId, noteId), { forum_id: keep.forum_id, key_message_id: keepId, note_id: noteId, deleted: 0 });
    }
    writeRow(writer, 'key_messages', keepId, { text: changes });
    writeRow(writer, 'key_messages', mergeId, { deleted: 1, merged_into: keepId });
  })();
}

/** Tombstone, or its undo; undoing a merge brings the merged message back on its own. */
const mergedSourceId = (mergeId: string, noteId: string) => `merge-${mergeId}-${noteId}`;

export function setKeyMessageDeleted(writer: Writer, id: string, deleted: boolean): void {
  const row = messageRow(writer.db, id);
  getForum(writer.db, row.forum_id);
  writer.db.transaction(() => {
    writeRow(writer, 'key_messages', id, {
      deleted: Boolean(row.deleted) !== deleted ? (deleted ? 1 : 0) : undefined,
      merged_into: !deleted && row.merged_into !== null ? null : undefined,
    });
    if (deleted || row.merged_into === null) return;
    // Undoing a merge: the kept message gives back the sources the merge copied onto it.
    const prefix = mergedSourceId(id, '');
    const copied = writer.db
      .prepare('SELECT id FROM key_message_sources WHERE substr(id, 1, ?) = ? AND deleted = 0')
      .pluck()
      .all(prefix.length, prefix) as string[];
    for (const sourceId of copied) writeRow(writer, 'key_message_sources', sourceId, { deleted: 1 });
  })();
}

/** Live messages' texts for the duplicate finder: no sources or versions needed. */
export function liveMessageTexts(db: Database, forumId: string): Array<{ id: string; text: Record<string, string> }> {
  getForum(db, forumId);
  return (db.prepare(`SELECT m.id, m.text ${liveMessages} AND m.forum_id = ? ${listOrder}`).all(forumId) as MessageRow[]).map(
    (row) => ({ id: row.id, text: JSON.parse(row.text) as Record<string, string> }),
  );
}
