import { BorderStyle, HeadingLevel, Paragraph, Table, TableRow, WidthType, type ICommentOptions } from 'docx';
import type { PaperSize } from '../../../shared/exports';
import { docxCell, docxDocument, docxParagraph, docxTable, packDocx, paragraphProperties, revisionIds, tableFrame, textWidth } from './docxText';
import { docxStyle, itemParagraphs, shownRuns, type DocxWriting } from './outcomeDocxItems';
import type { StyledElement } from './outcomeStyles';
import type { OutcomeAnnex, OutcomeColumn, OutcomeModel, ShownText } from './outcomeModelTypes';
import { richColumn } from './richItems';
import { richNotesParagraphs } from './richDocx';
import { documentText } from './documentText';

// The outcome document as Word. One language: the document as the reference Consensus lays it
// out (title block, preamble, lead-in, points, closing line). Several: one table, a column per
// language and a row per block, so each point sits beside its translations. Annexes follow, each
// on a new page, once per language.


/** One row of the parallel layout: the same block (title, a point, the closing…) in every column. */
type Block = Array<Paragraph | Table>;

/** A text shown in a column, set as the style sheet says for `element` in the text's own language. */
function shownParagraph(shown: ShownText | null, element: StyledElement, column: OutcomeColumn, w: DocxWriting, options: ConstructorParameters<typeof Paragraph>[0] & object = {}): Paragraph[] {
  if (!shown) return [];
  const style = docxStyle(element, shown.lang, w.parallel);
  return [new Paragraph({ ...paragraphProperties(column.lang), ...style.paragraph, ...options, children: shownRuns(shown, column.lang, w, style.run) })];
}

/** Plain text in the column's language (place and dates, co-organisers), set as the sheet says. */
function plainParagraph(text: string, element: StyledElement, column: OutcomeColumn, w: DocxWriting, options: ConstructorParameters<typeof Paragraph>[0] & object = {}): Paragraph[] {
  if (!text) return [];
  const style = docxStyle(element, column.lang, w.parallel);
  return [docxParagraph(text, column.lang, { ...style.paragraph, ...options }, style.run)];
}

/** A contact block: one short paragraph a line, as the seeds print the secretariat's address. */
function contactParagraphs(lines: string[], column: OutcomeColumn, w: DocxWriting, before: number): Paragraph[] {
  const style = docxStyle('contact', column.lang, w.parallel);
  return lines.map((line, index) => docxParagraph(line, column.lang, { ...style.paragraph, spacing: { before: index === 0 ? before : 0, after: 0 } }, style.run));
}

const noBorder = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/**
 * The contact blocks: side by side in a borderless table on a page of one language, as the seeds
 * end (and as the HTML/PDF sets them); one under another in a narrow parallel column.
 */
function contactBlocks(column: OutcomeColumn, w: DocxWriting, width: number): Array<Paragraph | Table> {
  if (column.contacts.length === 0) return [];
  if (w.parallel || column.contacts.length === 1) return column.contacts.flatMap((lines, index) => contactParagraphs(lines, column, w, index === 0 ? 480 : 240));
  const cellWidth = Math.floor(width / column.contacts.length);
  return [
    new Table({
      borders: { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder, insideHorizontal: noBorder, insideVertical: noBorder },
      width: { size: width, type: WidthType.DXA },
      columnWidths: column.contacts.map(() => cellWidth),
      visuallyRightToLeft: column.dir === 'rtl',
      rows: [new TableRow({ children: column.contacts.map((lines) => docxCell(contactParagraphs(lines, column, w, 480), { width: cellWidth, framed: false })) })],
    }),
  ];
}

/** The column's blocks in a fixed order, so every column yields the same rows. */
function blocks(column: OutcomeColumn, w: DocxWriting, width: number): Block[] {
  const out: Block[] = [
    shownParagraph(column.title, 'title', column, w, { heading: HeadingLevel.TITLE }),
    shownParagraph(column.subtitle, 'subtitle', column, w, { spacing: { after: 240 } }),
    plainParagraph(column.placeAndDates, 'placeDates', column, w),
    plainParagraph(column.coOrganisers, 'coOrganisers', column, w, { spacing: { after: column.participation ? 120 : 360 } }),
    plainParagraph(column.participation, 'participation', column, w, { spacing: { after: 360 } }),
    shownParagraph(column.addressee, 'addressee', column, w, { spacing: { before: 240, after: 240 } }),
    column.preamble.flatMap((p) => shownParagraph(p, 'preamble', column, w)),
    shownParagraph(column.leadIn, 'leadIn', column, w),
  ];
  const rich = richColumn(column);
  column.items.forEach((item, index) => out.push(itemParagraphs(item, column, w, rich.items[index])));
  // The kind's closing parts (signatories, contact lines) as plain paragraphs, then the dateline.
  out.push((column.closingBlock ?? []).flatMap((line, index) => shownParagraph(line, 'paragraph', column, w, index === 0 ? { spacing: { before: 360 } } : {})));
  out.push(shownParagraph(column.closing, 'closing', column, w, { spacing: { before: 360 } }));
  // Each contact block a paragraph of lines, as the seeds print the secretariat's address.
  out.push(contactBlocks(column, w, width));
  // Side by side, each column lists its own notes at its end (one language alone has Word footnotes).
  if (w.parallel) out.push(richNotesParagraphs(rich.notes, column.lang, documentText(column.lang)('outcome.notes'), w.listInstance));
  return out;
}

function parallelTable(model: OutcomeModel, perColumn: Block[][], paper: PaperSize, landscape: boolean): Table {
  const width = textWidth(paper, landscape);
  const cellWidth = Math.floor(width / model.columns.length);
  const rows: TableRow[] = [];
  const count = perColumn[0]?.length ?? 0;
  for (let i = 0; i < count; i += 1) {
    const cells = perColumn.map((columnBlocks) => columnBlocks[i] ?? []);
    // A block nobody wrote in any language (no subtitle, say) makes no empty row.
    if (cells.every((cell) => cell.length === 0)) continue;
    rows.push(new TableRow({ children: cells.map((cell) => docxCell(cell, { width: cellWidth, framed: false })) }));
  }
  return new Table({
    ...tableFrame,
    width: { size: width, type: WidthType.DXA },
    columnWidths: model.columns.map(() => cellWidth),
    rows,
  });
}

function annexChildren(annex: OutcomeAnnex, paper: PaperSize, landscape: boolean): Array<Paragraph | Table> {
  const lang = annex.lang;
  const children: Array<Paragraph | Table> = [
    docxParagraph(annex.heading, lang, { pageBreakBefore: true, ...docxStyle('annexNumber', lang, false).paragraph }, docxStyle('annexNumber', lang, false).run),
    docxParagraph(annex.title, lang, { heading: HeadingLevel.HEADING_1, ...docxStyle('annexTitle', lang, false).paragraph }, docxStyle('annexTitle', lang, false).run),
  ];
  if (annex.figures.length > 0) {
    children.push(docxTable(annex.figures.map((f) => f.label), [annex.figures.map((f) => f.value)], lang, paper, annex.figures.map(() => true), landscape));
  }
  for (const table of annex.tables) {
    // The provenance annex has a single table named like the annex itself: no second title.
    // A table's title stays on the page of its table.
    if (table.title !== annex.title) children.push(docxParagraph(table.title, lang, { heading: HeadingLevel.HEADING_3, keepNext: true }));
    if (table.rows.length === 0) {
      children.push(docxParagraph(annex.emptyNote || '—', lang));
      continue;
    }
    // Provenance: the key messages take most of the width (as in the HTML), and a long row may split.
    const layout = annex.kind === 'provenance' ? { shares: [18, 27, 55], rowsSplit: true } : { cellLangs: table.cellLangs, rowsSplit: annex.kind === 'decisions' };
    children.push(docxTable(table.headers, table.rows, lang, paper, table.numeric, landscape, layout));
  }
  return children;
}

/**
 * The outcome document as a .docx file. The amendments variant carries open amendments as Word
 * tracked changes (w:ins/w:del, author the proposer, date the proposal) that Word can accept or
 * reject, with notes and stance tallies as Word comments; the clean variant has no revision marks.
 */
export async function outcomeDocx(model: OutcomeModel, paper: PaperSize): Promise<Uint8Array> {
  const first = model.columns[0];
  if (!first) throw new Error('An outcome model has at least one language.');
  const comments: ICommentOptions[] = [];
  // Word wants tracked changes and comments told apart by id across the whole document: one counter.
  const nextId = revisionIds();
  const w: DocxWriting = { variant: model.variant, revisionId: nextId, commentId: nextId, comments, parallel: model.columns.length > 1, listInstance: revisionIds() };
  // Three or more languages side by side need the width of a landscape page.
  const landscape = model.columns.length >= 3;
  const perColumn = model.columns.map((column) => blocks(column, w, textWidth(paper, landscape)));
  const body: Array<Paragraph | Table> =
    model.columns.length === 1 ? (perColumn[0] ?? []).flat() : [parallelTable(model, perColumn, paper, landscape)];
  for (const annex of model.annexes) body.push(...annexChildren(annex, paper, landscape));
  const title = first.title?.text ?? '';
  const doc = docxDocument({ lang: first.lang, title, paper, landscape, pageTemplate: first.pageTemplate, children: body, comments });
  return packDocx(doc);
}

