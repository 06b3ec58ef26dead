import { generateKeyBetween } from 'fractional-indexing';
import type { Forum } from '../../../shared/forum';
import type { KeyMessagesGeneration } from '../../../shared/keyMessagesDocument';
import { CoreError } from '../errors';
import { writeRow, type Writer } from '../store/changeLog';
import { derivedId } from '../store/derivedId';
import { getForum } from '../store/forums';
import { orderable, type Placed } from '../store/fractionalOrder';
import { documentOrder } from '../store/paragraphOrder';
import { linkSources } from '../store/paragraphSources';
import { compareLanguage, generatedRecords, textHash, type GeneratedRecord, type WantedParagraph, wantedParagraphs } from './generatedSources';

const nonEmpty = (text: Record<string, string>) => Object.fromEntries(Object.entries(text).filter(([, value]) => value !== ''));

/**
 * The forum's Key messages document: its first live one of that kind, else a new one whose id
 * follows from the forum, so two laptops that each generate "the" document make one row.
 */
function keyMessagesDocument(writer: Writer, forum: Forum, chosen: string | undefined): { id: string; created: boolean } {
  if (chosen !== undefined) {
    const kind = writer.db.prepare('SELECT kind FROM outcome_documents WHERE id = ? AND forum_id = ? AND deleted = 0').pluck().get(chosen, forum.id);
    if (kind !== 'key_messages') {
      throw new CoreError('invalid_input', `Document ${chosen} is not a Key messages document of the forum ${forum.id}.`, [{ path: 'documentId', message: 'validation.invalid' }]);
    }
    return { id: chosen, created: false };
  }
  const existing = writer.db
    .prepare(
      `SELECT d.id FROM outcome_documents d WHERE d.forum_id = ? AND d.deleted = 0 AND d.kind = 'key_messages'
        ORDER BY d.id <> d.forum_id, (SELECT min(hlc) FROM changes c WHERE c.tbl = 'outcome_documents' AND c.row_id = d.id), d.id LIMIT 1`,
    )
    .pluck()
    .get(forum.id) as string | undefined;
  if (existing) return { id: existing, created: false };
  const derived = derivedId('key-messages-document', forum.id);
  // A generated document the drafters deleted stays deleted: a fresh one takes a fresh id.
  const deleted = writer.db.prepare('SELECT 1 FROM outcome_documents WHERE id = ?').get(derived);
  const id = deleted ? derivedId('key-messages-document', forum.id, writer.clock.now()) : derived;
  writeRow(writer, 'outcome_documents', id, {
    forum_id: forum.id,
    kind: 'key_messages',
    title: nonEmpty(forum.title),
    subtitle: {},
    place: nonEmpty(forum.venue),
    start_date: forum.startDate,
    end_date: forum.endDate,
    co_organisers: forum.coOrganisers,
    co_organiser_names: forum.coOrganiserNames,
    preamble: {},
    lead_in: {},
    closing: {},
    // Key messages read as a list under each session's heading, not as numbered points.
    numbering: 'none',
    deleted: 0,
  });
  return { id, created: true };
}

const noMessages = (forum: Forum) =>
  new CoreError('invalid_input', `The forum ${forum.id} has no validated key messages yet: validate some on the capture screen, then generate the document.`, [
    { path: 'forumId', message: 'validation.noValidatedKeyMessages' },
  ]);

/**
 * Builds or refreshes the forum's Key messages document in one transaction, every write through
 * the change log. New key messages get paragraphs in agenda order beside their neighbours;
 * untouched generated paragraphs follow their source; edited ones are kept (and flagged by
 * generatedFlags); nothing is ever deleted, a paragraph whose key message is withdrawn included.
 */
export function generateKeyMessagesDocument(writer: Writer, forumId: string, documentId?: string): KeyMessagesGeneration {
  const db = writer.db;
  const forum = getForum(db, forumId);
  // Checked before anything is written, with the document's id still unknown.
  if (wantedParagraphs(db, forum, 'probe').length === 0) throw noMessages(forum);
  return db.transaction(() => {
    const document = keyMessagesDocument(writer, forum, documentId);
    const wanted = wantedParagraphs(db, forum, document.id);
    const records = generatedRecords(db, document.id);
    // A paragraph the drafters deleted keeps its generation record and stays deleted; one whose
    // generation was taken back (undo) lost its record too, and comes back when generated again.
    const rows = db
      .prepare('SELECT id, deleted FROM outcome_paragraphs WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(wanted.map((w) => w.id))) as Array<{ id: string; deleted: number }>;
    const existing = new Set(rows.filter((row) => !row.deleted || records.has(row.id)).map((row) => row.id));
    const revived = new Set(rows.filter((row) => row.deleted && !records.has(row.id)).map((row) => row.id));
    const summary: KeyMessagesGeneration = { documentId: document.id, created: document.created, added: 0, updated: 0, keptEdited: 0, withdrawn: 0, addedIds: [] };
    const fresh = wanted.filter((w) => !existing.has(w.id));
    insertNew(writer, forum, document.id, wanted, fresh, existing, revived);
    summary.added = fresh.length;
    summary.addedIds = fresh.map((w) => w.id);
    for (const want of wanted) {
      const record = records.get(want.id);
      if (!record || record.text === null) continue;
      const outcome = refresh(writer, forum, document.id, want, record);
      if (outcome === 'updated') summary.updated += 1;
      else if (outcome === 'edited') summary.keptEdited += 1;
    }
    const stillWanted = new Set(wanted.map((w) => w.id));
    for (const record of records.values()) if (record.text !== null && !stillWanted.has(record.paragraph_id)) summary.withdrawn += 1;
    return summary;
  })();
}

/** The text (per language) and hashes a new generated paragraph is written with. */
function recordGeneration(writer: Writer, forum: Forum, documentId: string, want: WantedParagraph, generated: Record<string, string>): void {
  writeRow(writer, 'generated_paragraphs', want.id, {
    forum_id: forum.id,
    document_id: documentId,
    paragraph_id: want.id,
    session_id: want.sessionId,
    key_message_id: want.keyMessageId,
    generated,
    deleted: 0,
  });
}

const hashes = (text: Record<string, string>) => Object.fromEntries(Object.entries(text).map(([lang, value]) => [lang, textHash(value)]));

/**
 * A key strictly between `low` and `high` that is no prefix of `high`, so that it followed by any
 * digits still sorts before `high`: the positions of a run are this prefix followed by each
 * paragraph's agenda key (and a final digit other than 0, as fractional keys require). An empty
 * document's prefix is always 'a0', whatever the laptop.
 */
function gapPrefix(low: string | null, high: string | null): string {
  let prefix = generateKeyBetween(low, high);
  while (high !== null && high.startsWith(prefix)) prefix = generateKeyBetween(low, prefix);
  return prefix;
}

/**
 * New paragraphs go in runs: a run that opens a new session goes just before the next generated
 * paragraph already in the document (after whatever the drafters wrote at the end of the session
 * before); a run within a session goes right after its predecessor; with neither, at the end.
 * Positions come from the gap and the agenda (see gapPrefix), not from how many paragraphs are
 * new, so two laptops generating with different key messages still agree where each one goes.
 */
function insertNew(
  writer: Writer,
  forum: Forum,
  documentId: string,
  wanted: WantedParagraph[],
  fresh: WantedParagraph[],
  existing: Set<string>,
  revived: Set<string>,
): void {
  if (fresh.length === 0) return;
  const live = orderable(writer, 'outcome_paragraphs', documentOrder(writer.db, documentId)) as Placed[];
  const indexOf = new Map(live.map((p, i) => [p.id, i]));
  const isFresh = new Set(fresh.map((w) => w.id));
  let i = 0;
  while (i < wanted.length) {
    const first = wanted[i];
    if (!first || !isFresh.has(first.id)) {
      i += 1;
      continue;
    }
    let end = i;
    while (end < wanted.length && isFresh.has(wanted[end]?.id ?? '')) end += 1;
    const run = wanted.slice(i, end);
    const before = wanted.slice(0, i).reverse().find((w) => existing.has(w.id) && indexOf.has(w.id));
    const after = wanted.slice(end).find((w) => existing.has(w.id) && indexOf.has(w.id));
    let at: number;
    if (after && (first.kind === 'heading' || !before)) at = indexOf.get(after.id) ?? live.length;
    else if (before) at = (indexOf.get(before.id) ?? -1) + 1;
    else at = live.length;
    const prefix = gapPrefix(live[at - 1]?.position ?? null, live[at]?.position ?? null);
    const placed = run.map((want) => ({ id: want.id, position: `${prefix}${want.key}V` }));
    for (const [k, want] of run.entries()) {
      writeRow(writer, 'outcome_paragraphs', want.id, {
        forum_id: forum.id,
        document_id: documentId,
        kind: want.kind,
        position: placed[k]?.position,
        text: want.text,
        status: 'draft',
        deleted: 0,
      }, { newRow: !revived.has(want.id) });
      if (want.keyMessageId) linkSources(writer, forum.id, want.id, [want.keyMessageId]);
      recordGeneration(writer, forum, documentId, want, hashes(want.text));
      existing.add(want.id);
    }
    live.splice(at, 0, ...placed);
    indexOf.clear();
    live.forEach((p, n) => indexOf.set(p.id, n));
    i = end;
  }
}

/**
 * Brings one generated paragraph up to its source, language by language: refreshed where nobody
 * edited it, kept where someone did. 'updated' when any language was refreshed or added,
 * 'edited' when any was kept against a changed source.
 */
function refresh(writer: Writer, forum: Forum, documentId: string, want: WantedParagraph, record: GeneratedRecord): 'updated' | 'edited' | 'same' {
  const text: Record<string, string> = {};
  const generated: Record<string, string> = {};
  let edited = false;
  for (const [lang, value] of Object.entries(want.text)) {
    const state = compareLanguage(record, lang, value);
    if (state === 'refresh' || state === 'new') {
      text[lang] = value;
      generated[lang] = textHash(value);
    } else if (state === 'edited') edited = true;
    else if (record.text?.[lang] === value && record.generated[lang] !== textHash(value)) generated[lang] = textHash(value);
  }
  if (Object.keys(text).length > 0) writeRow(writer, 'outcome_paragraphs', want.id, { text });
  if (Object.keys(generated).length > 0) recordGeneration(writer, forum, documentId, want, generated);
  return Object.keys(text).length > 0 ? 'updated' : edited ? 'edited' : 'same';
}
