import type { Database } from 'better-sqlite3';
import { newRowId } from '../../../shared/rowIds';
import { maxParagraphLevel, paragraphRoles, type ParagraphRole } from '../../../shared/paragraphPlace';
import { referenceIds } from '../../../shared/paragraphRefs';
import { CoreError } from '../errors';
import { writeRow, type Writer } from './changeLog';
import { getForum } from './forums';
import { checkMergeFields } from './checkMergeFields';
import { checkRichText } from './checkRichText';
import { liveParagraph, type ParagraphRecord } from './outcomeParagraphs';

// The negotiation's paragraph model (issue 15, item 1): roles, levels, alternatives and
// cross-references, checked before anything is written so that bad input leaves the data as it was.

export function checkRole(role: unknown): asserts role is ParagraphRole | null {
  if (role === null || (paragraphRoles as readonly unknown[]).includes(role)) return;
  throw new CoreError('invalid_input', `Unknown paragraph role ${JSON.stringify(role)}: a paragraph is preambular, operative or neither.`, [
    { path: 'role', message: 'validation.unknownRole' },
  ]);
}

/** 0, 1 or 2; a heading is never a sub-paragraph. */
export function checkLevel(level: number, kind: string): void {
  if (!Number.isInteger(level) || level < 0 || level > maxParagraphLevel) {
    throw new CoreError('invalid_input', `A paragraph's level is 0 (a paragraph), 1 (a sub-paragraph) or 2 (a sub-sub-paragraph), not ${level}.`, [
      { path: 'level', message: 'validation.invalid' },
    ]);
  }
  if (level > 0 && kind === 'heading') {
    throw new CoreError('invalid_input', 'A heading cannot be a sub-paragraph.', [{ path: 'level', message: 'validation.headingLevel' }]);
  }
}

/**
 * Every paragraph a text refers to must be a live paragraph of the same document: a reference
 * to another document's (or forum's) paragraph, or to one that does not exist, is refused.
 */
export function checkReferences(db: Database, documentId: string, texts: Record<string, string>): void {
  const find = db.prepare('SELECT coalesce(document_id, forum_id) AS document_id, deleted FROM outcome_paragraphs WHERE id = ?');
  for (const [lang, text] of Object.entries(texts)) {
    for (const id of referenceIds(text)) {
      const target = find.get(id) as { document_id: string; deleted: number } | undefined;
      if (target && target.document_id === documentId && !target.deleted) continue;
      const why = !target ? 'no such paragraph' : target.document_id !== documentId ? 'a paragraph of another document' : 'a deleted paragraph';
      throw new CoreError('invalid_input', `The ${lang} text refers to paragraph ${id}, ${why}; a reference names a paragraph of this document.`, [
        { path: `text.${lang}`, message: 'validation.paragraphReference' },
      ]);
    }
  }
}

/** The paragraph an alternative belongs to (itself for a paragraph): where it stands in the order. */
export function slotBase(db: Database, id: string): string {
  const row = db.prepare('SELECT alternative_of FROM outcome_paragraphs WHERE id = ?').get(id) as { alternative_of: string | null } | undefined;
  return row?.alternative_of ?? id;
}

/** The live paragraph and its live alternatives, in label order (the paragraph, bis, ter…). */
function slotMembers(db: Database, baseId: string): Array<{ id: string; withdrawn: number }> {
  return db
    .prepare(
      `SELECT id, coalesce(withdrawn, 0) AS withdrawn FROM outcome_paragraphs
        WHERE deleted = 0 AND (id = ? OR alternative_of = ?)
        ORDER BY alternative_of IS NOT NULL, coalesce(position, ''), id`,
    )
    .all(baseId, baseId) as Array<{ id: string; withdrawn: number }>;
}

/** `chosen` was agreed: the other alternatives of its paragraph are withdrawn (and it is not). Inside the write's transaction. */
export function withdrawOthers(writer: Writer, chosen: ParagraphRecord): void {
  const members = slotMembers(writer.db, chosen.alternative_of ?? chosen.id);
  if (members.length < 2) return;
  for (const member of members) {
    const withdrawn = member.id === chosen.id ? 0 : 1;
    if (member.withdrawn !== withdrawn) writeRow(writer, 'outcome_paragraphs', member.id, { withdrawn });
  }
}

export interface NewAlternative {
  /** The paragraph it is an alternative of. */
  paragraphId: string;
  text: Record<string, string>;
  proposers: string[];
  /** A client's id, so a retried request never makes two. */
  id?: string | undefined;
}

/**
 * An alternative to a paragraph: its next `bis`, `ter`… Labels come from the alternatives' order,
 * and two laptops adding one each both keep theirs (their order is the same everywhere: by
 * position key, then id). A paragraph deleted (here or by a bundle), an alternative of an
 * alternative, or a heading is refused, and nothing is written.
 */
export function addAlternative(writer: Writer, input: NewAlternative): string {
  const db = writer.db;
  if (input.id !== undefined) {
    const existing = db.prepare('SELECT alternative_of FROM outcome_paragraphs WHERE id = ?').get(input.id) as { alternative_of: string | null } | undefined;
    if (existing?.alternative_of === input.paragraphId) return input.id;
    if (existing) throw new CoreError('invalid_input', `Paragraph ${input.id} already exists.`, [{ path: 'alternativeId', message: 'validation.invalid' }]);
  }
  const base = liveParagraph(db, input.paragraphId);
  if (base.alternative_of !== null) {
    throw new CoreError('invalid_input', `Paragraph ${base.id} is itself an alternative; add the alternative to paragraph ${base.alternative_of} instead.`, [
      { path: 'id', message: 'validation.alternativeOfAlternative' },
    ]);
  }
  if (base.kind === 'heading') throw new CoreError('invalid_input', 'A heading has no alternatives.', [{ path: 'id', message: 'validation.headingAlternative' }]);
  if (base.withdrawn) throw new CoreError('invalid_input', `Paragraph ${base.id} was withdrawn when another alternative was agreed.`, [{ path: 'id', message: 'validation.withdrawn' }]);
  const forum = getForum(db, base.forum_id);
  const text = Object.fromEntries(Object.entries(input.text).filter(([, value]) => value !== ''));
  const foreign = Object.keys(text).filter((lang) => !forum.languages.includes(lang));
  if (foreign.length > 0) {
    throw new CoreError('invalid_input', `Not working languages of the forum: ${foreign.join(', ')}.`, foreign.map((lang) => ({ path: `text.${lang}`, message: 'validation.notWorkingLanguage' })));
  }
  if (Object.keys(text).length === 0) {
    throw new CoreError('invalid_input', 'An alternative needs text.', [{ path: `text.${forum.sourceLanguage}`, message: 'validation.emptyParagraph' }]);
  }
  const prefixed = Object.fromEntries(Object.entries(text).map(([lang, value]) => [`text.${lang}`, value]));
  checkMergeFields(prefixed);
  checkRichText(prefixed);
  checkReferences(db, base.document_id, text);
  const proposers = [...new Set(input.proposers.map((name) => name.trim()).filter((name) => name !== ''))];
  const id = input.id ?? newRowId();
  const last = db
    .prepare("SELECT max(coalesce(position, '')) AS position FROM outcome_paragraphs WHERE alternative_of = ? AND deleted = 0")
    .get(base.id) as { position: string | null };
  db.transaction(() => {
    writeRow(writer, 'outcome_paragraphs', id, {
      forum_id: base.forum_id,
      document_id: base.document_id,
      kind: base.kind,
      role: base.role ?? undefined,
      level: base.level || undefined,
      alternative_of: base.id,
      position: alternativeKey(last.position),
      text,
      status: 'proposed',
      proposers,
      deleted: 0,
    });
  })();
  return id;
}

/** After the last alternative's key: the same on two laptops that add one each, told apart by id. */
function alternativeKey(last: string | null): string {
  const n = last === null || last === '' ? 0 : Number.parseInt(last, 36) + 1;
  return (Number.isFinite(n) ? n : 0).toString(36).padStart(4, '0');
}
