import { AlignmentType, Paragraph, Table, TableRow, WidthType, type HeadingLevel, type ParagraphChild, type TableCell, type TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { PaperSize } from '../../../shared/exports';
import { directionOf } from '../../../shared/languages';
import type { PrintedText } from './agendaModel';
import { documentText } from './documentText';
import { docxCell, docxDocument, docxRuns, packDocx, paragraphProperties, textWidth, type RunStyle } from './docxText';

/**
 * The Word building blocks the agenda, participant list and participation figures share, on top
 * of docxText (right to left for Arabic, the East Asian font for Chinese, page and footer):
 * runs of forum content with their fallback mark, paragraphs set in the document's direction,
 * data tables with a repeated header and a totals row.
 */

/** Forum content in its own language, followed by the fallback mark in the document's. */
export function printedRuns(text: PrintedText, docLang: string, style: RunStyle = {}): TextRun[] {
  const runs = docxRuns(text.text, text.lang, style);
  if (text.fallback) runs.push(...docxRuns(` ${text.mark}`, docLang, { ...style, bold: false, italics: true, size: 18, color: '555555' }));
  return runs;
}

export interface ParagraphStyle {
  heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
  keepNext?: boolean;
  /** Twips after the paragraph. */
  after?: number;
  before?: number;
  /** Twips of indent on the start side (left in English, right in Arabic). */
  indent?: number;
  alignment?: 'end' | 'center';
}

const alignments = { end: AlignmentType.END, center: AlignmentType.CENTER } as const;

/** A paragraph of the document in `lang`: right to left (w:bidi) when the language is. */
export function docParagraph(lang: string, children: ParagraphChild[], style: ParagraphStyle = {}): Paragraph {
  return new Paragraph({
    ...paragraphProperties(lang),
    children,
    ...(style.heading ? { heading: style.heading } : {}),
    ...(style.keepNext ? { keepNext: true } : {}),
    ...(style.alignment ? { alignment: alignments[style.alignment] } : {}),
    ...(style.indent ? { indent: { start: style.indent } } : {}),
    spacing: { after: style.after ?? 120, ...(style.before !== undefined ? { before: style.before } : {}) },
  });
}

export type TableCellContent = string | PrintedText;

export interface DataTableOptions {
  lang: string;
  paper: PaperSize;
  columns: string[];
  rows: TableCellContent[][];
  /** Column widths in percent of the text width. */
  widths: number[];
  /** Columns aligned to the end (numbers). */
  numeric?: number[];
  /** A bold closing row (totals). */
  total?: string[] | null;
}

/**
 * A table with a header row Word repeats on every page; in a right-to-left document the columns
 * run from the right (w:bidiVisual), as an Arabic reader expects. Cells hold forum content with
 * its fallback mark, which docxText's string table cannot.
 */
export function dataTable(options: DataTableOptions): Table {
  const { lang } = options;
  const full = textWidth(options.paper);
  const widths = options.columns.map((_, index) => Math.floor((full * (options.widths[index] ?? 10)) / 100));
  const numeric = new Set(options.numeric ?? []);
  const cell = (content: TableCellContent, column: number, style: RunStyle, header: boolean): TableCell => {
    const runs = typeof content === 'string' ? docxRuns(content, lang, style) : printedRuns(content, lang, style);
    const end = numeric.has(column) && !header;
    return docxCell([docParagraph(lang, runs, { after: 0, ...(end ? { alignment: 'end' as const } : {}) })], { width: widths[column] ?? 0, header });
  };
  const row = (cells: TableCellContent[], style: RunStyle = {}, header = false) =>
    new TableRow({ children: cells.map((content, column) => cell(content, column, style, header)), cantSplit: true, ...(header ? { tableHeader: true } : {}) });
  const rows = [row(options.columns, { bold: true }, true), ...options.rows.map((cells) => row(cells))];
  if (options.total) rows.push(row(options.total, { bold: true }));
  return new Table({
    rows,
    width: { size: full, type: WidthType.DXA },
    columnWidths: widths,
    visuallyRightToLeft: directionOf(lang) === 'rtl',
  });
}

/** Packs one section on `paper`, with "Page n of total" in the document's language in the footer. */
export function packDocument(lang: string, paper: PaperSize, title: string, children: Array<Paragraph | Table>): Promise<Uint8Array> {
  return packDocx(docxDocument({ lang, title, paper, pageTemplate: documentText(lang)('agenda.page'), children }));
}

/** The text of a template row's cell in `column`: private-use marks no typed text contains. */
export const templateCell = (column: number): string => `\uE000plenary-cell-${column}\uE000`;

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// XML 1.0 has no place for most control characters; tabs and line breaks read as spaces in a cell.
const xmlText = (text: string) =>
  text.replace(/\p{Cc}/gu, (char) => (char === '\t' || char === '\n' || char === '\r' ? ' ' : '')).replace(/[&<>]/g, (char) => xmlEscapes[char] ?? char);

/**
 * Repeats the table row whose cells hold `templateCell(n)` once per entry of `rows`, in the packed
 * document. The docx library takes over a minute for 25,000 participants (an object per run,
 * serialised one by one); the template row keeps its fonts, direction and borders exactly as
 * docx wrote them, and repeating it as text takes well under a second.
 */
export function expandTemplateRow(docx: Uint8Array, rows: readonly string[][]): Uint8Array {
  const files = unzipSync(docx);
  const body = files['word/document.xml'];
  if (!body) throw new Error('The packed document has no word/document.xml.');
  const xml = strFromU8(body);
  const at = xml.indexOf(templateCell(0));
  const start = Math.max(xml.lastIndexOf('<w:tr>', at), xml.lastIndexOf('<w:tr ', at));
  const end = xml.indexOf('</w:tr>', at) + '</w:tr>'.length;
  if (at < 0 || start < 0 || end < at) throw new Error('The packed document has no template row.');
  // Even indexes are XML, odd ones the column whose text goes there.
  const pieces = xml.slice(start, end).split(/\uE000plenary-cell-(\d+)\uE000/);
  const out: string[] = [xml.slice(0, start)];
  for (const row of rows) {
    pieces.forEach((piece, index) => out.push(index % 2 === 0 ? piece : xmlText(row[Number(piece)] ?? '')));
  }
  out.push(xml.slice(end));
  files['word/document.xml'] = strToU8(out.join(''));
  return zipSync(files, { level: 6 });
}
