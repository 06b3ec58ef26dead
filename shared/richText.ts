import MarkdownIt, { type StateInline, type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';

/*
 * Rich text in a paragraph: a small Markdown subset kept in the paragraph's text cell as it is
 * typed, so the change log, merges, amendments, history, translations and bundles see one string
 * as before. This module says what the subset is; every writer (Word, HTML/PDF, Markdown, the
 * screens) prints from the tree it returns, never from Markdown's own HTML.
 *
 * The subset:
 * - *italic* or _italic_, **bold** or __bold__, ++underlined++ (how an operative paragraph's opening
 *   phrase may print: see shared/paragraphRefs.ts);
 * - bulleted lists (`- item`, `* item`) and numbered lists (`1. item`), one level (a nested
 *   list's items join their parent list);
 * - links [text](https://…), to http, https and mailto addresses only;
 * - footnotes: a reference [^1] in the text and its definition `[^1]: The note.` on a line of its
 *   own; labels are the writer's own, the exports number the notes through the document;
 * - sub-headings `# Heading` and `## Sub-heading`;
 * - a line break inside a paragraph stays a line break, as it always has.
 * Anything else (raw HTML, images, tables, code, quotes, rules, ### deeper headings) prints as the
 * literal text it is. Problems a writer must fix before the text is kept (see richTextProblems):
 * a link to another kind of address, a reference with no note, a note nothing refers to, and a
 * ** or __ left open.
 */

export type RichInline =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | { kind: 'em'; children: RichInline[] }
  | { kind: 'strong'; children: RichInline[] }
  | { kind: 'underline'; children: RichInline[] }
  | { kind: 'link'; href: string; children: RichInline[] }
  /** A reference to the text's note `label`. */
  | { kind: 'note'; label: string };

export type RichBlock =
  | { kind: 'paragraph'; content: RichInline[] }
  | { kind: 'heading'; level: 1 | 2; content: RichInline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: RichInline[][] };

export interface RichNote {
  label: string;
  content: RichInline[];
}

export type RichProblemCode = 'badLink' | 'missingNote' | 'unusedNote' | 'unclosedMarker';

export interface RichProblem {
  code: RichProblemCode;
  /** The address, the note's label or the marker, as typed. */
  detail: string;
}

export interface RichText {
  blocks: RichBlock[];
  /** The text's notes in the order they are first referred to. */
  notes: RichNote[];
  problems: RichProblem[];
}


/** ++text++: underlined, on one line, never empty. */
function underlineRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x2b || state.src.charCodeAt(start + 1) !== 0x2b) return false;
  const end = state.src.indexOf('++', start + 2);
  if (end < 0 || end > state.posMax || end === start + 2 || state.src.slice(start + 2, end).includes('\n')) return false;
  if (!silent) {
    const max = state.posMax;
    state.push('underline_open', 'u', 1);
    state.pos = start + 2;
    state.posMax = end;
    state.md.inline.tokenize(state);
    state.push('underline_close', 'u', -1);
    state.posMax = max;
  }
  state.pos = end + 2;
  return true;
}

const parser = new MarkdownIt('zero', { html: false, linkify: false, typographer: false })
  .enable(['heading', 'list', 'emphasis', 'link', 'image', 'escape', 'newline'])
  .use(footnote);
parser.inline.ruler.before('emphasis', 'underline', underlineRule);
// ^[inline notes] are outside the subset: they print as typed.
parser.inline.ruler.disable(['footnote_inline']);
// Every address is let through the parser so that a bad one is reported, not silently left as text.
parser.validateLink = () => true;

/** The addresses a link may have: the web and e-mail, never javascript:, data:, file: or a relative path. */
export const allowedLink = (href: string): boolean => /^(https?:\/\/|mailto:)/i.test(href.trim());

const leftoverNote = /\[\^([^\]\s]+)\]/g;
const leftoverMarker = /\*\*|__/;

interface FootnoteEnv {
  footnotes?: { refs?: Record<string, number>; list?: Array<{ label?: string }> };
}

function pushText(out: RichInline[], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}

function inlines(tokens: readonly Token[], env: FootnoteEnv, problems: RichProblem[]): RichInline[] {
  const root: RichInline[] = [];
  const stack: RichInline[][] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const open = (node: Extract<RichInline, { children: RichInline[] }>) => {
    top().push(node);
    stack.push(node.children);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'softbreak':
      case 'hardbreak':
        top().push({ kind: 'break' });
        break;
      case 'em_open':
        open({ kind: 'em', children: [] });
        break;
      case 'strong_open':
        open({ kind: 'strong', children: [] });
        break;
      case 'underline_open':
        open({ kind: 'underline', children: [] });
        break;
      case 'link_open': {
        const href = String(token.attrGet('href') ?? '');
        if (!allowedLink(href)) problems.push({ code: 'badLink', detail: href });
        open({ kind: 'link', href, children: [] });
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 'underline_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      case 'image':
        // Images are outside the subset: the markup prints as typed.
        pushText(top(), `![${token.content}](${String(token.attrGet('src') ?? '')})`);
        break;
      case 'footnote_ref': {
        const id = (token.meta as { id?: number } | null)?.id ?? -1;
        const label = env.footnotes?.list?.[id]?.label ?? String(id);
        top().push({ kind: 'note', label });
        break;
      }
      default:
        pushText(top(), token.content);
    }
  }
  return root;
}

/** The inline tokens under the block tokens from `from` up to `until`, lines joined by breaks. */
function joinedInlines(tokens: readonly Token[], from: number, until: number, env: FootnoteEnv, problems: RichProblem[]): RichInline[] {
  const out: RichInline[] = [];
  for (let i = from; i < until; i += 1) {
    const token = tokens[i];
    if (token?.type !== 'inline') continue;
    if (out.length > 0) out.push({ kind: 'break' });
    out.push(...inlines(token.children ?? [], env, problems));
  }
  return out;
}

/** Index of the token closing the one opened at `at` (same nesting level, `closing` type). */
function closingIndex(tokens: readonly Token[], at: number, closing: string): number {
  const level = tokens[at]?.level ?? 0;
  for (let i = at + 1; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token?.type === closing && token.level === level) return i;
  }
  return tokens.length;
}

function listItems(tokens: readonly Token[], from: number, until: number, env: FootnoteEnv, problems: RichProblem[]): RichInline[][] {
  const items: RichInline[][] = [];
  let current: RichInline[] | null = null;
  for (let i = from; i < until; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    // Every item, a nested list's too, is an item of this one list.
    if (token.type === 'list_item_open') {
      current = [];
      items.push(current);
    } else if (token.type === 'inline' && current) {
      if (current.length > 0) current.push({ kind: 'break' });
      current.push(...inlines(token.children ?? [], env, problems));
    }
  }
  return items.filter((item) => item.length > 0);
}

function visit(content: RichInline[], each: (text: string) => void): void {
  for (const node of content) {
    if (node.kind === 'text') each(node.text);
    else if (node.kind === 'em' || node.kind === 'strong' || node.kind === 'underline' || node.kind === 'link') visit(node.children, each);
  }
}

/** Reads `source` as the subset. Never throws: text it cannot read as the subset stays text. */
export function parseRichText(source: string): RichText {
  const env: FootnoteEnv = {};
  const problems: RichProblem[] = [];
  const tokens = parser.parse(source, env as Record<PropertyKey, unknown>);
  const blocks: RichBlock[] = [];
  const defined = new Map<string, RichInline[]>();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    if (token.type === 'heading_open') {
      const end = closingIndex(tokens, i, 'heading_close');
      const content = joinedInlines(tokens, i + 1, end, env, problems);
      const level = Number(token.tag.slice(1));
      if (level === 1 || level === 2) blocks.push({ kind: 'heading', level, content });
      else blocks.push({ kind: 'paragraph', content: [{ kind: 'text', text: `${token.markup} ` }, ...content] });
      i = end;
    } else if (token.type === 'paragraph_open') {
      const end = closingIndex(tokens, i, 'paragraph_close');
      blocks.push({ kind: 'paragraph', content: joinedInlines(tokens, i + 1, end, env, problems) });
      i = end;
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      const ordered = token.type === 'ordered_list_open';
      const end = closingIndex(tokens, i, ordered ? 'ordered_list_close' : 'bullet_list_close');
      const start = Number(token.attrGet('start') ?? 1);
      blocks.push({ kind: 'list', ordered, start: Number.isFinite(start) ? start : 1, items: listItems(tokens, i + 1, end, env, problems) });
      i = end;
    } else if (token.type === 'footnote_open') {
      const end = closingIndex(tokens, i, 'footnote_close');
      const label = (token.meta as { label?: string } | null)?.label;
      if (label !== undefined) defined.set(label, joinedInlines(tokens, i + 1, end, env, problems));
      i = end;
    }
  }
  const referred: string[] = [];
  const collect = (content: RichInline[]) => {
    for (const node of content) {
      if (node.kind === 'note' && !referred.includes(node.label)) referred.push(node.label);
      else if (node.kind === 'em' || node.kind === 'strong' || node.kind === 'underline' || node.kind === 'link') collect(node.children);
    }
  };
  for (const block of blocks) (block.kind === 'list' ? block.items : [block.content]).forEach(collect);
  const notes = referred.map((label) => ({ label, content: defined.get(label) ?? [] }));
  for (const [key, id] of Object.entries(env.footnotes?.refs ?? {})) {
    if (id < 0) problems.push({ code: 'unusedNote', detail: key.slice(1) });
  }
  const texts: RichInline[][] = [...blocks.flatMap((block) => (block.kind === 'list' ? block.items : [block.content])), ...notes.map((note) => note.content)];
  for (const content of texts) {
    visit(content, (text) => {
      for (const match of text.matchAll(leftoverNote)) problems.push({ code: 'missingNote', detail: match[1] ?? '' });
      const marker = leftoverMarker.exec(text);
      if (marker) problems.push({ code: 'unclosedMarker', detail: marker[0] });
    });
  }
  return { blocks, notes, problems };
}

/** What stops `source` being kept, each problem once; empty when it may be saved. */
export function richTextProblems(source: string): RichProblem[] {
  const seen = new Set<string>();
  return parseRichText(source).problems.filter((problem) => {
    const key = `${problem.code}:${problem.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True when `source` uses nothing of the subset: it prints exactly as a plain text. */
export function isPlainText(source: string): boolean {
  const { blocks, notes } = parseRichText(source);
  if (notes.length > 0 || blocks.length > 1) return false;
  const [block] = blocks;
  if (!block) return true;
  return block.kind === 'paragraph' && block.content.every((node) => node.kind === 'text' || node.kind === 'break');
}

/** The words of rich content without its markup (a note reference left out). */
export function inlineText(content: readonly RichInline[]): string {
  return content
    .map((node) => {
      if (node.kind === 'text') return node.text;
      if (node.kind === 'break') return '\n';
      if (node.kind === 'note') return '';
      return inlineText(node.children);
    })
    .join('');
}

export interface NumberedNote {
  number: number;
  content: RichInline[];
  lang: string;
}

/**
 * Numbers a document's notes in one language: each text's notes get the next numbers in the
 * order they are first referred to, so the notes run 1, 2, 3… through the whole document.
 */
export class NoteNumbers {
  private next = 1;
  readonly notes: NumberedNote[] = [];

  /**
   * The numbers of `rich`'s notes, by label; `lang` is the language the text (and so its notes)
   * is in, unless `langs` gives a note's own (an explanation of vote, as it was made).
   */
  numberText(rich: RichText, lang = '', langs?: Readonly<Record<string, string>>): Map<string, number> {
    const numbers = new Map<string, number>();
    for (const note of rich.notes) {
      numbers.set(note.label, this.next);
      this.notes.push({ number: this.next, content: note.content, lang: langs?.[note.label] ?? lang });
      this.next += 1;
    }
    return numbers;
  }
}

/**
 * Cuts rich text's runs at [square brackets] (words still under negotiation), carrying whether
 * the writer is inside brackets from one run to the next, as bracketParts does for a plain text.
 * `whole`: the paragraph is bracketed and has no brackets of its own, so all of it is.
 */
export function bracketCutter(whole: boolean): (text: string) => Array<{ text: string; bracketed: boolean }> {
  let inside = false;
  return (text) => {
    if (whole) return [{ text, bracketed: true }];
    const out: Array<{ text: string; bracketed: boolean }> = [];
    let at = 0;
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i];
      if (char === '[' && !inside) {
        if (i > at) out.push({ text: text.slice(at, i), bracketed: false });
        at = i;
        inside = true;
      } else if (char === ']' && inside) {
        out.push({ text: text.slice(at, i + 1), bracketed: true });
        at = i + 1;
        inside = false;
      }
    }
    if (at < text.length) out.push({ text: text.slice(at), bracketed: inside });
    return out;
  };
}
