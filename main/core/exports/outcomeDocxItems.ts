import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  HeadingLevel,
  InsertedTextRun,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import type { ExportVariant } from '../../../shared/exports';
import type { DiffPart } from '../../../shared/wordDiff';
import { documentText } from './documentText';
import { docxParagraph, docxRuns, paragraphProperties, runProperties, type RunStyle } from './docxText';
import type { ModelAmendment, OutcomeColumn, OutcomeItem, ShownText } from './outcomeModelTypes';
import { outcomeStyle, type Alignment, type StyledElement } from './outcomeStyles';
import { bracketCutter } from '../../../shared/richText';
import { richDocxBlocks, richDocxLine, type DocxBlock } from './richDocx';
import type { RichColumn } from './richItems';
import { trackedDocxParagraph } from './trackedItems';

/** What the item writer shares across a document: tracked changes and comments need document-wide ids. */
export interface DocxWriting {
  variant: ExportVariant;
  /** Several languages side by side: the style sheet's parallel rules apply. */
  parallel: boolean;
  revisionId: () => number;
  commentId: () => number;
  comments: ICommentOptions[];
  /** A new number for each rich-text list, so each counts from its own start. */
  listInstance: () => number;
}

const alignments: Record<Alignment, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  start: AlignmentType.START,
  center: AlignmentType.CENTER,
  end: AlignmentType.END,
  justify: AlignmentType.JUSTIFIED,
};

/** The style sheet's rule for `element` in `lang`, as Word paragraph and run properties. */
export function docxStyle(element: StyledElement, lang: string, parallel: boolean): { paragraph: { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] }; run: RunStyle } {
  const style = outcomeStyle(element, lang, parallel);
  const run: RunStyle = {
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italics: true } : {}),
    ...(style.sizePt !== null ? { size: style.sizePt * 2 } : {}),
  };
  return { paragraph: style.align === null ? {} : { alignment: alignments[style.align] }, run };
}

const noteStyle: RunStyle = { italics: true, size: 18, color: '555555' };
// Who writes the figures Plenary adds (stance tallies) in the comments pane.
const plenaryAuthor = 'Plenary';

/**
 * Runs for a text shown in a column: its own language's properties (an English fallback in an
 * Arabic column stays a left-to-right run), bracketed stretches shaded in the amendments variant,
 * and the "(English, not yet translated)" marker in the column's language after a fallback.
 */
export function shownRuns(shown: ShownText, columnLang: string, w: DocxWriting, style: RunStyle = {}): ParagraphChild[] {
  const runs: ParagraphChild[] = shown.parts.flatMap((part) =>
    docxRuns(part.text, shown.lang, part.bracketed && w.variant === 'amendments' ? { ...style, highlight: 'lightGray' } : style),
  );
  if (shown.fallback) runs.push(new TextRun({ ...runProperties(columnLang, { ...style, italics: true, color: '555555' }), text: ` ${shown.fallbackNote}` }));
  return runs;
}

function comment(w: DocxWriting, author: string, date: string, lines: string[], lang: string): number {
  const id = w.commentId();
  const when = new Date(date);
  w.comments.push({
    id,
    author,
    initials: author.slice(0, 2).toUpperCase(),
    ...(Number.isNaN(when.getTime()) ? {} : { date: when }),
    children: lines.filter(Boolean).map((line) => docxParagraph(line, lang)),
  });
  return id;
}

/** `children` anchored to a comment: the range, then the reference mark Word shows. */
const commented = (id: number, children: ParagraphChild[]): ParagraphChild[] => [
  new CommentRangeStart(id),
  ...children,
  new CommentRangeEnd(id),
  new TextRun({ children: [new CommentReference(id)] }),
];

/** A word diff as tracked changes: deletions w:del and insertions w:ins, by the proposer, dated. */
function trackedRuns(parts: DiffPart[], lang: string, a: ModelAmendment, w: DocxWriting): ParagraphChild[] {
  const props = runProperties(lang);
  return parts.flatMap((part): ParagraphChild[] => {
    if (part.kind === 'equal') return docxRuns(part.text, lang);
    const change = { ...props, text: part.text, id: w.revisionId(), author: a.proposer, date: a.createdAt };
    return [part.kind === 'delete' ? new DeletedTextRun(change) : new InsertedTextRun(change)];
  });
}

/** Proposer, rationale, and whether it was made against an earlier text (as the HTML and Markdown say). */
const amendmentComment = (a: ModelAmendment, w: DocxWriting, lang: string): number =>
  comment(w, a.proposer, a.createdAt, [a.note, ...(a.stale ? [documentText(lang)('html.staleAmendment')] : []), a.rationaleNote], lang);

/** A paragraph that is wholly an insertion (its mark too), so rejecting it leaves nothing behind. */
function insertedParagraph(a: ModelAmendment, text: string, column: OutcomeColumn, w: DocxWriting): Paragraph {
  const revision = { id: w.revisionId(), author: a.proposer, date: a.createdAt };
  const run = new InsertedTextRun({ ...runProperties(column.lang), text, id: w.revisionId(), author: a.proposer, date: a.createdAt });
  return new Paragraph({
    ...paragraphProperties(column.lang),
    run: { insertion: revision },
    children: commented(amendmentComment(a, w, column.lang), [run]),
  });
}

/**
 * An outcome paragraph with what the variant adds. Clean: the label and the text. Amendments: the
 * first open replacement or deletion tracked inline; other replacements as inserted paragraphs
 * after it (alternatives a chair accepts one of); proposed new paragraphs as inserted paragraphs;
 * each change with a comment naming the proposer and rationale; the status and stance tally on a
 * line below (the tally also as a comment on the paragraph); amendments to texts in languages
 * the document does not print, as notes.
 */
/**
 * The item's text as Word paragraphs to be: its rich text (emphasis, lists, sub-headings, links,
 * footnotes; bracketed words shaded in the amendments variant), the fallback note at its end, and
 * a paragraph of its own for the label when the text starts with a list.
 */
function textBlocks(item: OutcomeItem, column: OutcomeColumn, w: DocxWriting, style: RunStyle, rich: RichColumn['items'][number] | undefined, labelled: boolean): DocxBlock[] {
  if (!rich) return [{ options: {}, children: shownRuns(item.text, column.lang, w, style) }];
  const text = item.text;
  const whole = text.parts.length === 1 && text.parts[0]?.bracketed === true && !/\[[^[\]]*\]/.test(text.text);
  const c = { lang: text.lang, columnLang: column.lang, style, rich: rich.rich, cut: w.variant === 'amendments' ? bracketCutter(whole) : null, listInstance: w.listInstance, columnNumbers: w.parallel ? rich.numbers : undefined, noteLangs: item.noteLangs };
  const note: ParagraphChild[] = text.fallback ? [new TextRun({ ...runProperties(column.lang, { ...style, italics: true, color: '555555' }), text: ` ${text.fallbackNote}` })] : [];
  if (item.kind === 'heading') return [{ options: {}, children: [...richDocxLine(c), ...note] }];
  const blocks = richDocxBlocks(c);
  const last = blocks[blocks.length - 1];
  if (last) last.children.push(...note);
  return labelled && blocks[0]?.options.numbering ? [{ options: {}, children: [] }, ...blocks] : blocks;
}

export function itemParagraphs(item: OutcomeItem, column: OutcomeColumn, w: DocxWriting, rich?: RichColumn['items'][number]): Paragraph[] {
  const lang = column.lang;
  const textStyle = docxStyle(item.kind === 'heading' ? 'sectionHeading' : 'paragraph', item.text.lang, w.parallel);
  // A sub-paragraph is indented half an inch a level, from the start side (the right in Arabic).
  const indent = item.level ? { indent: { start: 720 * item.level } } : {};
  const base = { ...paragraphProperties(lang), ...textStyle.paragraph, ...indent, ...(item.kind === 'heading' ? { heading: HeadingLevel.HEADING_2 } : {}) };
  const style: RunStyle = textStyle.run;
  if (item.tracked) return [trackedDocxParagraph(item, item.tracked, column, w.revisionId, style, docxStyle('label', lang, w.parallel).run, base)];
  const label: ParagraphChild[] = item.label ? [new TextRun({ ...runProperties(lang, docxStyle('label', lang, w.parallel).run), text: item.label })] : [];
  const blocks = textBlocks(item, column, w, style, rich, label.length > 0);
  const paragraph = (block: DocxBlock, children: ParagraphChild[] = block.children) => new Paragraph({ ...base, ...block.options, children });
  const [head = { options: {}, children: [] }, ...rest] = blocks;
  if (w.variant === 'clean') return [paragraph(head, [...label, ...head.children]), ...rest.map((block) => paragraph(block))];

  const changes = item.amendments.filter((a) => a.kind !== 'insert_after');
  const [inline, ...alternatives] = changes;
  // A tracked change covers the whole text as typed (its source, markers included): the diff needs it.
  let text: ParagraphChild[] = inline ? commented(amendmentComment(inline, w, lang), trackedRuns(inline.parts, lang, inline, w)) : head.children;
  if (item.stanceNote) text = commented(comment(w, plenaryAuthor, '', [item.stanceNote], lang), [...label, ...text]);
  else text = [...label, ...text];
  const out = inline ? [new Paragraph({ ...base, children: text })] : [paragraph(head, text), ...rest.map((block) => paragraph(block))];
  for (const a of alternatives) {
    if (a.kind === 'replace') out.push(insertedParagraph(a, a.text, column, w));
    else out.push(docxParagraph(a.note, lang, {}, noteStyle));
  }
  for (const a of item.amendments) if (a.kind === 'insert_after') out.push(insertedParagraph(a, a.text, column, w));
  const status = item.stanceNote ? `${item.statusNote} · ${item.stanceNote}` : item.statusNote;
  out.push(docxParagraph(status, lang, { spacing: { after: 160 } }, noteStyle));
  for (const f of item.foreignAmendments) {
    // The note in the column's language, the proposed text in its own (an English text stays a
    // left-to-right run inside an Arabic paragraph).
    const children = f.split
      ? [...docxRuns(f.split.lead, lang, noteStyle), ...docxRuns(f.split.text, f.split.textLang, { ...noteStyle, italics: false })]
      : docxRuns(f.note, lang, noteStyle);
    out.push(new Paragraph({ ...paragraphProperties(lang), children }));
  }
  return out;
}
