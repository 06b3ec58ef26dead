import type { Database } from 'better-sqlite3';
import { newRowId } from '../../../shared/rowIds';
import type { Forum } from '../../../shared/forum';
import { maxParagraphText, type ParagraphKind, type ParagraphStatus } from '../../../shared/outcome';
import { paragraphStatuses } from '../../../shared/forum';
import type { ParagraphRole } from '../../../shared/paragraphPlace';
import type { FieldIssue } from '../../../shared/result';
import { CoreError } from '../errors';
import { writeRow, type Writer } from './changeLog';
import { getForum } from './forums';
import { liveDocument } from './outcomeDocuments';
import { positionAfter, positionBetween } from './paragraphOrder';
import { checkMergeFields } from './checkMergeFields';
import { checkRichText } from './checkRichText';
import { checkKeyMessages, currentLinks, linkSources } from './paragraphSources';
import { checkLevel, checkReferences, checkRole, slotBase, withdrawOthers } from './paragraphModel';

export interface ParagraphRecord {
  id: string;
  forum_id: string;
  /** The document it belongs to (the forum's first for paragraphs from before documents). */
  document_id: string;
  text: Record<string, string>;
  status: ParagraphStatus;
  kind: ParagraphKind;
  role: ParagraphRole | null;
  level: number;
  /** The paragraph it is an alternative of (`bis`, `ter`…), else null. */
  alternative_of: string | null;
  withdrawn: number;
  deleted: number;
}

const statuses = new Set<string>(paragraphStatuses);
const kinds = new Set<string>(['numbered', 'plain', 'heading']);

/** A paragraph whatever its state (a tombstoned one too); not_found if there is none. */
export function paragraphRecord(db: Database, id: string): ParagraphRecord {
  const row = db
    .prepare(
      `SELECT id, forum_id, coalesce(document_id, forum_id) AS document_id, text, status, kind, role,
              coalesce(level, 0) AS level, alternative_of, coalesce(withdrawn, 0) AS withdrawn, deleted
         FROM outcome_paragraphs WHERE id = ?`,
    )
    .get(id) as (Omit<ParagraphRecord, 'text'> & { text: string }) | undefined;
  if (!row) throw new CoreError('not_found', `No paragraph with id ${id}.`);
  return {
    ...row,
    text: JSON.parse(row.text) as Record<string, string>,
    status: statuses.has(row.status) ? row.status : 'draft',
    kind: kinds.has(row.kind) ? row.kind : 'numbered',
    role: row.role === 'preambular' || row.role === 'operative' ? row.role : null,
  };
}

/** A paragraph that can be edited: not tombstoned (undo the deletion first). */
export function liveParagraph(db: Database, id: string): ParagraphRecord {
  const row = paragraphRecord(db, id);
  if (row.deleted) throw new CoreError('not_found', `Paragraph ${id} was deleted; restore it before editing.`);
  return row;
}

/** At most maxParagraphText UTF-16 units (the contract's measure), never half of a surrogate pair. */
function cut(text: string): string {
  if (text.length <= maxParagraphText) return text;
  const head = text.slice(0, maxParagraphText);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

function checkWorkingLanguages(forum: Forum, text: Record<string, string> | undefined): void {
  const issues: FieldIssue[] = Object.keys(text ?? {})
    .filter((lang) => !forum.languages.includes(lang))
    .map((lang) => ({ path: `text.${lang}`, message: 'validation.notWorkingLanguage' }));
  if (issues.length > 0) {
    throw new CoreError('invalid_input', `Not working languages of the forum (${forum.languages.join(', ')}): ${issues.map((i) => i.path).join(', ')}.`, issues);
  }
}

const emptyParagraph = (forum: Forum) =>
  new CoreError('invalid_input', `A paragraph needs text (in ${forum.sourceLanguage}, the source language); to remove one, delete it instead.`, [
    { path: `text.${forum.sourceLanguage}`, message: 'validation.emptyParagraph' },
  ]);

const prefixed = (text: Record<string, string>) => Object.fromEntries(Object.entries(text).map(([lang, value]) => [`text.${lang}`, value]));

/** Chinese and Japanese sentences run on without a space; others take one. */
const joins = (before: string) => (/[\u3000-\u303f\uff00-\uffef]$/.test(before) ? '' : ' ');

/** Per language, the messages' texts joined in the order given. */
function textOfMessages(messages: Array<{ text: Record<string, string> }>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const message of messages) {
    for (const [lang, text] of Object.entries(message.text)) {
      const trimmed = text.trim();
      if (!trimmed) continue;
      const before = result[lang];
      result[lang] = before === undefined ? trimmed : `${before}${joins(before)}${trimmed}`;
    }
  }
  return Object.fromEntries(Object.entries(result).map(([lang, text]) => [lang, cut(text)]));
}

export interface NewParagraph {
  documentId: string;
  /** The paragraph it follows; null: first. */
  after: string | null;
  kind: ParagraphKind;
  text: Record<string, string>;
  keyMessageIds?: string[] | undefined;
  /** A deterministic id, so two laptops making "the same" paragraph (an accepted amendment) make one. */
  id?: string | undefined;
  status?: ParagraphStatus | undefined;
  role?: ParagraphRole | null | undefined;
  level?: number | undefined;
}

/**
 * A new paragraph. Given key messages and no text, it starts as their texts joined per language.
 * It needs text in some working language: usually the source, but a delegation's amendment
 * inserting a paragraph may come in another language and be translated back later.
 */
export function createParagraph(writer: Writer, input: NewParagraph): string {
  const db = writer.db;
  const { row: document, forum } = liveDocument(db, input.documentId);
  if (input.id !== undefined && alreadyCreated(db, input.id, document.id)) return input.id;
  const given = Object.fromEntries(Object.entries(input.text).filter(([, text]) => text !== ''));
  checkWorkingLanguages(forum, given);
  checkMergeFields(prefixed(given));
  checkRichText(prefixed(given));
  checkReferences(db, document.id, given);
  if (input.role !== undefined) checkRole(input.role);
  if (input.level !== undefined) checkLevel(input.level, input.kind);
  const messages = checkKeyMessages(db, forum.id, input.keyMessageIds ?? []);
  const text = Object.keys(given).length === 0 ? textOfMessages(messages) : given;
  for (const lang of Object.keys(text)) if (!forum.languages.includes(lang)) delete text[lang];
  if (Object.keys(text).length === 0) throw emptyParagraph(forum);
  const id = input.id ?? newRowId();
  db.transaction(() => {
    writeRow(writer, 'outcome_paragraphs', id, {
      forum_id: forum.id,
      document_id: document.id,
      kind: input.kind,
      position: positionAfter(writer, document.id, input.after === null ? null : slotBase(db, input.after)),
      text,
      status: input.status ?? 'draft',
      role: input.role ?? undefined,
      level: input.level ? input.level : undefined,
      deleted: 0,
    });
    linkSources(writer, forum.id, id, messages.map((m) => m.id));
  })();
  return id;
}

/**
 * A create retried with the id it was first sent with (its answer was lost) finds the paragraph
 * made then and changes nothing; an id that names another document's paragraph is refused.
 */
function alreadyCreated(db: Database, id: string, documentId: string): boolean {
  const existing = db.prepare('SELECT coalesce(document_id, forum_id) AS document_id FROM outcome_paragraphs WHERE id = ?').get(id) as { document_id: string } | undefined;
  if (!existing) return false;
  if (existing.document_id !== documentId) {
    throw new CoreError('invalid_input', `Paragraph ${id} already exists in another document.`, [{ path: 'id', message: 'validation.invalid' }]);
  }
  return true;
}

export interface ParagraphPatch {
  text?: Record<string, string> | undefined;
  status?: ParagraphStatus | undefined;
  kind?: ParagraphKind | undefined;
  /** null: neither preambular nor operative. */
  role?: ParagraphRole | null | undefined;
  level?: number | undefined;
  proposers?: string[] | undefined;
}

/**
 * Writes only the cells that changed, so a translation typed on one laptop and a status set on
 * another both survive. Emptying the source text is refused; an empty translation removes it.
 */
export function updateParagraph(writer: Writer, id: string, patch: ParagraphPatch): void {
  const row = liveParagraph(writer.db, id);
  const forum = getForum(writer.db, row.forum_id);
  const changes = Object.fromEntries(Object.entries(patch.text ?? {}).filter(([lang, text]) => (row.text[lang] ?? '') !== text));
  checkWorkingLanguages(
    forum,
    Object.fromEntries(Object.entries(changes).filter(([, text]) => text !== '')),
  );
  if (changes[forum.sourceLanguage] === '') throw emptyParagraph(forum);
  checkMergeFields(prefixed(changes));
  checkRichText(prefixed(changes));
  checkReferences(writer.db, row.document_id, changes);
  if (patch.status !== undefined && !statuses.has(patch.status)) {
    throw new CoreError('invalid_input', `Unknown status ${String(patch.status)}.`, [{ path: 'status', message: 'validation.invalid' }]);
  }
  if (patch.role !== undefined) checkRole(patch.role);
  if (patch.level !== undefined) checkLevel(patch.level, patch.kind ?? row.kind);
  const proposers = patch.proposers?.map((name) => name.trim()).filter((name) => name !== '');
  const agreeing = patch.status !== undefined && patch.status !== row.status && (patch.status === 'agreed' || patch.status === 'agreed_ad_ref');
  writer.db.transaction(() => {
    writeRow(writer, 'outcome_paragraphs', id, {
      text: Object.keys(changes).length > 0 ? changes : undefined,
      status: patch.status !== undefined && patch.status !== row.status ? patch.status : undefined,
      kind: patch.kind !== undefined && patch.kind !== row.kind ? patch.kind : undefined,
      role: patch.role !== undefined && patch.role !== row.role ? patch.role : undefined,
      level: patch.level !== undefined && patch.level !== row.level ? patch.level : undefined,
      proposers: proposers === undefined ? undefined : proposers,
    });
    // Agreeing one of several alternatives withdraws the others: the brackets and labels go.
    if (agreeing) withdrawOthers(writer, row);
  })();
}

/** Reorders within the document; see keyBetween for what the neighbours mean. */
export function moveParagraph(writer: Writer, id: string, after: string | null, before: string | null): void {
  const db = writer.db;
  const row = liveParagraph(db, id);
  // An alternative stands with its paragraph: moving it moves the paragraph and all its alternatives.
  const moved = row.alternative_of ?? id;
  const around = (neighbour: string | null) => (neighbour === null ? null : slotBase(db, neighbour));
  db.transaction(() => {
    writeRow(writer, 'outcome_paragraphs', moved, { position: positionBetween(writer, row.document_id, moved, around(after), around(before)) });
  })();
}

/** Tombstone, or its undo; the paragraph comes back where it was. */
export function setParagraphDeleted(writer: Writer, id: string, deleted: boolean): void {
  const row = paragraphRecord(writer.db, id);
  getForum(writer.db, row.forum_id);
  if (Boolean(row.deleted) !== deleted) writeRow(writer, 'outcome_paragraphs', id, { deleted: deleted ? 1 : 0 });
}

/**
 * Makes the paragraph draw on exactly these key messages: links to messages left out are
 * tombstoned, new ones added. A link to a message merged into one of those named stays (it
 * already counts as that one); links to deleted messages are not shown, so they are left alone.
 */
export function setParagraphSources(writer: Writer, paragraphId: string, keyMessageIds: string[]): void {
  const db = writer.db;
  const paragraph = liveParagraph(db, paragraphId);
  const wanted = checkKeyMessages(db, paragraph.forum_id, keyMessageIds).map((m) => m.id);
  const links = currentLinks(db, paragraphId);
  const keep = new Set(wanted);
  db.transaction(() => {
    for (const link of links) if (!keep.has(link.live_id)) writeRow(writer, 'paragraph_sources', link.link_id, { deleted: 1 });
    const covered = new Set(links.map((l) => l.live_id));
    linkSources(
      writer,
      paragraph.forum_id,
      paragraphId,
      wanted.filter((id) => !covered.has(id)),
    );
  })();
}
