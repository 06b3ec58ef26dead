import type { Database } from 'better-sqlite3';
import { HeadingLevel, type Paragraph } from 'docx';
import type { PaperSize } from '../../../shared/exports';
import { buildAgendaModel, type AgendaModel, type AgendaModelSession } from './agendaModel';
import { documentText } from './documentText';
import { docParagraph, packDocument, printedRuns } from './printedRuns';
import { docxRuns } from './docxText';

export { agendaHtml } from './agendaHtml';

// Session details hang under the time, as in printed conference programmes.
const detailIndent = 567;

function sessionParagraphs(model: AgendaModel, session: AgendaModelSession): Paragraph[] {
  const lang = model.lang;
  const t = documentText(lang);
  const labelled = (label: string) => t('agenda.labelled', { label });
  const out: Paragraph[] = [
    docParagraph(
      lang,
      [
        // The time is digits and a dash: set left to right even inside an Arabic paragraph.
        ...docxRuns(session.time, 'en', { bold: true }),
        ...docxRuns('   ', lang),
        ...printedRuns(session.title, lang, { bold: true, italics: session.kind === 'break' }),
      ],
      { heading: HeadingLevel.HEADING_3, keepNext: true, before: 160, after: 40 },
    ),
  ];
  const meta = [...docxRuns(session.kindLabel, lang, { italics: true, color: '555555' })];
  if (session.room) meta.push(...docxRuns(` · ${labelled(t('agenda.room'))} `, lang, { color: '555555' }), ...printedRuns(session.room, lang));
  out.push(docParagraph(lang, meta, { indent: detailIndent, after: 40, keepNext: session.roles.length > 0 || session.description !== null }));
  if (session.description) {
    const parts = session.description.text.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      out.push(
        docParagraph(lang, printedRuns({ ...session.description!, text: part, fallback: session.description!.fallback && last }, lang), {
          indent: detailIndent,
          after: 40,
        }),
      );
    });
  }
  const separator = t('agenda.listSeparator');
  for (const line of session.roles) {
    const names = line.names.flatMap((name, index) => [...(index > 0 ? [...docxRuns(separator, lang)] : []), ...docxRuns(name, lang)]);
    out.push(docParagraph(lang, [...docxRuns(`${labelled(line.label)} `, lang, { color: '555555' }), ...names], { indent: detailIndent, after: 20 }));
  }
  return out;
}

/** The Word document for an agenda model: title block, then each day as a heading with its sessions. */
export async function agendaModelDocx(model: AgendaModel, paper: PaperSize): Promise<Uint8Array> {
  const lang = model.lang;
  const children: Paragraph[] = [
    docParagraph(lang, [...docxRuns(model.heading, lang, { color: '444444', size: 20 })], { after: 60 }),
    docParagraph(lang, printedRuns(model.forumTitle, lang), { heading: HeadingLevel.TITLE }),
  ];
  if (model.theme) children.push(docParagraph(lang, printedRuns(model.theme, lang, { italics: true })));
  const place = model.venue ? [...printedRuns(model.venue, lang), ...docxRuns(' · ', lang)] : [];
  children.push(docParagraph(lang, [...place, ...docxRuns(model.dates, lang)]));
  children.push(docParagraph(lang, [...docxRuns(model.timeZoneNote, lang, { color: '555555', size: 18 })], { after: 240 }));
  if (model.empty) children.push(docParagraph(lang, [...docxRuns(model.empty, lang, { italics: true })]));
  for (const day of model.days) {
    children.push(docParagraph(lang, [...docxRuns(day.heading, lang)], { heading: HeadingLevel.HEADING_1, keepNext: true, before: 240 }));
    for (const session of day.sessions) children.push(...sessionParagraphs(model, session));
  }
  return packDocument(lang, paper, `${model.heading}: ${model.forumTitle.text}`, children);
}

/** The agenda of a forum in one of its languages as a Word document. */
export async function agendaDocx(db: Database, forumId: string, lang: string, paper: PaperSize): Promise<Uint8Array> {
  return agendaModelDocx(buildAgendaModel(db, forumId, lang), paper);
}
