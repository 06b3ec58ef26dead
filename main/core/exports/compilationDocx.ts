import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import type { PaperSize } from '../../../shared/exports';
import type { DiffPart } from '../../../shared/wordDiff';
import type { CompilationModel, CompilationProposal, CompilationRow, DelegationNote } from './compilationModelTypes';
import { docxCell, docxDocument, docxParagraph, docxRuns, packDocx, paragraphProperties, revisionIds, runProperties, tableFrame, textWidth, type RunStyle } from './docxText';
import { docxStyle } from './outcomeDocxItems';
import { richDocxBlocks } from './richDocx';
import { richColumn, type RichColumn } from './richItems';

// The compilation text as Word: the document's title block, then one landscape table with a row
// per paragraph (the header row repeated on every page), as negotiators' compilation texts are
// laid out. Proposals are shown, not tracked: inserted words underlined, deleted ones struck
// through, each in its own language and direction.

/** Shares of the page width: paragraph, current text, proposals, proposed/supported, objections/reservations, rationale. */
const shares = [9, 26, 30, 13, 12, 10];
const small: RunStyle = { size: 18 };
/** The paragraphs' and proposals' own text: a size smaller than the outcome document's, six columns being narrow. */
const body: RunStyle = { size: 20 };
const muted: RunStyle = { size: 18, color: '555555' };
const insertStyle: RunStyle = { underline: {}, color: '1F4E9C' };
const deleteStyle: RunStyle = { strike: true, color: 'A4262C' };

function diffRuns(parts: DiffPart[], lang: string): ParagraphChild[] {
  return parts.flatMap((part) => docxRuns(part.text, lang, { ...body, ...(part.kind === 'insert' ? insertStyle : part.kind === 'delete' ? deleteStyle : {}) }));
}

/**
 * Names, notes and rationales are typed in any language: in a right-to-left table each is a
 * Unicode first-strong isolate, so "Resilience matters more." keeps its full stop at its end.
 */
const typed = (text: string, model: CompilationModel): string => (model.dir === 'rtl' && text !== '' ? `\u2068${text}\u2069` : text);

function proposalParagraphs(p: CompilationProposal, model: CompilationModel, first: boolean): Paragraph[] {
  const lang = model.lang;
  const notes = [p.languageNote, p.staleNote].filter(Boolean).join(' · ');
  // One paragraph for what the proposal is and who made it (lines broken inside it), one for its
  // text: a compilation holds hundreds of proposals, and every Word paragraph costs in packing.
  const lines = [
    new TextRun({ ...runProperties(lang, { ...small, bold: true }), text: p.heading }),
    new TextRun({ ...runProperties(lang, muted), text: typed(p.proposer, model), break: 1 }),
    ...(notes ? [new TextRun({ ...runProperties(lang, { ...muted, italics: true }), text: notes, break: 1 })] : []),
  ];
  return [
    new Paragraph({ ...paragraphProperties(lang), keepNext: true, spacing: { before: first ? 0 : 160, after: 40 }, children: lines }),
    // The proposal in its own language: an English amendment in an Arabic table stays left to right.
    new Paragraph({ ...paragraphProperties(p.lang), spacing: { after: 60 }, children: p.parts.length > 0 ? diffRuns(p.parts, p.lang) : [] }),
  ];
}

function textParagraphs(row: CompilationRow, model: CompilationModel, rich: RichColumn, listInstance: () => number): Paragraph[] {
  const text = row.text;
  const entry = rich.items[row.item];
  const style = { ...docxStyle(row.kind === 'heading' ? 'sectionHeading' : 'paragraph', text.lang, false).run, ...body };
  const blocks = entry
    ? richDocxBlocks({ lang: text.lang, columnLang: model.lang, style, rich: entry.rich, cut: null, listInstance })
    : [{ options: {}, children: docxRuns(text.text, text.lang, style) }];
  const last = blocks[blocks.length - 1];
  if (last && text.fallback) last.children.push(new TextRun({ ...runProperties(model.lang, { italics: true, color: '555555' }), text: ` ${text.fallbackNote}` }));
  return blocks.map((block) => new Paragraph({ ...paragraphProperties(model.lang), ...block.options, children: block.children }));
}

/**
 * A group of lines in a cell: its label, then one paragraph whose lines are broken inside it (a
 * thousand stances make a thousand lines, and each Word paragraph costs in packing).
 */
function groupParagraphs(label: string, lines: string[], model: CompilationModel, gap: boolean): Paragraph[] {
  if (lines.length === 0) return [];
  const lang = model.lang;
  const props = runProperties(lang, small);
  // One run a line, the break before it inside the run: the fewest Word objects for the table's longest lists.
  const children = lines.map((text, i) => new TextRun({ ...props, text, ...(i > 0 ? { break: 1 } : {}) }));
  return [
    docxParagraph(label, lang, { keepNext: true, spacing: { before: gap ? 120 : 0, after: 40 } }, { ...small, bold: true }),
    new Paragraph({ ...paragraphProperties(lang), spacing: { after: 60 }, children }),
  ];
}

const notedLines = (entries: DelegationNote[], model: CompilationModel): string[] =>
  entries.map((e) => (e.note ? `${typed(e.delegation, model)} — ${typed(e.note, model)}` : typed(e.delegation, model)));

/** "Proposed by" then each delegation with its proposals' numbers, "Supported by" then each supporter. */
function delegationsParagraphs(row: CompilationRow, model: CompilationModel): Paragraph[] {
  const proposers = row.proposedBy.map((d) => d.label.replace(d.delegation, typed(d.delegation, model)));
  return [...groupParagraphs(model.labels.proposedBy, proposers, model, false), ...groupParagraphs(model.labels.supportedBy, notedLines(row.supportedBy, model), model, proposers.length > 0)];
}

function objectionsParagraphs(row: CompilationRow, model: CompilationModel): Paragraph[] {
  return [
    ...groupParagraphs(model.labels.objection, notedLines(row.objections, model), model, false),
    ...groupParagraphs(model.labels.reservation, notedLines(row.reservations, model), model, row.objections.length > 0),
  ];
}

function rationaleParagraphs(row: CompilationRow, model: CompilationModel): Paragraph[] {
  const lines = row.proposals
    .filter((p) => p.rationale !== '')
    .map((p) => [...docxRuns(`${p.number}. `, model.lang, { ...small, bold: true }), ...docxRuns(typed(p.rationale, model), model.lang, small)]);
  const children = lines.flatMap((line, i) => (i === 0 ? line : [new TextRun({ ...runProperties(model.lang, small), break: 1 }), ...line]));
  return lines.length === 0 ? [] : [new Paragraph({ ...paragraphProperties(model.lang), children })];
}

function placeParagraphs(row: CompilationRow, model: CompilationModel): Paragraph[] {
  const out: Paragraph[] = [];
  if (row.place) out.push(docxParagraph(row.place, model.lang, { spacing: { after: 40 } }, { bold: true }));
  for (const line of [row.role, row.status]) if (line) out.push(docxParagraph(line, model.lang, { spacing: { after: 40 } }, muted));
  return out;
}

function bodyRow(row: CompilationRow, model: CompilationModel, widths: number[], rich: RichColumn, listInstance: () => number): TableRow {
  const cell = (children: Paragraph[], column: number) => docxCell(children, { width: widths[column] ?? 0, framed: false });
  // A section heading without proposals or stances spans the table, as a compilation's headings do.
  const bare = row.proposals.length === 0 && row.supportedBy.length + row.objections.length + row.reservations.length === 0;
  if (row.kind === 'heading' && bare) {
    const full = widths.reduce((sum, w) => sum + w, 0);
    return new TableRow({
      cantSplit: true,
      children: [new TableCell({ columnSpan: widths.length, width: { size: full, type: WidthType.DXA }, shading: { fill: 'F2F2F2' }, children: textParagraphs(row, model, rich, listInstance) })],
    });
  }
  const proposals = row.proposals.length > 0 ? row.proposals.flatMap((p, i) => proposalParagraphs(p, model, i === 0)) : [docxParagraph(model.labels.noProposals, model.lang, {}, { ...muted, italics: true })];
  return new TableRow({
    children: [
      cell(placeParagraphs(row, model), 0),
      cell(textParagraphs(row, model, rich, listInstance), 1),
      cell(proposals, 2),
      cell(delegationsParagraphs(row, model), 3),
      cell(objectionsParagraphs(row, model), 4),
      cell(rationaleParagraphs(row, model), 5),
    ],
  });
}

function headerRow(model: CompilationModel, widths: number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: model.labels.columns.map((label, i) => docxCell([docxParagraph(label, model.lang, {}, { bold: true, size: 18 })], { width: widths[i] ?? 0, header: true, framed: false })),
  });
}

/** The compilation text as a .docx file: landscape, the table's header row repeated on each page. */
export async function compilationDocx(model: CompilationModel, paper: PaperSize): Promise<Uint8Array> {
  const { column, lang } = model;
  const width = textWidth(paper, true);
  const total = shares.reduce((sum, share) => sum + share, 0);
  const widths = shares.map((share) => Math.floor((width * share) / total));
  const rich = richColumn(column);
  const listInstance = revisionIds();
  const shown = (text: typeof column.title, options: ConstructorParameters<typeof Paragraph>[0] & object, style: RunStyle = {}) =>
    text ? [new Paragraph({ ...paragraphProperties(lang), ...options, children: docxRuns(text.text, text.lang, style) })] : [];
  const children: Array<Paragraph | Table> = [
    ...shown(column.title, { heading: HeadingLevel.TITLE, ...docxStyle('title', lang, false).paragraph }, docxStyle('title', lang, false).run),
    ...shown(column.subtitle, { ...docxStyle('subtitle', lang, false).paragraph, spacing: { after: 120 } }, docxStyle('subtitle', lang, false).run),
    ...(column.placeAndDates ? [docxParagraph(column.placeAndDates, lang, { ...docxStyle('placeDates', lang, false).paragraph, spacing: { after: 240 } }, docxStyle('placeDates', lang, false).run)] : []),
    docxParagraph(model.heading, lang, { heading: HeadingLevel.HEADING_1, keepNext: true }),
    docxParagraph(model.summary, lang, { keepNext: true, spacing: { after: 60 } }, muted),
    docxParagraph(model.labels.legend, lang, { keepNext: true, spacing: { after: 200 } }, { ...muted, italics: true }),
    new Table({
      ...tableFrame,
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      visuallyRightToLeft: model.dir === 'rtl',
      rows: [headerRow(model, widths), ...model.rows.map((row) => bodyRow(row, model, widths, rich, listInstance))],
    }),
  ];
  const doc = docxDocument({ lang, title: `${column.title?.text ?? ''} — ${model.heading}`, paper, landscape: true, pageTemplate: column.pageTemplate, children });
  return packDocx(doc);
}
