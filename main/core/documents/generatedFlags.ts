import type { GeneratedFlag } from '../../../shared/keyMessagesDocument';
import { CoreError } from '../errors';
import { writeRow, type Writer } from '../store/changeLog';
import { getForum } from '../store/forums';
import { documentOrder } from '../store/paragraphOrder';
import { compareLanguage, generatedRecords, textHash, wantedParagraphs, type GeneratedRecord } from './generatedSources';
import type { Database } from 'better-sqlite3';
import type { Forum } from '../../../shared/forum';

function liveDocumentForum(db: Database, documentId: string): Forum {
  const forumId = db.prepare('SELECT forum_id FROM outcome_documents WHERE id = ? AND deleted = 0').pluck().get(documentId) as string | undefined;
  if (!forumId) throw new CoreError('not_found', `No outcome document with id ${documentId}.`);
  return getForum(db, forumId);
}

/** The key message's (or session title's) text now, when it still exists, for the flag to quote. */
function sourceTextNow(db: Database, record: GeneratedRecord): Record<string, string> {
  const text = record.key_message_id
    ? (db.prepare('SELECT text FROM key_messages WHERE id = ?').pluck().get(record.key_message_id) as string | undefined)
    : (db.prepare('SELECT title FROM sessions WHERE id = ?').pluck().get(record.session_id) as string | undefined);
  return text ? (JSON.parse(text) as Record<string, string>) : {};
}

/**
 * Computed when asked, never stored: a flag says how a generated paragraph stands against its
 * source now, so it clears itself when the drafters take the new text, and every laptop shows
 * the same flags once their data agree.
 */
export function generatedFlags(db: Database, documentId: string): GeneratedFlag[] {
  const forum = liveDocumentForum(db, documentId);
  const records = generatedRecords(db, documentId);
  // Most documents were never generated: the drafting screen asks for every one of them.
  if (records.size === 0) return [];
  const wanted = new Map(wantedParagraphs(db, forum, documentId).map((w) => [w.id, w]));
  const flags: GeneratedFlag[] = [];
  for (const { id } of documentOrder(db, documentId)) {
    const record = records.get(id);
    if (!record || record.text === null) continue;
    const base = { paragraphId: id, sessionId: record.session_id, keyMessageId: record.key_message_id };
    const want = wanted.get(id);
    if (!want) {
      flags.push({ ...base, state: 'withdrawn', languages: Object.keys(record.text), sourceText: sourceTextNow(db, record) });
      continue;
    }
    const states = Object.entries(want.text).map(([lang, text]) => [lang, compareLanguage(record, lang, text)] as const);
    const edited = states.filter(([, state]) => state === 'edited').map(([lang]) => lang);
    const stale = states.filter(([, state]) => state === 'refresh' || state === 'new').map(([lang]) => lang);
    if (edited.length > 0) flags.push({ ...base, state: 'changed', languages: edited, sourceText: want.text });
    else if (stale.length > 0) flags.push({ ...base, state: 'refresh', languages: stale, sourceText: want.text });
  }
  return flags;
}

/**
 * "Keep my text": records the source's text now as seen, so the edited paragraph is no longer
 * flagged and a later refresh keeps it, until the source changes again. Written through the log,
 * so the decision travels with the next bundle.
 */
export function keepEdited(writer: Writer, paragraphId: string): void {
  const db = writer.db;
  const row = db.prepare('SELECT document_id FROM generated_paragraphs WHERE id = ? AND deleted = 0').get(paragraphId) as { document_id: string } | undefined;
  const flag = row ? generatedFlags(db, row.document_id).find((f) => f.paragraphId === paragraphId && f.state === 'changed') : undefined;
  if (!flag) {
    throw new CoreError('invalid_input', `Paragraph ${paragraphId} is not a generated paragraph whose source changed after it was edited.`, [
      { path: 'paragraphId', message: 'validation.invalid' },
    ]);
  }
  const generated = Object.fromEntries(flag.languages.map((lang) => [lang, textHash(flag.sourceText[lang] ?? '')]));
  writeRow(writer, 'generated_paragraphs', paragraphId, { generated });
}

/**
 * Undo of a generation's additions: the paragraphs it added are deleted with their generation
 * records (in one transaction, through the log), so generating again brings them back, where a
 * paragraph the drafters deleted themselves stays deleted. Paragraphs edited since, or not
 * generated in this document, are refused before anything is written.
 */
export function takeBackGenerated(writer: Writer, documentId: string, paragraphIds: string[]): number {
  const db = writer.db;
  liveDocumentForum(db, documentId);
  const records = generatedRecords(db, documentId);
  const problems = paragraphIds.flatMap((id, index) => {
    const record = records.get(id);
    const untouched = record?.text && Object.entries(record.text).every(([lang, text]) => record.generated[lang] === textHash(text));
    return untouched ? [] : [{ path: `paragraphIds.${index}`, message: 'validation.invalid' }];
  });
  if (problems.length > 0) {
    throw new CoreError('invalid_input', `Only generated paragraphs of this document that nobody edited since can be taken back (${problems.map((p) => p.path).join(', ')}).`, problems);
  }
  db.transaction(() => {
    for (const id of paragraphIds) {
      writeRow(writer, 'outcome_paragraphs', id, { deleted: 1 });
      writeRow(writer, 'generated_paragraphs', id, { deleted: 1 });
    }
  })();
  return paragraphIds.length;
}
