import type { Database } from 'better-sqlite3';
import { HeadingLevel, type Paragraph, type Table } from 'docx';
import { buildParticipationModel, type FigureTable, type ParticipationModel } from './participationModel';
import { dataTable, docParagraph, packDocument, printedRuns } from './printedRuns';
import { docxRuns } from './docxText';

const widthsOf = (table: FigureTable) => (table.columns.length === 3 ? [60, 20, 20] : [36, 20, 11, 11, 11, 11]);

/** The Word document for a participation model: the headline sentence, then one table per breakdown. */
export async function participationModelDocx(model: ParticipationModel): Promise<Uint8Array> {
  const lang = model.lang;
  const children: Array<Paragraph | Table> = [
    docParagraph(lang, [...docxRuns(model.heading, lang)], { heading: HeadingLevel.TITLE }),
    docParagraph(lang, printedRuns(model.forumTitle, lang, { bold: true })),
    docParagraph(lang, [...docxRuns(model.sentence, lang)], { after: 240 }),
  ];
  for (const table of model.tables) {
    children.push(docParagraph(lang, [...docxRuns(table.title, lang)], { heading: HeadingLevel.HEADING_2, keepNext: true, before: 240 }));
    children.push(dataTable({ lang, paper: 'a4', columns: table.columns, rows: table.rows, widths: widthsOf(table), numeric: table.numeric, total: table.total }));
  }
  return packDocument(lang, 'a4', `${model.heading}: ${model.forumTitle.text}`, children);
}

/** The participation figures of a forum (by country, organisation type, gender, session) as Word tables. */
export async function participationDocx(db: Database, forumId: string, lang: string): Promise<Uint8Array> {
  return participationModelDocx(buildParticipationModel(db, forumId, lang));
}
