import type { Database } from 'better-sqlite3';
import { HeadingLevel } from 'docx';
import type { Participant } from '../../../shared/participants';
import { listParticipants } from '../store/participants';
import { forumForExport, forumDates, printedText, type PrintedText } from './agendaModel';
import { documentText } from './documentText';
import { countryName } from './participationModel';
import { dataTable, docParagraph, expandTemplateRow, packDocument, printedRuns, templateCell } from './printedRuns';
import { docxRuns } from './docxText';

export interface ParticipantList {
  lang: string;
  heading: string;
  forumTitle: PrintedText;
  dates: string;
  total: string;
  columns: string[];
  /** One row per live participant, sorted by name as the document's language sorts. */
  rows: string[][];
}

function collator(lang: string): Intl.Collator {
  try {
    return new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  } catch {
    return new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  }
}

/** The participant list of a forum as table rows in one of its languages. */
export function buildParticipantList(db: Database, forumId: string, lang: string): ParticipantList {
  const forum = forumForExport(db, forumId, lang);
  const t = documentText(lang);
  const byName = collator(lang);
  const people = listParticipants(db, forum.id).sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const separator = t('participants.listSeparator');
  const countries = new Map<string, string>();
  const country = (code: string) => {
    let name = countries.get(code);
    if (name === undefined) countries.set(code, (name = code ? countryName(code, lang) : ''));
    return name;
  };
  const number = new Intl.NumberFormat(lang);
  const row = (p: Participant, index: number) => [
    number.format(index + 1),
    p.name,
    p.organisation,
    p.orgType ? t(`participants.orgType.${p.orgType}`) : '',
    country(p.country),
    p.gender ? t(`participants.gender.${p.gender}`) : '',
    p.roles.map((role) => t(`participants.role.${role}`, p.gender ? { context: p.gender } : undefined)).join(separator),
    // Last, so the columns before it keep their places for whoever reads the table.
    p.position,
  ];
  const columns = ['number', 'name', 'organisation', 'orgType', 'country', 'gender', 'roles', 'position'].map((key) => t(`participants.column.${key}`));
  return {
    lang,
    heading: t('participants.heading'),
    forumTitle: printedText(t, forum.title, lang, forum.sourceLanguage),
    dates: forumDates(forum, lang),
    total: t('participants.total', { number: number.format(people.length) }),
    columns,
    rows: people.map(row),
  };
}

/** The participant list as a Word table, one row per person (eight narrow columns fit A4 portrait). */
export async function participantsDocx(db: Database, forumId: string, lang: string): Promise<Uint8Array> {
  const list = buildParticipantList(db, forumId, lang);
  const children = [
    docParagraph(lang, [...docxRuns(list.heading, lang)], { heading: HeadingLevel.TITLE }),
    docParagraph(lang, [...printedRuns(list.forumTitle, lang, { bold: true }), ...docxRuns(` · ${list.dates}`, lang)]),
    docParagraph(lang, [...docxRuns(list.total, lang, { color: '555555' })], { after: 200 }),
    dataTable({ lang, paper: 'a4', columns: list.columns, rows: [list.columns.map((_, column) => templateCell(column))], widths: [5, 17, 20, 12, 13, 8, 12, 13], numeric: [0] }),
  ];
  return expandTemplateRow(await packDocument(lang, 'a4', `${list.heading}: ${list.forumTitle.text}`, children), list.rows);
}
