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
}

/**
 * Ids follow from the document and the source, so two laptops generating the same document
 * concurrently write the same rows, which merge, instead of two copies of every paragraph.
 */
export const headingId = (documentId: string, sessionId: string) => derivedId('generated-heading', documentId, sessionId);
export const keyMessageParagraphId = (documentId: string, keyMessageId: string) => derivedId('generated-key-message', documentId, keyMessageId);

/** What is remembered of a generated text: enough to tell whether someone changed it since. */
export const textHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

interface MessageRow {
  id: string;
  session_id: string;
  text: string;
  title: string;
  day: string | null;
  start_time: string | null;
}

/** Only the forum's working languages, and only those with text. */
function inLanguages(forum: Forum, value: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).filter(([lang, text]) => forum.languages.includes(lang) && text.trim() !== ''));
}

/**
 * The validated, live key messages of the forum's live sessions in agenda order (day, start
 * time, then the rapporteur's order within the session), each session preceded by its heading.
 */
export function wantedParagraphs(db: Database, forum: Forum, documentId: string): WantedParagraph[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.session_id, m.text, s.title, s.day, s.start_time
         FROM key_messages m JOIN sessions s ON s.id = m.session_id AND s.deleted = 0
        WHERE m.forum_id = ? AND m.deleted = 0 AND m.merged_into IS NULL AND m.status = 'validated'
        ORDER BY s.day, s.start_time, s.id, coalesce(m.position, ''), m.id`,
    )
    .all(forum.id) as MessageRow[];
  const wanted: WantedParagraph[] = [];
  let session: string | null = null;
  for (const row of rows) {
    const text = inLanguages(forum, JSON.parse(row.text) as Record<string, string>);
    if (Object.keys(text).length === 0) continue;
    if (row.session_id !== session) {
      session = row.session_id;
      const title = inLanguages(forum, JSON.parse(row.title) as Record<string, string>);
      // A session without a title still gets a heading, named by when it was held.
      const heading = Object.keys(title).length > 0 ? title : { [forum.sourceLanguage]: `${row.day ?? ''} ${row.start_time ?? ''}`.trim() || '—' };
      wanted.push({ id: headingId(documentId, row.session_id), kind: 'heading', sessionId: row.session_id, keyMessageId: null, text: heading });
    }
    wanted.push({ id: keyMessageParagraphId(documentId, row.id), kind: 'numbered', sessionId: row.session_id, keyMessageId: row.id, text });
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
