import type { Database } from 'better-sqlite3';
import { newRowId } from '../../../shared/rowIds';
import { isDocumentKind, showsClosingLine, showsParticipation, type DocumentContact, type Signatory } from '../../../shared/documentKinds';
import type { Forum } from '../../../shared/forum';
import type { NumberingStyle, OutcomeDocumentInput } from '../../../shared/outcome';
import type { OpeningStyle, RoleNumbering } from '../../../shared/paragraphPlace';
import type { FieldIssue } from '../../../shared/result';
import { CoreError } from '../errors';
import { writeRow, type Writer } from './changeLog';
import { getForum } from './forums';
import { seedSections } from './seedSections';
import { checkMergeFields } from './checkMergeFields';

export interface DocumentRow {
  id: string;
  forum_id: string;
  kind: string | null;
  title: string;
  subtitle: string;
  place: string;
  start_date: string | null;
  end_date: string | null;
  co_organisers: string;
  preamble: string;
  lead_in: string;
  closing: string;
  numbering: string | null;
  addressee: string;
  signatories: string;
  co_organiser_names: string;
  participation: number | null;
  closing_line: number | null;
  contacts: string;
  role_numbering: string | null;
  opening_style: string | null;
  deleted: number;
}

/** The document's fields as the contract names them (what a form sends and the view shows). */
export interface DocumentFields {
  /** As stored: a kind a newer Plenary made is kept, never turned into one this laptop knows. */
  kind: string;
  title: Record<string, string>;
  subtitle: Record<string, string>;
  place: Record<string, string>;
  startDate: string;
  endDate: string;
  coOrganisers: string[];
  preamble: Record<string, string>;
  leadIn: Record<string, string>;
  closing: Record<string, string>;
  numbering: NumberingStyle;
  addressee: Record<string, string>;
  signatories: Signatory[];
  coOrganiserNames: Record<string, string>;
  participation: boolean;
  closingLine: boolean;
  contacts: DocumentContact[];
  roleNumbering: RoleNumbering;
  openingStyle: OpeningStyle;
}

/** The multilingual header fields, by contract name and column. */
export const headerFields = [
  ['title', 'title'],
  ['subtitle', 'subtitle'],
  ['place', 'place'],
  ['preamble', 'preamble'],
  ['leadIn', 'lead_in'],
  ['closing', 'closing'],
  ['addressee', 'addressee'],
  ['coOrganiserNames', 'co_organiser_names'],
] as const;

const columns = 'id, forum_id, kind, title, subtitle, place, start_date, end_date, co_organisers, preamble, lead_in, closing, numbering, addressee, signatories, co_organiser_names, participation, closing_line, contacts, role_numbering, opening_style, deleted';
const numberings = new Set<string>(['ordinal', 'numbers', 'none']);

export function documentFields(row: DocumentRow): DocumentFields {
  const text = (value: string) => JSON.parse(value) as Record<string, string>;
  return {
    kind: row.kind ?? 'consensus',
    title: text(row.title),
    subtitle: text(row.subtitle),
    place: text(row.place),
    startDate: row.start_date ?? '',
    endDate: row.end_date ?? '',
    coOrganisers: JSON.parse(row.co_organisers) as string[],
    preamble: text(row.preamble),
    leadIn: text(row.lead_in),
    closing: text(row.closing),
    numbering: (row.numbering && numberings.has(row.numbering) ? row.numbering : 'ordinal') as NumberingStyle,
    addressee: text(row.addressee),
    signatories: signatoriesOf(row.signatories),
    coOrganiserNames: text(row.co_organiser_names),
    participation: showsParticipation(row.kind ?? 'consensus', row.participation === null ? null : row.participation === 1),
    closingLine: showsClosingLine(row.kind ?? 'consensus', row.closing_line === null ? null : row.closing_line === 1),
    contacts: contactsOf(row.contacts),
    roleNumbering: row.role_numbering === 'separate' ? 'separate' : 'together',
    openingStyle: row.opening_style === 'underline' ? 'underline' : 'italic',
  };
}

/** Languages with text only: an empty text in a form means "none". */
const nonEmpty = (text: Record<string, string>) => Object.fromEntries(Object.entries(text).filter(([, value]) => value !== ''));

/** The stored contact blocks, each field defaulted (a newer Plenary may add fields; they are ignored). */
function contactsOf(value: string): DocumentContact[] {
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed)) return [];
  const texts = (v: unknown): Record<string, string> =>
    typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
  const plain = (v: unknown) => (typeof v === 'string' ? v : '');
  return parsed
    .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null)
    .map((c) => ({ organisation: texts(c.organisation), address: texts(c.address), email: plain(c.email), phone: plain(c.phone), website: plain(c.website) }));
}

/** A contact's empty translations left out, as an empty box means "none". */
const contactValues = (contacts: DocumentContact[]) =>
  contacts.map((c) => ({ organisation: nonEmpty(c.organisation), address: nonEmpty(c.address), email: c.email, phone: c.phone, website: c.website }));

/** The stored list, keeping only well-formed rows (a newer Plenary may add fields; they are ignored). */
function signatoriesOf(value: string): Signatory[] {
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed)) return [];
  const texts = (v: unknown): Record<string, string> =>
    typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
  return parsed
    .filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null && typeof (s as { name?: unknown }).name === 'string')
    .map((s) => ({ name: s.name as string, title: texts(s.title), organisation: texts(s.organisation) }));
}

/** A live document of a live forum, with that forum; not_found otherwise. */
export function liveDocument(db: Database, id: string): { row: DocumentRow; forum: Forum } {
  const row = db.prepare(`SELECT ${columns} FROM outcome_documents WHERE id = ? AND deleted = 0`).get(id) as DocumentRow | undefined;
  if (!row) throw new CoreError('not_found', `No outcome document with id ${id}.`);
  return { row, forum: getForum(db, row.forum_id) };
}

/** The forum's live documents: the first (whose id is the forum's) first, then in order of creation. */
export function listDocuments(db: Database, forumId: string): Array<{ id: string; kind: string; title: Record<string, string>; paragraphs: number }> {
  getForum(db, forumId);
  const rows = db
    .prepare(
      `SELECT d.id, d.kind, d.title,
              (SELECT count(*) FROM outcome_paragraphs p WHERE coalesce(p.document_id, p.forum_id) = d.id AND p.deleted = 0) AS paragraphs
         FROM outcome_documents d
        WHERE d.forum_id = ? AND d.deleted = 0
        ORDER BY d.id <> d.forum_id, (SELECT min(hlc) FROM changes c WHERE c.tbl = 'outcome_documents' AND c.row_id = d.id), d.id`,
    )
    .all(forumId) as Array<{ id: string; kind: string | null; title: string; paragraphs: number }>;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind ?? 'consensus',
    title: JSON.parse(row.title) as Record<string, string>,
    paragraphs: row.paragraphs,
  }));
}

/** Every language of every header field must be one of the forum's working languages. */
function checkLanguages(forum: Forum, input: OutcomeDocumentInput): void {
  const issues: FieldIssue[] = [];
  for (const [field] of headerFields) {
    for (const [lang, text] of Object.entries(input[field] ?? {})) {
      if (text !== '' && !forum.languages.includes(lang)) issues.push({ path: `${field}.${lang}`, message: 'validation.notWorkingLanguage' });
    }
  }
  (input.contacts ?? []).forEach((contact, index) => {
    for (const field of ['organisation', 'address'] as const) {
      for (const [lang, text] of Object.entries(contact[field])) {
        if (text !== '' && !forum.languages.includes(lang)) issues.push({ path: `contacts.${index}.${field}.${lang}`, message: 'validation.notWorkingLanguage' });
      }
    }
  });
  if (issues.length > 0) {
    const list = issues.map((i) => i.path).join(', ');
    throw new CoreError('invalid_input', `Not working languages of the forum (${forum.languages.join(', ')}): ${list}.`, issues);
  }
  checkMergeFields(
    Object.fromEntries(headerFields.flatMap(([field]) => Object.entries(input[field] ?? {}).map(([lang, text]) => [`${field}.${lang}`, text]))),
  );
}


/**
 * A new document. The forum's first takes the forum's own id, so two laptops that each create
 * "the" outcome document make one row that merges; any later one gets a fresh id.
 */
export function createDocument(writer: Writer, forumId: string, input: OutcomeDocumentInput): string {
  const forum = getForum(writer.db, forumId);
  checkLanguages(forum, input);
  return writer.db.transaction(() => {
    const taken = writer.db.prepare('SELECT 1 FROM outcome_documents WHERE id = ?').get(forum.id);
    const id = taken ? newRowId() : forum.id;
    writeRow(writer, 'outcome_documents', id, {
      forum_id: forum.id,
      kind: input.kind,
      title: nonEmpty(input.title),
      subtitle: nonEmpty(input.subtitle),
      place: nonEmpty(input.place),
      start_date: input.startDate,
      end_date: input.endDate,
      co_organisers: input.coOrganisers,
      preamble: nonEmpty(input.preamble),
      lead_in: nonEmpty(input.leadIn),
      closing: nonEmpty(input.closing),
      numbering: input.numbering,
      addressee: nonEmpty(input.addressee ?? {}),
      signatories: input.signatories ?? [],
      co_organiser_names: nonEmpty(input.coOrganiserNames ?? {}),
      // Left unset, the kind's default applies, and follows the kind if it is changed.
      participation: input.participation === undefined ? undefined : Number(input.participation),
      closing_line: input.closingLine === undefined ? undefined : Number(input.closingLine),
      contacts: contactValues(input.contacts ?? []),
      role_numbering: input.roleNumbering,
      opening_style: input.openingStyle,
      deleted: 0,
    });
    seedSections(writer, forum, id, input.kind);
    return id;
  })();
}

/**
 * Records only the cells that differ from the stored row, so a title typed on one laptop and a
 * preamble edited on another both survive. A language left out or emptied is removed.
 */
export function updateDocument(writer: Writer, id: string, input: OutcomeDocumentInput): void {
  const { row, forum } = liveDocument(writer.db, id);
  checkLanguages(forum, input);
  const before = documentFields(row);
  const changed: Record<string, unknown> = {};
  for (const [field, column] of headerFields) {
    const old = before[field];
    // Left out (an older client's form): unchanged.
    const next = input[field] ?? old;
    const diff: Record<string, string> = {};
    for (const lang of new Set([...Object.keys(old), ...Object.keys(next)])) {
      if ((old[lang] ?? '') !== (next[lang] ?? '')) diff[lang] = next[lang] ?? '';
    }
    if (Object.keys(diff).length > 0) changed[column] = diff;
  }
  // A kind a newer Plenary made stays: this laptop's form cannot show it, so cannot mean to change it.
  const scalars: Array<[string, unknown, unknown]> = [
    ['kind', row.kind, row.kind === null || isDocumentKind(row.kind) ? input.kind : row.kind],
    ['start_date', row.start_date, input.startDate],
    ['end_date', row.end_date, input.endDate],
    ['co_organisers', before.coOrganisers, input.coOrganisers],
    ['numbering', row.numbering, input.numbering],
    ['signatories', before.signatories, input.signatories ?? before.signatories],
    ['contacts', contactValues(before.contacts), input.contacts === undefined ? contactValues(before.contacts) : contactValues(input.contacts)],
    ['role_numbering', before.roleNumbering, input.roleNumbering ?? before.roleNumbering],
    ['opening_style', before.openingStyle, input.openingStyle ?? before.openingStyle],
  ];
  // A switch left as shown (the kind's default) stays unset, so it keeps following the kind.
  const switches: Array<[string, boolean, boolean | undefined]> = [
    ['participation', before.participation, input.participation],
    ['closing_line', before.closingLine, input.closingLine],
  ];
  for (const [column, old, next] of switches) {
    if (next !== undefined && next !== old) changed[column] = next ? 1 : 0;
  }
  for (const [column, old, next] of scalars) {
    if (JSON.stringify(old) !== JSON.stringify(next)) changed[column] = next;
  }
  writeRow(writer, 'outcome_documents', id, changed);
}
