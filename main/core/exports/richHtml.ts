import type { bracketCutter} from '../../../shared/richText';
import { type NumberedNote, type RichBlock, type RichInline, type RichText } from '../../../shared/richText';
import { escapeHtml, langAttributes } from './htmlPage';

/*
 * Rich paragraph text as HTML for the exports (and so the PDF): <em>, <strong>, <ul>/<ol>,
 * sub-headings, links that open nothing of ours (rel="noreferrer"), and note numbers linking to
 * the notes at the end of the language's text. Every piece of text is escaped: nothing a writer
 * typed reaches the page as markup.
 */

export interface RichHtmlContext {
  /** The column's language: note anchors are per language. */
  columnLang: string;
  numbers: ReadonlyMap<string, number>;
  /** Cuts text at [brackets] for shading (amendments variant), or null to print it plain. */
  cut: ReturnType<typeof bracketCutter> | null;
}

const noteId = (lang: string, n: number) => `note-${escapeHtml(lang)}-${n}`;

function textHtml(text: string, c: RichHtmlContext): string {
  if (!c.cut) return escapeHtml(text);
  return c.cut(text)
    .map((part) => (part.bracketed ? `<span class="bracketed">${escapeHtml(part.text)}</span>` : escapeHtml(part.text)))
    .join('');
}

export function inlineHtml(content: readonly RichInline[], c: RichHtmlContext): string {
  return content
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return textHtml(node.text, c);
        case 'break':
          return '<br>';
        case 'em':
          return `<em>${inlineHtml(node.children, c)}</em>`;
        case 'strong':
          return `<strong>${inlineHtml(node.children, c)}</strong>`;
        case 'underline':
          return `<u>${inlineHtml(node.children, c)}</u>`;
        case 'link':
          return `<a href="${escapeHtml(node.href)}" rel="noreferrer">${inlineHtml(node.children, c)}</a>`;
        case 'note': {
          const n = c.numbers.get(node.label);
          if (n === undefined) return '';
          return `<sup class="note-ref"><a href="#${noteId(c.columnLang, n)}" id="${noteId(c.columnLang, n)}-ref">${n}</a></sup>`;
        }
      }
    })
    .join('');
}

function blockHtml(block: RichBlock, c: RichHtmlContext, lead: string, tail: string): string {
  if (block.kind === 'heading') {
    const tag = block.level === 1 ? 'h3' : 'h4';
    return `<${tag} class="sub-heading">${lead}${inlineHtml(block.content, c)}${tail}</${tag}>`;
  }
  if (block.kind === 'paragraph') return `<p>${lead}${inlineHtml(block.content, c)}${tail}</p>`;
  const tag = block.ordered ? 'ol' : 'ul';
  const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
  const items = block.items.map((item) => `<li>${inlineHtml(item, c)}</li>`).join('');
  return `${lead ? `<p>${lead}</p>` : ''}<${tag}${start}>${items}</${tag}>${tail ? `<p>${tail}</p>` : ''}`;
}

/**
 * A paragraph's rich text: one block prints as `<tag class>` as a plain paragraph always has;
 * several as a `<div class>` of blocks. `lead` (the label) starts the first block and `tail` (the
 * fallback note) ends the last, both already HTML; `attributes` carries lang and dir.
 */
export function richHtml(rich: RichText, c: RichHtmlContext, tag: string, classes: string, attributes: string, lead = '', tail = ''): string {
  const blocks = rich.blocks;
  const [only] = blocks;
  if (blocks.length <= 1 && (!only || only.kind === 'paragraph')) {
    return `<${tag} class="${classes}"${attributes}>${lead}${only ? inlineHtml(only.content, c) : ''}${tail}</${tag}>`;
  }
  const inner = blocks.map((block, index) => blockHtml(block, c, index === 0 ? lead : '', index === blocks.length - 1 ? tail : '')).join('');
  return `<div class="${classes} rich"${attributes}>${inner}</div>`;
}

/** The notes of one language's text, numbered through the document, each in its text's language. */
export function notesHtml(notes: readonly NumberedNote[], columnLang: string, heading: string): string {
  if (notes.length === 0) return '';
  const items = notes
    .map((note) => {
      const back = `<a class="note-back" href="#${noteId(columnLang, note.number)}-ref">${note.number}</a>`;
      const c: RichHtmlContext = { columnLang, numbers: new Map(), cut: null };
      return `<li id="${noteId(columnLang, note.number)}" value="${note.number}"${note.lang ? langAttributes(note.lang) : ''}>${back} ${inlineHtml(note.content, c)}</li>`;
    })
    .join('');
  return `<section class="notes"${langAttributes(columnLang)}><h2 class="notes-heading">${escapeHtml(heading)}</h2><ol class="notes-list">${items}</ol></section>`;
}

/** The page's rules for rich text and notes. */
export const richCss = `
.rich > p, .rich > ul, .rich > ol { margin-block: 0 0.4em; }
.rich ul, .rich ol { padding-inline-start: 1.6em; }
.sub-heading { font-size: 1em; margin-block: 0.6em 0.3em; }
h4.sub-heading { font-style: italic; }
.note-ref { font-size: 0.75em; line-height: 0; }
.note-ref a, .note-back { text-decoration: none; color: inherit; }
.notes { margin-block-start: 2em; border-block-start: 0.5pt solid #999; font-size: 0.9em; }
.notes-heading { font-size: 1em; margin-block: 0.6em 0.3em; }
.notes-list { padding-inline-start: 0; list-style: none; }
.notes-list li { margin-block-end: 0.3em; }
.note-back { font-weight: bold; }
`;
