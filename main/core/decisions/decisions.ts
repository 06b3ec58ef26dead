import type { Database } from 'better-sqlite3';
import { newRowId } from '../../../shared/rowIds';
import { directionOf } from '../../../shared/languages';
import { tallyVotes, type Decision, type DecisionMethod, type DecisionStatement, type DocumentDecisions, type RecordedVote, type StatementKind, type VoteValue } from '../../../shared/decisions';
import { CoreError } from '../errors';
import { writeRow, type Writer } from '../store/changeLog';
import { derivedId } from '../store/derivedId';
import { liveDocument } from '../store/outcomeDocuments';
import { liveParagraph } from '../store/outcomeParagraphs';
import { delegationKey, delegationName, forumDelegations } from './delegations';
import { listSilence } from './silence';

// The record of how a document, or a paragraph of it, was decided. One decision row per document
// and paragraph, whose id every laptop computes alike, so two laptops recording the same decision
// write one row; one vote row per decision and delegation, likewise. Whether it was adopted is
// never stored: a vote's outcome is its tally, read from the votes as they stand.

const methods = new Set<string>(['consensus', 'vote']);
const votes = new Set<string>(['yes', 'no', 'abstain', 'absent']);
const kinds = new Set<string>(['explanation_of_vote', 'explanation_of_position', 'reservation']);

export const decisionId = (documentId: string, paragraphId: string | null): string => derivedId('decision', documentId, paragraphId ?? '');
const voteId = (decision: string, delegation: string): string => derivedId('decision-vote', decision, delegation);

/** This laptop's name, as people know it: who recorded a decision. */
export function laptopName(db: Database): string {
  return (db.prepare("SELECT value FROM meta WHERE key = 'device_name'").pluck().get() as string | undefined) ?? '';
}

/** The laptop's clock now, as an ISO instant. */
export const wallIso = (writer: Writer): string => new Date(writer.clock.wallNow()).toISOString();

/** The document (live), and the paragraph if one is named (live and of that document). */
function target(db: Database, documentId: string, paragraphId: string | null): { forumId: string } {
  const { row } = liveDocument(db, documentId);
  if (paragraphId !== null) {
    const paragraph = liveParagraph(db, paragraphId);
    if (paragraph.document_id !== documentId) throw new CoreError('not_found', `Paragraph ${paragraphId} is not in document ${documentId}.`);
  }
  return { forumId: row.forum_id };
}

interface DecisionRow {
  id: string;
  document_id: string;
  paragraph_id: string | null;
  method: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
  note: string | null;
}

function listDecisions(db: Database, documentId: string, lang: string): Decision[] {
  const rows = db
    .prepare('SELECT id, document_id, paragraph_id, method, recorded_by, recorded_at, note FROM decisions WHERE document_id = ? AND deleted = 0 ORDER BY paragraph_id IS NOT NULL, recorded_at, id')
    .all(documentId) as DecisionRow[];
  const voteRows = db.prepare('SELECT delegation, vote FROM decision_votes WHERE decision_id = ? AND deleted = 0');
  const collator = new Intl.Collator([lang, 'en']);
  return rows
    .filter((row) => row.method !== null && methods.has(row.method))
    .map((row) => {
      const recorded = (voteRows.all(row.id) as Array<{ delegation: string | null; vote: string | null }>)
        .filter((v): v is { delegation: string; vote: VoteValue } => v.delegation !== null && v.vote !== null && votes.has(v.vote))
        .map((v): RecordedVote => ({ delegation: v.delegation, name: delegationName(v.delegation, lang), vote: v.vote }))
        .sort((a, b) => collator.compare(a.name, b.name));
      const tally = tallyVotes(recorded.map((v) => v.vote));
      const method = row.method as DecisionMethod;
      return {
        id: row.id,
        documentId: row.document_id,
        paragraphId: row.paragraph_id,
        method,
        recordedBy: row.recorded_by ?? '',
        recordedAt: row.recorded_at ?? '',
        note: row.note ?? '',
        votes: recorded,
        tally,
        adopted: method === 'consensus' || tally.adopted,
      };
    });
}

function listStatements(db: Database, documentId: string, lang: string): DecisionStatement[] {
  const rows = db
    .prepare('SELECT id, document_id, paragraph_id, delegation, kind, text, lang, recorded_at FROM decision_statements WHERE document_id = ? AND deleted = 0 ORDER BY recorded_at, id')
    .all(documentId) as Array<{ id: string; document_id: string; paragraph_id: string | null; delegation: string | null; kind: string | null; text: string | null; lang: string | null; recorded_at: string | null }>;
  return rows
    .filter((row) => row.kind !== null && kinds.has(row.kind) && row.delegation)
    .map((row) => ({
      id: row.id,
      documentId: row.document_id,
      paragraphId: row.paragraph_id,
      delegation: row.delegation ?? '',
      name: delegationName(row.delegation ?? '', lang),
      kind: row.kind as StatementKind,
      text: row.text ?? '',
      lang: row.lang ?? 'und',
      dir: directionOf(row.lang ?? 'en'),
      recordedAt: row.recorded_at ?? '',
    }));
}

/** Everything decided on a document, names in `lang`; `now` (ms) decides only whether a deadline has passed. */
export function documentDecisions(db: Database, documentId: string, lang: string, now: number): DocumentDecisions {
  const { row } = liveDocument(db, documentId);
  return {
    documentId,
    delegations: forumDelegations(db, row.forum_id, lang),
    decisions: listDecisions(db, documentId, lang),
    statements: listStatements(db, documentId, lang),
    silence: listSilence(db, documentId, lang, now),
    now: new Date(now).toISOString(),
  };
}

/** The decision row, made or turned to `method` (stamped with this laptop and its clock when it changes). */
function writeDecision(writer: Writer, forumId: string, documentId: string, paragraphId: string | null, method: DecisionMethod, note?: string): string {
  const id = decisionId(documentId, paragraphId);
  const existing = writer.db.prepare('SELECT method, note, deleted FROM decisions WHERE id = ?').get(id) as { method: string | null; note: string | null; deleted: number } | undefined;
  const fresh = !existing || existing.deleted === 1 || existing.method !== method;
  if (!fresh && (note === undefined || note === existing.note)) return id;
  writeRow(writer, 'decisions', id, {
    ...(existing ? {} : { forum_id: forumId, document_id: documentId, paragraph_id: paragraphId }),
    method,
    ...(fresh ? { recorded_by: laptopName(writer.db), recorded_at: wallIso(writer) } : {}),
    note: note ?? (existing ? undefined : ''),
    deleted: existing?.deleted ? 0 : existing ? undefined : 0,
  });
  return id;
}

/** Adopted by consensus (a note optional): the document, or one paragraph. */
export function recordConsensus(writer: Writer, documentId: string, paragraphId: string | null, note: string): void {
  const { forumId } = target(writer.db, documentId, paragraphId);
  writer.db.transaction(() => writeDecision(writer, forumId, documentId, paragraphId, 'consensus', note))();
}

/**
 * Records delegations' votes (a delegation as typed or picked: a known one, else kept as typed),
 * all in one transaction, and makes the decision a recorded vote. Only votes that change are written.
 */
export function recordVotes(writer: Writer, documentId: string, paragraphId: string | null, entries: ReadonlyArray<{ delegation: string; vote: VoteValue }>): void {
  const { forumId } = target(writer.db, documentId, paragraphId);
  const known = forumDelegations(writer.db, forumId, 'en');
  const keyed = entries.map((e) => ({ key: delegationKey(e.delegation, known), vote: e.vote }));
  const keys = new Set<string>();
  for (const e of keyed) {
    if (keys.has(e.key)) throw new CoreError('invalid_input', `The delegation ${e.key} is listed twice.`, [{ path: 'votes', message: 'validation.duplicateDelegation' }]);
    keys.add(e.key);
  }
  writer.db.transaction(() => {
    const decision = writeDecision(writer, forumId, documentId, paragraphId, 'vote');
    const at = wallIso(writer);
    const read = writer.db.prepare('SELECT vote, deleted FROM decision_votes WHERE id = ?');
    for (const e of keyed) {
      const id = voteId(decision, e.key);
      const existing = read.get(id) as { vote: string | null; deleted: number } | undefined;
      if (existing && existing.vote === e.vote && existing.deleted === 0) continue;
      writeRow(writer, 'decision_votes', id, {
        ...(existing ? {} : { forum_id: forumId, decision_id: decision, delegation: e.key }),
        vote: e.vote,
        recorded_at: at,
        deleted: 0,
      });
    }
  })();
}

/** Takes the decision back (its votes stay in the log, and return if it is recorded as a vote again). */
export function clearDecision(writer: Writer, documentId: string, paragraphId: string | null): void {
  target(writer.db, documentId, paragraphId);
  const id = decisionId(documentId, paragraphId);
  const live = writer.db.prepare('SELECT 1 FROM decisions WHERE id = ? AND deleted = 0').get(id);
  if (live) writeRow(writer, 'decisions', id, { deleted: 1 });
}

export interface StatementInput {
  documentId: string;
  paragraphId: string | null;
  delegation: string;
  kind: StatementKind;
  text: string;
  textLang: string;
  id?: string | undefined;
}

/** An explanation of position or vote, or a reservation, in its own language. A retried one (same id) is not made twice. */
export function addStatement(writer: Writer, input: StatementInput): string {
  const { forumId } = target(writer.db, input.documentId, input.paragraphId);
  const id = input.id ?? newRowId();
  if (writer.db.prepare('SELECT 1 FROM decision_statements WHERE id = ?').get(id)) return id;
  const known = forumDelegations(writer.db, forumId, 'en');
  writeRow(writer, 'decision_statements', id, {
    forum_id: forumId,
    document_id: input.documentId,
    paragraph_id: input.paragraphId,
    delegation: delegationKey(input.delegation, known),
    kind: input.kind,
    text: input.text,
    lang: input.textLang,
    recorded_at: wallIso(writer),
    deleted: 0,
  });
  return id;
}

/** Removes a statement; answers the document it belonged to. */
export function removeStatement(writer: Writer, id: string): string {
  const row = writer.db.prepare('SELECT document_id, deleted FROM decision_statements WHERE id = ?').get(id) as { document_id: string; deleted: number } | undefined;
  if (!row) throw new CoreError('not_found', `No statement with id ${id}.`);
  if (row.deleted === 0) writeRow(writer, 'decision_statements', id, { deleted: 1 });
  return row.document_id;
}
