import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import type { PaperSize } from '../../../shared/exports';
import { directionOf } from '../../../shared/languages';

// Shared by every Word export (outcome, agenda, participants, participation), so Arabic and
// Chinese come out right in all of them: Arabic paragraphs are set right to left (w:bidi) with
// right-to-left runs (w:rtl) and a complex-script font; Chinese runs name an East Asian font
// (w:rFonts w:eastAsia) and the East Asian language, so Word does not set them in a Latin font.

/** Latin text. Calibri is on every Word install; LibreOffice maps it to Carlito. */
export const latinFont = 'Calibri';
/**
 * Chinese. Word's rFonts holds one name per script, so the fallback SimSun is reached through
 * Word's own substitution (w:lang eastAsia zh-CN makes it pick a Chinese font) where Noto is absent.
 */
export const eastAsianFont = 'Noto Sans CJK SC';
/** Arabic (complex script). Arial carries Arabic on Windows and macOS. */
export const complexScriptFont = 'Arial';

const primary = (lang: string): string => lang.split(/[-_]/)[0]?.toLowerCase() ?? '';

/** w:lang for a language: Latin and complex-script languages in `value`/`bidirectional`, Chinese in `eastAsia`. */
function languageOf(lang: string): NonNullable<IRunOptions['language']> {
  const code = primary(lang);
  if (code === 'zh' || code === 'ja' || code === 'ko') return { eastAsia: code === 'zh' ? 'zh-CN' : lang };
  if (directionOf(lang) === 'rtl') return { bidirectional: code === 'ar' ? 'ar-SA' : lang };
  return { value: lang };
}

/** Visual emphasis a caller may add to the runs. */
export type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'size' | 'color' | 'highlight' | 'underline' | 'strike'>;

// Fonts for every script are the document's defaults (docxDocument), so a Latin run needs none of
// its own; Chinese and Arabic runs still name theirs, so a run copied into another document keeps
// its font. Leaving them off Latin runs keeps large documents quick to write.
const eastAsianRunFont = { ascii: latinFont, hAnsi: latinFont, eastAsia: eastAsianFont };
const complexRunFont = { ascii: latinFont, hAnsi: latinFont, cs: complexScriptFont };

/**
 * Run properties for text in `lang`: the East Asian font on Chinese (and Japanese, Korean) runs,
 * w:rtl with the complex-script font and bold/size for right-to-left languages, and the language
 * tag (which also tells Word's spelling checker the language).
 */
export function runProperties(lang: string, style: RunStyle = {}): IRunOptions {
  const code = primary(lang);
  if (directionOf(lang) === 'rtl') {
    return { ...style, font: complexRunFont, language: languageOf(lang), rightToLeft: true, boldComplexScript: style.bold ?? false, sizeComplexScript: style.size ?? true };
  }
  if (code === 'zh' || code === 'ja' || code === 'ko') return { ...style, font: eastAsianRunFont, language: languageOf(lang) };
  return { ...style, language: languageOf(lang) };
}

/** `text` as runs in `lang`; line breaks inside the text become Word line breaks. */
export function docxRuns(text: string, lang: string, style: RunStyle = {}): TextRun[] {
  const props = runProperties(lang, style);
  return text.split('\n').map((line, i) => new TextRun({ ...props, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

/** Paragraph options for a paragraph in `lang`: bidi and start alignment for right-to-left ones. */
export function paragraphProperties(lang: string): Pick<IParagraphOptions, 'bidirectional' | 'alignment'> {
  return directionOf(lang) === 'rtl' ? { bidirectional: true, alignment: AlignmentType.START } : {};
}

/** A paragraph of plain `text` in `lang` (never empty: a caller with no text should not call this). */
export function docxParagraph(text: string, lang: string, options: Omit<IParagraphOptions, 'children' | 'text'> = {}, style: RunStyle = {}): Paragraph {
  return new Paragraph({ ...paragraphProperties(lang), ...options, children: docxRuns(text, lang, style) });
}

// Page sizes and margins in twips (1/1440 inch). A4 is 210 x 297 mm, Letter 8.5 x 11 in; margins
// are 2.5 cm on A4 and 1 in on Letter, as the reference documents use.
const pages: Record<PaperSize, { width: number; height: number; margin: number }> = {
  a4: { width: 11906, height: 16838, margin: 1417 },
  letter: { width: 12240, height: 15840, margin: 1440 },
};

/** Width of the text area in twips, for tables that fill it. */
export const textWidth = (paper: PaperSize, landscape = false): number =>
  (landscape ? pages[paper].height : pages[paper].width) - 2 * pages[paper].margin;

/** The section's page size and margins for `paper`, upright or on its side. */
export function pageProperties(paper: PaperSize, landscape = false): NonNullable<ISectionOptions['properties']> {
  const page = pages[paper];
  return {
    page: {
      // docx writes w:w and w:h swapped itself for a landscape page: give the upright size.
      size: { width: page.width, height: page.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin, header: 708, footer: 708 },
    },
  };
}

/**
 * A centred footer "Page 3 of 12" in `lang`, from a template with {{n}} and {{total}} (the
 * documentText "…page" keys), the numbers being Word fields that Word fills in.
 */
export function pageNumberFooter(template: string, lang: string): Footer {
  const props = runProperties(lang, { size: 18 });
  const children: TextRun[] = [];
  for (const piece of template.split(/(\{\{\s*(?:n|total)\s*\}\})/)) {
    if (!piece) continue;
    if (/^\{\{\s*n\s*\}\}$/.test(piece)) children.push(new TextRun({ ...props, children: [PageNumber.CURRENT] }));
    else if (/^\{\{\s*total\s*\}\}$/.test(piece)) children.push(new TextRun({ ...props, children: [PageNumber.TOTAL_PAGES] }));
    else children.push(new TextRun({ ...props, text: piece }));
  }
  return new Footer({ children: [new Paragraph({ ...paragraphProperties(lang), alignment: AlignmentType.CENTER, children })] });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
/** Borders and cell margins set once on the table, not on every cell (large tables stay small). */
export const tableFrame = {
  borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
  margins: { top: 60, bottom: 60, left: 100, right: 100 },
};

const cellBorders = { top: thin, bottom: thin, left: thin, right: thin };

/**
 * A table cell holding paragraphs (Word needs at least one paragraph per cell), with thin grey
 * borders and cell margins of its own unless `framed` is false (in a table that spreads
 * `tableFrame`, which sets them once for every cell: much less XML in a large table).
 */
export function docxCell(children: Array<Paragraph | Table>, options: { width?: number; header?: boolean; framed?: boolean } = {}): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({})],
    ...(options.framed === false ? {} : { borders: cellBorders, margins: tableFrame.margins }),
    ...(options.width ? { width: { size: options.width, type: WidthType.DXA } } : {}),
    ...(options.header ? { shading: { fill: 'EEEEEE' } } : {}),
  });
}

/**
 * A simple table of strings in `lang`: a bold header row repeated on each page, figures aligned
 * to the end; laid out right to left for a right-to-left language.
 */
export function docxTable(
  headers: string[],
  rows: string[][],
  lang: string,
  paper: PaperSize,
  numeric: boolean[] = [],
  landscape = false,
  layout: { shares?: number[]; rowsSplit?: boolean; cellLangs?: Array<Array<string | undefined>> | undefined } = {},
): Table {
  const full = textWidth(paper, landscape);
  // Columns share the width equally unless `shares` says otherwise (a column of long texts gets more).
  const shares = layout.shares?.length === headers.length ? layout.shares : headers.map(() => 1);
  const total = shares.reduce((sum, share) => sum + share, 0) || 1;
  const widths = shares.map((share) => Math.floor((full * share) / total));
  const cell = (text: string, column: number, header: boolean, own = lang) =>
    docxCell(
      text.split('\n').map((line) =>
        docxParagraph(line, own, numeric[column] && !header ? { alignment: AlignmentType.END } : {}, header ? { bold: true } : {}),
      ),
      { width: widths[column] ?? 0, header, framed: false },
    );
  return new Table({
    ...tableFrame,
    width: { size: full, type: WidthType.DXA },
    columnWidths: widths,
    visuallyRightToLeft: directionOf(lang) === 'rtl',
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }),
      // A row taller than what is left of a page may split where `rowsSplit` says so, rather than leave the page empty.
      ...rows.map((row, r) => new TableRow({ cantSplit: !layout.rowsSplit, children: row.map((value, i) => cell(value, i, false, layout.cellLangs?.[r]?.[i])) })),
    ],
  });
}

/**
 * A Word document of one section on `paper`, with the page-number footer, default fonts for every
 * script, and heading styles sized like the reference documents.
 */
export function docxDocument(options: {
  lang: string;
  title: string;
  paper: PaperSize;
  /** Pages on their side (wide parallel columns). */
  landscape?: boolean;
  pageTemplate: string;
  children: Array<Paragraph | Table>;
  /** Word comments the children refer to by id. */
  comments?: ICommentOptions[];
}): Document {
  const font = { ascii: latinFont, hAnsi: latinFont, eastAsia: eastAsianFont, cs: complexScriptFont };
  const heading = (size: number) => ({ run: { font, size, bold: true, boldComplexScript: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } });
  return new Document({
    title: options.title,
    creator: 'Plenary',
    ...(options.comments && options.comments.length > 0 ? { comments: { children: options.comments } } : {}),
    styles: {
      default: {
        document: { run: { font, size: 22, sizeComplexScript: 22, language: languageOf(options.lang) }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font, size: 36, bold: true, boldComplexScript: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
        heading1: heading(28),
        heading2: heading(24),
        heading3: heading(22),
      },
    },
    sections: [
      {
        properties: pageProperties(options.paper, options.landscape ?? false),
        footers: { default: pageNumberFooter(options.pageTemplate, options.lang) },
        children: options.children,
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function packDocx(doc: Document): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Ids for tracked changes, unique within one document as Word requires. */
export function revisionIds(): () => number {
  let next = 0;
  return () => {
    next += 1;
    return next;
  };
}
