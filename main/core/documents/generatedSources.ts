import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Forum } from '../../../shared/forum';
import { derivedId } from '../store/derivedId';

/** What a generated paragraph stands for, and the text it should hold now. */
export interface WantedParagraph {
  id: string;
  kind: 'heading' | 'numbered';
  sessionId: string;
  keyMessageId: string | null;
  /** Per working language with text. */
  text: Record<string, string>;
  /** Orders the paragraphs as the agenda does; the same on every laptop (see agendaKey). */
  key: string;
}

/**
 * Ids follow from the document and the source, so two laptops generating the same document
 * concurrently write the same rows, which merge, instead of two copies of every paragraph.
 */
export const headingId = (documentId: string, sessionId: string) => derivedId('generated-heading', documentId, sessionId);
export const keyMessageParagraphId = (documentId: string, keyMessageId: string) => derivedId('generated-key-message', documentId, keyMessageId);

/** What is remembered of a generated text: enough to tell whether someone changed it since. */
export const textHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const digits = (value: string | null, width: number) => (value ?? '').replace(/\D/g, '').padEnd(width, '0').slice(0, width);
const hashed = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 16);
/** A key message's position, right-padded with the smallest base-62 digit, which keeps byte order. */
const padded = (position: string | null) => (position ?? '').replace(/[^0-9A-Za-z]/g, '0').padEnd(24, '0').slice(0, 24);

/**
 * A fixed-width base-62 string that sorts as the agenda does: day, start time, session (by a
 * hash of its id, for sessions at the same time), its heading before its key messages, then the
 * rapporteur's order. New paragraphs take positions made of it (see insertNew), so two laptops
 * that generate concurrently give each paragraph the same position and the merged document
 * keeps agenda order, whichever laptop's write of a row wins.
 */
function agendaKey(row: MessageRow, keyMessage: boolean): string {
  const session = `${digits(row.day, 8)}${digits(row.start_time, 4)}${hashed(row.session_id)}`;
  return keyMessage ? `${session}2${padded(row.position)}${hashed(row.id)}` : `${session}1`;
}

interface MessageRow {
  id: string;
  session_id: string;
  text: string;
  title: string;
  day: string | null;
  start_time: string | null;
  position: string | null;
}

/** Only the forum's working languages, and only those with text. */
function inLanguages(forum: Forum, value: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).filter(([lang, text]) => forum.languages.includes(lang) && text.trim() !== ''));
}

/**
 * The validated, live key messages of the forum's live sessions in agenda order (day, start
 * time, then the rapporteur's order within the session), each session preceded by its heading.
 * Sorted here rather than in SQL so that the order is exactly that of the positions they get.
 */
export function wantedParagraphs(db: Database, forum: Forum, documentId: string): WantedParagraph[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.session_id, m.text, m.position, s.title, s.day, s.start_time
         FROM key_messages m JOIN sessions s ON s.id = m.session_id AND s.deleted = 0
        WHERE m.forum_id = ? AND m.deleted = 0 AND m.merged_into IS NULL AND m.status = 'validated'
`,
    )
    .all(forum.id) as MessageRow[];
  const keyed = rows.map((row) => ({ row, key: agendaKey(row, true) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const wanted: WantedParagraph[] = [];
  let session: string | null = null;
  for (const { row, key } of keyed) {
    const text = inLanguages(forum, JSON.parse(row.text) as Record<string, string>);
    if (Object.keys(text).length === 0) continue;
    if (row.session_id !== session) {
      session = row.session_id;
      const title = inLanguages(forum, JSON.parse(row.title) as Record<string, string>);
      // A session without a title still gets a heading, named by when it was held.
      const heading = Object.keys(title).length > 0 ? title : { [forum.sourceLanguage]: `${row.day ?? ''} ${row.start_time ?? ''}`.trim() || '—' };
      const id = headingId(documentId, row.session_id);
      wanted.push({ id, kind: 'heading', sessionId: row.session_id, keyMessageId: null, text: heading, key: agendaKey(row, false) });
    }
    wanted.push({ id: keyMessageParagraphId(documentId, row.id), kind: 'numbered', sessionId: row.session_id, keyMessageId: row.id, text, key });
  }
  return wanted;
}

export interface GeneratedRecord {
  id: string;
  paragraph_id: string;
  session_id: string | null;
  key_message_id: string | null;
  generated: Record<string, string>;
  /** The paragraph's text now; null when the paragraph is gone or deleted. */
  text: Record<string, string> | null;
}

/** The document's generated paragraphs as recorded, with their paragraphs' text now. */
export function generatedRecords(db: Database, documentId: string): Map<string, GeneratedRecord> {
  const rows = db
    .prepare(
      `SELECT g.id, g.paragraph_id, g.session_id, g.key_message_id, g.generated,
              CASE WHEN p.deleted = 0 THEN p.text END AS text
         FROM generated_paragraphs g LEFT JOIN outcome_paragraphs p ON p.id = g.paragraph_id
        WHERE g.document_id = ? AND g.deleted = 0`,
    )
    .all(documentId) as Array<Omit<GeneratedRecord, 'generated' | 'text'> & { generated: string; text: string | null }>;
  return new Map(
    rows.map((row) => [
      row.paragraph_id,
      {
        ...row,
        generated: JSON.parse(row.generated) as Record<string, string>,
        text: row.text === null ? null : (JSON.parse(row.text) as Record<string, string>),
      },
    ]),
  );
}

/**
 * Per language, how a generated paragraph stands against its source's text now: `same` (nothing
 * to do), `refresh` (the source changed and nobody edited the paragraph), `edited` (the source
 * changed and so did the paragraph: the drafters' text is kept), `new` (a language the paragraph
 * never had).
 */
export function compareLanguage(record: GeneratedRecord, lang: string, want: string): 'same' | 'refresh' | 'edited' | 'new' {
  const current = record.text?.[lang];
  const given = record.generated[lang];
  if (current === want) return 'same';
  if (given === textHash(want)) return 'same';
  if (current === undefined) return given === undefined ? 'new' : 'edited';
  return given !== undefined && textHash(current) === given ? 'refresh' : 'edited';
}
