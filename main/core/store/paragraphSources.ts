import type { Database } from 'better-sqlite3';
import type { ParagraphSource } from '../../../shared/outcome';
import type { FieldIssue } from '../../../shared/result';
import { CoreError } from '../errors';
import { cachedStatement } from './cachedStatement';
import { writeRow, type Writer } from './changeLog';

/**
 * A link's id follows from what it links, so two laptops that link the same key message to the
 * same paragraph write one row (and a removal and a re-link on two laptops meet on it too).
 */
export const sourceLinkId = (paragraphId: string, keyMessageId: string) => `${paragraphId}-${keyMessageId}`;

/**
 * A link counts through the message it names or, when that was merged into another, through the
 * message it ended up in (merges may chain); links to deleted messages, or to messages of deleted
 * sessions, do not count. UNION (not UNION ALL) stops at a cycle two laptops' merges could make.
 */
const resolvedChain = (start: string) => `WITH RECURSIVE chain(link_id, paragraph_id, km) AS (
    ${start}
    UNION
    SELECT c.link_id, c.paragraph_id, m.merged_into FROM chain c JOIN key_messages m ON m.id = c.km WHERE m.merged_into IS NOT NULL
  )`;
const liveEnd = `FROM chain c
  JOIN key_messages m ON m.id = c.km AND m.deleted = 0 AND m.merged_into IS NULL
  JOIN sessions s ON s.id = m.session_id AND s.deleted = 0`;
const agendaOrder = 's.day, s.start_time, s.id, m.position, m.id';

export interface ResolvedLink {
  paragraph_id: string;
  key_message_id: string;
  session_id: string;
}

/** The live key messages each live paragraph of a document draws on, in agenda order, once each. */
export function documentLinks(db: Database, documentId: string): ResolvedLink[] {
  return cachedStatement(
    db,
    `${resolvedChain(`SELECT l.id, l.paragraph_id, l.key_message_id FROM paragraph_sources l
          JOIN outcome_paragraphs p ON p.id = l.paragraph_id
         WHERE l.deleted = 0 AND p.deleted = 0 AND coalesce(p.document_id, p.forum_id) = ?`)}
       SELECT DISTINCT c.paragraph_id, m.id AS key_message_id, m.session_id ${liveEnd}
        ORDER BY c.paragraph_id, ${agendaOrder}`,
  ).all(documentId) as ResolvedLink[];
}

/** The same for one paragraph (live or not). */
export function paragraphLinks(db: Database, paragraphId: string): ResolvedLink[] {
  return cachedStatement(
    db,
    `${resolvedChain('SELECT id, paragraph_id, key_message_id FROM paragraph_sources WHERE paragraph_id = ? AND deleted = 0')}
       SELECT DISTINCT c.paragraph_id, m.id AS key_message_id, m.session_id ${liveEnd}
        ORDER BY ${agendaOrder}`,
  ).all(paragraphId) as ResolvedLink[];
}

/** The paragraph's live links, each with the live message it counts as. */
export function currentLinks(db: Database, paragraphId: string): Array<{ link_id: string; live_id: string }> {
  return cachedStatement(
    db,
    `${resolvedChain('SELECT id, paragraph_id, key_message_id FROM paragraph_sources WHERE paragraph_id = ? AND deleted = 0')}
       SELECT c.link_id, m.id AS live_id ${liveEnd}`,
  ).all(paragraphId) as Array<{ link_id: string; live_id: string }>;
}

interface MessageCheck {
  id: string;
  forum_id: string;
  text: string;
  deleted: number;
  merged_into: string | null;
  session_live: number | null;
}

/**
 * The live key messages named, in the order given (each once), all of the paragraph's forum;
 * any other id is refused with an issue at its place in the list, before anything is written.
 */
export function checkKeyMessages(db: Database, forumId: string, ids: string[]): Array<{ id: string; text: Record<string, string> }> {
  const byId = cachedStatement(
    db,
    `SELECT m.id, m.forum_id, m.text, m.deleted, m.merged_into,
            (SELECT 1 FROM sessions s WHERE s.id = m.session_id AND s.deleted = 0) AS session_live
       FROM key_messages m WHERE m.id = ?`,
  );
  const issues: FieldIssue[] = [];
  const problems: string[] = [];
  const found: Array<{ id: string; text: Record<string, string> }> = [];
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) return;
    const m = byId.get(id) as MessageCheck | undefined;
    const problem = !m
      ? 'no such key message'
      : m.forum_id !== forumId
        ? 'the key message belongs to another forum'
        : m.merged_into
          ? `the key message was merged into ${m.merged_into}`
          : m.deleted || !m.session_live
            ? 'the key message was deleted'
            : undefined;
    if (problem || !m) {
      issues.push({ path: `keyMessageIds.${index}`, message: 'validation.invalid' });
      problems.push(`keyMessageIds.${index} (${id}): ${problem ?? 'no such key message'}`);
    } else found.push({ id: m.id, text: JSON.parse(m.text) as Record<string, string> });
  });
  if (issues.length > 0) throw new CoreError('invalid_input', `The key messages cannot be linked: ${problems.join('; ')}.`, issues);
  return found;
}

/** Links (or links again) each key message to the paragraph. Call inside the write's transaction. */
export function linkSources(writer: Writer, forumId: string, paragraphId: string, keyMessageIds: string[]): void {
  for (const keyMessageId of keyMessageIds) {
    writeRow(writer, 'paragraph_sources', sourceLinkId(paragraphId, keyMessageId), {
      forum_id: forumId,
      paragraph_id: paragraphId,
      key_message_id: keyMessageId,
      deleted: 0,
    });
  }
}

interface SourceMessageRow {
  id: string;
  text: string;
  theme: string | null;
  session_id: string;
  session_title: string;
}

interface SourceNoteRow {
  key_message_id: string;
  id: string;
  text: string | null;
  lang: string | null;
  speaker_name: string;
}

/** The key messages behind a paragraph, in agenda order, with their sessions, notes and speakers. */
export function paragraphSourceList(db: Database, paragraphId: string): ParagraphSource[] {
  const ids = paragraphLinks(db, paragraphId).map((l) => l.key_message_id);
  const json = JSON.stringify(ids);
  const messages = cachedStatement(
    db,
    `SELECT m.id, m.text, m.theme, m.session_id, s.title AS session_title
         FROM key_messages m JOIN sessions s ON s.id = m.session_id
        WHERE m.id IN (SELECT value FROM json_each(?))`,
  ).all(json) as SourceMessageRow[];
  const notes = cachedStatement(
    db,
    `SELECT k.key_message_id, n.id, n.text, n.lang, coalesce(p.name, n.speaker_name, '') AS speaker_name
         FROM key_message_sources k
         JOIN notes n ON n.id = k.note_id AND n.deleted = 0
         LEFT JOIN participants p ON p.id = n.speaker_id
        WHERE k.deleted = 0 AND k.key_message_id IN (SELECT value FROM json_each(?))
        ORDER BY n.created_at, n.id`,
  ).all(json) as SourceNoteRow[];
  const notesOf = new Map<string, ParagraphSource['notes']>();
  for (const n of notes) {
    const list = notesOf.get(n.key_message_id) ?? [];
    // Two laptops may have linked the same note concurrently: show it once.
    if (!list.some((other) => other.id === n.id)) list.push({ id: n.id, text: n.text ?? '', lang: n.lang ?? '', speakerName: n.speaker_name });
    notesOf.set(n.key_message_id, list);
  }
  const byId = new Map(messages.map((m) => [m.id, m]));
  return ids.flatMap((id) => {
    const m = byId.get(id);
    if (!m) return [];
    return [
      {
        keyMessageId: m.id,
        text: JSON.parse(m.text) as Record<string, string>,
        theme: m.theme ?? '',
        sessionId: m.session_id,
        sessionTitle: JSON.parse(m.session_title) as Record<string, string>,
        notes: notesOf.get(m.id) ?? [],
      },
    ];
  });
}
