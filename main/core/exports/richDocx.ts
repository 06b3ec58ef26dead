import { AlignmentType, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, LevelFormat, Paragraph, TextRun, type IParagraphOptions, type ParagraphChild } from 'docx';
import { allowedLink, type bracketCutter, type NumberedNote, type RichBlock, type RichInline, type RichText } from '../../../shared/richText';
import { docxRuns, paragraphProperties, runProperties, type RunStyle } from './docxText';

/*
 * Rich paragraph text as Word: italic and bold runs (w:i, w:b), lists on Word's own numbering
 * (w:numPr), links as w:hyperlink with their relationship, and notes as real Word footnotes
 * (w:footnoteReference and the footnotes part), which Word numbers through the document.
 */

export interface RichDocxContext {
  /** The text's own language (an English fallback in an Arabic column keeps English runs). */
  lang: string;
  /** The column's language: paragraphs are set in its direction. */
  columnLang: string;
  style: RunStyle;
  rich: RichText;
  /** Cuts text at [brackets] for shading (amendments variant), or null. */
  cut: ReturnType<typeof bracketCutter> | null;
  /** A new number for each list, so every list counts from its own start. */
  listInstance: () => number;
  /**
   * Side by side: the column's own note numbers. Word numbers its footnotes through the whole
   * file, which would interleave the columns' notes; each column prints its numbers and lists its
   * notes at its end instead (richNotesParagraphs). Absent: real Word footnotes.
   */
  columnNumbers?: ReadonlyMap<string, number> | undefined;
  /** Notes in a language of their own, by label (see OutcomeItem.noteLangs). */
  noteLangs?: Readonly<Record<string, string>> | undefined;
}

/** A block of the text as a Word paragraph's options and children; the item writer adds the label and marks. */
export interface DocxBlock {
  options: Omit<IParagraphOptions, 'children'>;
  children: ParagraphChild[];
}

const linkStyle: RunStyle = { color: '0563C1', underline: {} };

export function richRuns(content: readonly RichInline[], c: RichDocxContext, style: RunStyle = c.style): ParagraphChild[] {
  return content.flatMap((node): ParagraphChild[] => {
    switch (node.kind) {
      case 'text':
        if (!c.cut) return docxRuns(node.text, c.lang, style);
        return c.cut(node.text).flatMap((part) => docxRuns(part.text, c.lang, part.bracketed ? { ...style, highlight: 'lightGray' } : style));
      case 'break':
        return [new TextRun({ ...runProperties(c.lang, style), break: 1 })];
      case 'em':
        return richRuns(node.children, c, { ...style, italics: true });
      case 'strong':
        return richRuns(node.children, c, { ...style, bold: true });
      case 'underline':
        return richRuns(node.children, c, { ...style, underline: {} });
      case 'link': {
        const runs = richRuns(node.children, c, { ...style, ...linkStyle });
        // The parser lets every address through so the editor can refuse it; one that got stored anyway prints as text.
        return allowedLink(node.href) ? [new ExternalHyperlink({ link: node.href, children: runs })] : runs;
      }
      case 'note': {
        if (c.columnNumbers) {
          const n = c.columnNumbers.get(node.label);
          return n === undefined ? [] : [new TextRun({ ...runProperties(c.lang, style), superScript: true, text: String(n) })];
        }
        const note = c.rich.notes.find((n) => n.label === node.label);
        const own = c.noteLangs?.[node.label];
        const paragraph = new Paragraph({ ...paragraphProperties(own ?? c.columnLang), children: richRuns(note?.content ?? [], own ? { ...c, lang: own } : c, { size: 18 }) });
        return [new FootnoteReferenceRun({ children: [paragraph] })];
      }
    }
  });
}

const listIndent = { start: 720, hanging: 360 };

/** Word numbering for a bulleted list or a numbered one starting at `start`. */
function listDefinition(ordered: boolean, start: number) {
  return {
    reference: ordered ? `plenary-numbers-${start}` : 'plenary-bullets',
    levels: [
      ordered
        ? { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start, alignment: AlignmentType.START, style: { paragraph: { indent: listIndent } } }
        : { level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.START, style: { paragraph: { indent: listIndent } } },
    ],
  };
}

function blockParagraphs(block: RichBlock, c: RichDocxContext): DocxBlock[] {
  if (block.kind === 'heading') {
    return [{ options: { heading: block.level === 1 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4, keepNext: true }, children: richRuns(block.content, c) }];
  }
  if (block.kind === 'paragraph') return [{ options: {}, children: richRuns(block.content, c) }];
  const reference = listDefinition(block.ordered, block.start);
  const instance = c.listInstance();
  return block.items.map((item) => ({
    options: { numbering: { reference, level: 0, instance }, spacing: { after: 60 } },
    children: richRuns(item, c),
  }));
}

/**
 * The text's blocks, each a Word paragraph to be (the caller gives the column's direction and
 * the item's style, then these options): the caller puts the label in front of the first
 * (a label before a list gets a paragraph of its own) and sets the item's spacing and style.
 */
export function richDocxBlocks(c: RichDocxContext): DocxBlock[] {
  const blocks = c.rich.blocks.flatMap((block) => blockParagraphs(block, c));
  return blocks.length > 0 ? blocks : [{ options: {}, children: [] }];
}

/** A one-line text (a heading): every block's words, emphasis and notes in one run of children. */
export function richDocxLine(c: RichDocxContext): ParagraphChild[] {
  const content = c.rich.blocks.flatMap((block, at) => [...(at > 0 ? [{ kind: 'text' as const, text: ' ' }] : []), ...(block.kind === 'list' ? block.items.flat() : block.content)]);
  return richRuns(content, c);
}

/** A column's notes at its end, side by side: "Notes", then "1 The note." in the note's language. */
export function richNotesParagraphs(notes: readonly NumberedNote[], columnLang: string, heading: string, listInstance: () => number): Paragraph[] {
  if (notes.length === 0) return [];
  const out = [new Paragraph({ ...paragraphProperties(columnLang), spacing: { before: 240 }, keepNext: true, children: docxRuns(heading, columnLang, { bold: true, size: 18 }) })];
  for (const note of notes) {
    const c: RichDocxContext = { lang: note.lang || columnLang, columnLang, style: { size: 18 }, rich: { blocks: [], notes: [], problems: [] }, cut: null, listInstance };
    const number = new TextRun({ ...runProperties(columnLang, { size: 18 }), superScript: true, text: `${note.number} ` });
    out.push(new Paragraph({ ...paragraphProperties(columnLang), spacing: { after: 60 }, children: [number, ...richRuns(note.content, c)] }));
  }
  return out;
}
