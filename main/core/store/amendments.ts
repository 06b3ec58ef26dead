import type { Database } from 'better-sqlite3';
import { newRowId } from '../../../shared/rowIds';
import type { Amendment, AmendmentInput, AmendmentKind, AmendmentStatus } from '../../../shared/amendments';
import type { DraftParagraph } from '../../../shared/outcome';
import { checkRichText } from './checkRichText';
import { CoreError } from '../errors';
import { cachedStatement } from './cachedStatement';
import { writeRow, type Writer } from './changeLog';
import { rowHistory } from './rowHistory';
import { derivedId } from './derivedId';
import { getForum } from './forums';
import { createParagraph, liveParagraph, paragraphRecord, setParagraphDeleted, updateParagraph } from './outcomeParagraphs';
import { getDraftParagraph } from './outcomeView';
import { cellHeads } from './proseHeads';
import { checkDelegation } from './stances';

interface AmendmentRow {
  id: string;
  paragraph_id: string;
  kind: string;
  lang: string;
  text: string | null;
  base_text: string | null;
  proposer_id: string | null;
  proposer_name: string | null;
  rationale: string | null;
  status: string;
  created_at: string | null;
  decided_at: string | null;
  /** The paragraph's text in the amendment's language now. */
  current_text: string | null;
  participant_label: string | null;
}

// The proposer is shown as a delegation, like a stance: the name typed, else the participant's
// organisation, else their name.
const selectAmendments = `SELECT a.id, a.paragraph_id, a.kind, a.lang, a.text, a.base_text, a.proposer_id, a.proposer_name,
    a.rationale, a.status, a.created_at, a.decided_at,
    json_extract(op.text, '$."' || a.lang || '"') AS current_text,
    coalesce(nullif(trim(pp.organisation), ''), pp.name) AS participant_label
  FROM amendments a
  LEFT JOIN outcome_paragraphs op ON op.id = a.paragraph_id
  LEFT JOIN participants pp ON pp.id = a.proposer_id`;

const kinds = new Set<string>(['replace', 'insert_after', 'delete']);
const statuses = new Set<string>(['open', 'accepted', 'rejected', 'withdrawn']);

/** A paragraph's amendments, oldest first, whatever their status. */
// Two amendments proposed in the same millisecond are told apart by the clock of the change that
// created each (unique and the same on every laptop), not by their random ids.
const oldestFirst = `ORDER BY a.created_at, (SELECT min(c.hlc) FROM changes c WHERE c.tbl = 'amendments' AND c.row_id = a.id), a.id`;

export function listAmendments(db: Database, paragraphId: string): Amendment[] {
  paragraphRecord(db, paragraphId);
  const rows = cachedStatement(db, `${selectAmendments} WHERE a.paragraph_id = ? AND a.deleted = 0 ${oldestFirst}`).all(
    paragraphId,
  ) as AmendmentRow[];
  return rows.map((row) => toAmendment(db, row));
}

export function getAmendment(db: Database, id: string): Amendment {
  return toAmendment(db, amendmentRow(db, id));
}

function amendmentRow(db: Database, id: string): AmendmentRow {
  const row = cachedStatement(db, `${selectAmendments} WHERE a.id = ? AND a.deleted = 0`).get(id) as AmendmentRow | undefined;
  if (!row) throw new CoreError('not_found', `No amendment with id ${id}.`);
  return row;
}

function toAmendment(db: Database, row: AmendmentRow): Amendment {
  const status = (statuses.has(row.status) ? row.status : 'open') as AmendmentStatus;
  const text = row.text ?? '';
  const baseText = row.base_text ?? '';
  return {
    id: row.id,
    paragraphId: row.paragraph_id,
    kind: (kinds.has(row.kind) ? row.kind : 'replace') as AmendmentKind,
    lang: row.lang,
    text,
    baseText,
    proposer: { participantId: row.proposer_id, name: row.proposer_name || row.participant_label || '' },
    rationale: row.rationale ?? '',
    status,
    createdAt: row.created_at ?? '',
    decidedAt: row.decided_at,
    stale: status === 'open' && (row.current_text ?? '') !== baseText,
    alternatives: otherVersions(db, row.id, text),
  };
}

/** Versions of the amendment's text edited concurrently on other laptops (not the one shown). */
function otherVersions(db: Database, id: string, shown: string): string[] {
  const heads = cellHeads('amendments', 'text', rowHistory(db, 'amendments', id));
  if (heads.length < 2) return [];
  // Two laptops that typed the same correction do not disagree.
  const texts = heads.slice(1).map((c) => (typeof c.cells.text === 'string' ? c.cells.text : ''));
  return [...new Set(texts)].filter((text) => text !== shown);
}

const invalid = (path: string, key: string, message: string) => new CoreError('invalid_input', message, [{ path, message: key }]);

/**
 * The text an amendment proposes, checked against the paragraph: a deletion proposes none (any
 * text given with it is not kept), the others need some, and a replacement must change something.
 */
function proposedText(kind: AmendmentKind, text: string, base: string): string {
  if (kind === 'delete') return '';
  if (text === '') throw invalid('text', 'validation.emptyAmendment', 'An amendment needs the text it proposes.');
  // Accepting it writes the text into the paragraph, which would refuse it then: say so now.
  checkRichText({ text });
  if (kind === 'replace' && text === base) {
    throw invalid('text', 'validation.amendmentUnchanged', 'The amendment proposes the paragraph’s current text: change it, or propose nothing.');
  }
  return text;
}

/** A new open amendment against the paragraph's current text in `lang`; returns its id. */
export function proposeAmendment(writer: Writer, input: AmendmentInput): string {
  const db = writer.db;
  if (input.id !== undefined && alreadyProposed(db, input.id, input.paragraphId)) return input.id;
  const paragraph = liveParagraph(db, input.paragraphId);
  const forum = getForum(db, paragraph.forum_id);
  if (!forum.languages.includes(input.lang)) {
    throw invalid('lang', 'validation.notWorkingLanguage', `${input.lang} is not a working language of the forum (${forum.languages.join(', ')}).`);
  }
  // A new paragraph needs its source text (a translation alone is refused when it is created).
  if (input.kind === 'insert_after' && input.lang !== forum.sourceLanguage) {
    throw invalid('lang', 'validation.insertInSource', `A new paragraph is proposed in the source language (${forum.sourceLanguage}).`);
  }
  const base = paragraph.text[input.lang] ?? '';
  const text = proposedText(input.kind, input.text, base);
  checkDelegation(db, forum.id, input.proposer);
  const id = input.id ?? newRowId();
  writeRow(writer, 'amendments', id, {
    forum_id: forum.id,
    paragraph_id: paragraph.id,
    kind: input.kind,
    lang: input.lang,
    text,
    base_text: base,
    proposer_id: input.proposer.participantId,
    proposer_name: input.proposer.name,
    rationale: input.rationale,
    status: 'open',
    created_at: new Date().toISOString(),
    decided_at: null,
    deleted: 0,
  });
  return id;
}

/**
 * A proposal retried with the id it was first sent with (its answer was lost) finds the amendment
 * made then, whatever has happened to it since, and changes nothing; an id that names another
 * paragraph's amendment is refused.
 */
function alreadyProposed(db: Database, id: string, paragraphId: string): boolean {
  const existing = db.prepare('SELECT paragraph_id FROM amendments WHERE id = ?').get(id) as { paragraph_id: string } | undefined;
  if (!existing) return false;
  if (existing.paragraph_id !== paragraphId) throw invalid('id', 'validation.invalid', `Amendment ${id} already exists for another paragraph.`);
  return true;
}

/** The proposer's edits while the amendment is open; the text is prose (concurrent edits kept). */
export function updateAmendment(writer: Writer, id: string, patch: { text?: string | undefined; rationale?: string | undefined }): void {
  const row = amendmentRow(writer.db, id);
  if (row.status !== 'open') {
    throw invalid('id', 'validation.amendmentDecided', `Amendment ${id} is ${row.status}: reopen it before editing.`);
  }
  const kind = (kinds.has(row.kind) ? row.kind : 'replace') as AmendmentKind;
  const text = patch.text === undefined || kind === 'delete' ? undefined : proposedText(kind, patch.text, row.base_text ?? '');
  writeRow(writer, 'amendments', id, {
    text: text !== undefined && text !== row.text ? text : undefined,
    rationale: patch.rationale !== undefined && patch.rationale !== row.rationale ? patch.rationale : undefined,
  });
}

/** The paragraph an accepted insert_after makes: the same id on every laptop that accepts it. */
export const insertedParagraphId = (amendmentId: string): string => derivedId('amendment-insert', amendmentId);

const stale = (row: AmendmentRow, what: string) =>
  new CoreError('amendment_stale', `Paragraph ${row.paragraph_id} ${what}. Review its current text, then decide again.`);

/**
 * Applies an accepted amendment. If the paragraph changed since the amendment was proposed, only
 * a chair who has seen the change (reviewedText is the current text) may accept it; the amendment
 * is then counted against that text, so reopening it restores what the chair saw.
 */
function applyAmendment(writer: Writer, row: AmendmentRow, reviewedText: string | undefined): void {
  const paragraph = liveParagraph(writer.db, row.paragraph_id);
  const current = paragraph.text[row.lang] ?? '';
  if (current !== (row.base_text ?? '')) {
    if (reviewedText !== current) throw stale(row, 'changed since the amendment was proposed');
    writeRow(writer, 'amendments', row.id, { base_text: current });
  }
  const text = row.text ?? '';
  if (row.kind === 'replace') updateParagraph(writer, paragraph.id, { text: { [row.lang]: text } });
  else if (row.kind === 'delete') setParagraphDeleted(writer, paragraph.id, true);
  else {
    const insertedId = insertedParagraphId(row.id);
    const earlier = writer.db.prepare('SELECT deleted FROM outcome_paragraphs WHERE id = ?').get(insertedId) as { deleted: number } | undefined;
    if (!earlier) {
      createParagraph(writer, {
        documentId: paragraph.document_id,
        after: paragraph.id,
        kind: 'numbered',
        text: { [row.lang]: text },
        id: insertedId,
        status: 'draft',
      });
    } else {
      // Accepted before, then reopened: the same paragraph comes back where it was.
      setParagraphDeleted(writer, insertedId, false);
      updateParagraph(writer, insertedId, { text: { [row.lang]: text } });
    }
  }
}

/** Undoes an acceptance while the paragraph is as the acceptance left it. */
function takeBack(writer: Writer, row: AmendmentRow): void {
  const db = writer.db;
  const text = row.text ?? '';
  if (row.kind === 'replace') {
    const paragraph = paragraphRecord(db, row.paragraph_id);
    if (paragraph.deleted || (paragraph.text[row.lang] ?? '') !== text) throw stale(row, 'changed since the amendment was accepted');
    updateParagraph(writer, paragraph.id, { text: { [row.lang]: row.base_text ?? '' } });
  } else if (row.kind === 'delete') {
    setParagraphDeleted(writer, row.paragraph_id, false);
  } else {
    const insertedId = insertedParagraphId(row.id);
    const inserted = db.prepare('SELECT 1 FROM outcome_paragraphs WHERE id = ?').get(insertedId);
    if (!inserted) return;
    const paragraph = paragraphRecord(db, insertedId);
    if (paragraph.deleted) return;
    if ((paragraph.text[row.lang] ?? '') !== text) throw stale({ ...row, paragraph_id: insertedId }, 'was edited after it was inserted');
    setParagraphDeleted(writer, insertedId, true);
  }
}

/**
 * The chair's decision, in one transaction: accepting applies the amendment, leaving an accepted
 * one takes its effect back first; other changes of status touch the amendment alone. Competing
 * amendments of the same paragraph stay as they are (open ones become stale, none is lost).
 */
export function decideAmendment(writer: Writer, id: string, decision: AmendmentStatus, reviewedText?: string): void {
  const db = writer.db;
  db.transaction(() => {
    const row = amendmentRow(db, id);
    if (row.status === decision) return;
    getForum(db, paragraphRecord(db, row.paragraph_id).forum_id);
    if (row.status === 'accepted') takeBack(writer, row);
    if (decision === 'accepted') applyAmendment(writer, row, reviewedText);
    writeRow(writer, 'amendments', id, { status: decision, decided_at: decision === 'open' ? null : new Date().toISOString() });
  })();
}

/** The paragraph as the drafting view shows it after a decision; null if it is gone entirely. */
export function paragraphAfterDecision(db: Database, paragraphId: string): DraftParagraph | null {
  try {
    return getDraftParagraph(db, paragraphId);
  } catch (error) {
    if (error instanceof CoreError && error.code === 'not_found') return null;
    throw error;
  }
}
