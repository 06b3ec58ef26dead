import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { TranslationState } from '../../../shared/agenda';
import type { Forum } from '../../../shared/forum';
import { maxParagraphText } from '../../../shared/outcome';
import { referenceText } from '../../../shared/paragraphPlace';
import type { XliffScope } from '../../../shared/xliff';
import { CoreError } from '../errors';
import { agendaView } from '../store/agendaView';
import { cachedStatement } from '../store/cachedStatement';
import { getForum } from '../store/forums';
import { listKeyMessages } from '../store/keyMessages';
import { headerFields, listDocuments } from '../store/outcomeDocuments';
import { getOutcomeDocument } from '../store/outcomeView';

/** One multilingual cell of one row in one target language: what a translator translates. */
export interface XliffUnit {
  id: string;
  table: TranslatableTable;
  rowId: string;
  column: string;
  source: string;
  target: string;
  state: TranslationState;
  /** For the translator: where the text is and what it is (paragraph number, session, speakers). */
  notes: string[];
}

/** The multilingual columns a translators' file may carry, by table: nothing else is ever written by an import. */
export const translatableColumns = {
  forums: ['title', 'theme', 'venue'],
  sessions: ['title', 'room', 'description'],
  key_messages: ['text'],
  outcome_documents: headerFields.map(([, column]) => column),
  outcome_paragraphs: ['text'],
} as const satisfies Record<string, readonly string[]>;
export type TranslatableTable = keyof typeof translatableColumns;

/** The most each column takes, as the forms and the contract allow it: a translation is held to the same. */
export const maxTextLength: Record<string, number> = {
  'forums.title': 300,
  'forums.theme': 500,
  'forums.venue': 300,
  'sessions.title': 300,
  'sessions.room': 200,
  'sessions.description': 5000,
  'key_messages.text': 5000,
  'outcome_documents.title': 300,
  'outcome_documents.subtitle': 500,
  'outcome_documents.place': 300,
  'outcome_documents.preamble': 20_000,
  'outcome_documents.lead_in': 1000,
  'outcome_documents.closing': 300,
  'outcome_documents.addressee': 1000,
  'outcome_documents.co_organiser_names': 5000,
  'outcome_paragraphs.text': maxParagraphText,
};

/** `outcome_paragraphs.text.<row id>`: an XML name token, the same in every export of the same cell. */
export const unitId = (table: TranslatableTable, column: string, rowId: string): string => `${table}.${column}.${rowId}`;

const unitPattern = /^([a-z_]+)\.([a-z_]+)\.([A-Za-z0-9_-]{8,64})$/;

/** The table, column and row a unit id names; undefined for an id Plenary never writes. */
export function parseUnitId(id: string): { table: TranslatableTable; column: string; rowId: string } | undefined {
  const match = unitPattern.exec(id);
  if (!match) return undefined;
  const [, table = '', column = '', rowId = ''] = match;
  if (!Object.prototype.hasOwnProperty.call(translatableColumns, table)) return undefined;
  const columns: readonly string[] = translatableColumns[table as TranslatableTable];
  return columns.includes(column) ? { table: table as TranslatableTable, column, rowId } : undefined;
}

/** What an import compares to tell whether the source changed since the export: 16 hex digits of its SHA-256. */
export const sourceHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);

/** The file's subject, for its name and its `original` attribute. */
export interface UnitsOf {
  forum: Forum;
  /** `document:<id>`, `agenda` or `keyMessages`. */
  subject: string;
  /** A name for the file: the document's kind, or the scope. */
  label: string;
  units: XliffUnit[];
}

/** Every unit of the scope with source text, in reading order, with its state in `lang`. */
export function collectUnits(db: Database, forumId: string, lang: string, scope: XliffScope): UnitsOf {
  const forum = getForum(db, forumId);
  if (!forum.languages.includes(lang) || lang === forum.sourceLanguage) {
    throw new CoreError('invalid_input', `A translators' file is for one of the forum's working languages other than its source language ${forum.sourceLanguage} (${forum.languages.join(', ')}), not ${lang}.`, [
      { path: 'lang', message: 'validation.notWorkingLanguage' },
    ]);
  }
  if (scope.kind === 'agenda') return { forum, subject: 'agenda', label: 'agenda', units: agendaUnits(db, forum, lang) };
  if (scope.kind === 'keyMessages') return { forum, subject: 'keyMessages', label: 'key-messages', units: keyMessageUnits(db, forum, lang) };
  const documentId = scope.documentId ?? listDocuments(db, forumId)[0]?.id;
  if (!documentId) throw new CoreError('not_found', 'The forum has no outcome document yet.');
  const document = getOutcomeDocument(db, documentId);
  if (document.forumId !== forumId) throw new CoreError('not_found', `Document ${documentId} belongs to another forum.`);
  const units: XliffUnit[] = [];
  for (const [field, column] of headerFields) {
    const text = document[field];
    push(units, forum, lang, 'outcome_documents', column, document.id, text, document.translations[field]?.[lang], [`Document ${field}`]);
  }
  for (const paragraph of document.paragraphs) {
    const number = referenceText(paragraph.place, forum.sourceLanguage);
    const notes = [
      paragraph.kind === 'heading' ? 'Heading' : number ? `Paragraph ${number}` : 'Unnumbered paragraph',
      ...(paragraph.role ? [`${paragraph.role === 'preambular' ? 'Preambular' : 'Operative'} paragraph`] : []),
      `Status: ${paragraph.status}`,
    ];
    push(units, forum, lang, 'outcome_paragraphs', 'text', paragraph.id, paragraph.text, paragraph.translations[lang], notes);
  }
  return { forum, subject: `document:${document.id}`, label: document.kind, units };
}

function push(
  units: XliffUnit[],
  forum: Forum,
  lang: string,
  table: TranslatableTable,
  column: string,
  rowId: string,
  text: Record<string, string>,
  state: TranslationState | undefined,
  notes: string[],
): void {
  const source = text[forum.sourceLanguage] ?? '';
  // A cell without source text has nothing to translate.
  if (source.trim() === '') return;
  const target = text[lang] ?? '';
  units.push({ id: unitId(table, column, rowId), table, rowId, column, source, target, state: state ?? (target ? 'current' : 'missing'), notes });
}

function agendaUnits(db: Database, forum: Forum, lang: string): XliffUnit[] {
  const units: XliffUnit[] = [];
  const forumStates = statesFromLog(db, forum, 'forums', [forum.id]);
  for (const column of translatableColumns.forums) {
    push(units, forum, lang, 'forums', column, forum.id, forum[column], forumStates(forum.id, column, forum[column], lang), [`Forum ${column}`]);
  }
  // The agenda as the screen shows it: its states are the ones organisers see marked.
  const agenda = agendaView(db, '', forum.id);
  for (const session of agenda.sessions) {
    const speakers = session.roles.map((r) => `${r.name} (${r.role})`).join(', ');
    const where = `Session ${session.day} ${session.startTime}–${session.endTime} (${session.kind})`;
    const notes = speakers ? [where, `Speakers: ${speakers}`] : [where];
    for (const column of translatableColumns.sessions) {
      push(units, forum, lang, 'sessions', column, session.id, session[column], session.translations[column][lang], [...notes, `Session ${column}`]);
    }
  }
  return units;
}

function keyMessageUnits(db: Database, forum: Forum, lang: string): XliffUnit[] {
  const messages = listKeyMessages(db, forum.id);
  const titles = new Map(
    (cachedStatement(db, 'SELECT id, title FROM sessions WHERE forum_id = ?').all(forum.id) as Array<{ id: string; title: string }>).map((s) => [s.id, JSON.parse(s.title) as Record<string, string>]),
  );
  const stateOf = statesFromLog(db, forum, 'key_messages', messages.map((m) => m.id));
  return messages.flatMap((message) => {
    const units: XliffUnit[] = [];
    const session = titles.get(message.sessionId)?.[forum.sourceLanguage] ?? '';
    const speakers = [...new Set(message.sources.map((s) => s.speakerName).filter((name) => name !== ''))];
    const notes = [`Key message of session: ${session}`, ...(message.theme ? [`Theme: ${message.theme}`] : []), ...(speakers.length ? [`Speakers: ${speakers.join(', ')}`] : [])];
    push(units, forum, lang, 'key_messages', 'text', message.id, message.text, stateOf(message.id, 'text', message.text, lang), notes);
    return units;
  });
}

/**
 * The drafting and agenda screens' rule for rows they do not show states for (the forum's own
 * fields, key messages): missing without text; out of date when the source text was changed
 * (by clock) after the translation was last edited.
 */
function statesFromLog(db: Database, forum: Forum, table: string, rowIds: string[]) {
  const clocks = new Map<string, string>();
  const changes = cachedStatement(db, 'SELECT row_id, hlc, cells FROM changes WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?))').all(table, JSON.stringify(rowIds)) as Array<{
    row_id: string;
    hlc: string;
    cells: string;
  }>;
  for (const change of changes) {
    for (const cell of Object.keys(JSON.parse(change.cells) as Record<string, unknown>)) {
      const key = `${change.row_id}/${cell}`;
      if (cell.includes('@') && change.hlc > (clocks.get(key) ?? '')) clocks.set(key, change.hlc);
    }
  }
  return (rowId: string, column: string, text: Record<string, string>, lang: string): TranslationState => {
    if (!text[lang]) return 'missing';
    const source = clocks.get(`${rowId}/${column}@${forum.sourceLanguage}`) ?? '';
    return source > (clocks.get(`${rowId}/${column}@${lang}`) ?? '') ? 'outdated' : 'current';
  };
}
