import { CoreError } from '../errors';

/*
 * A text's markup as XLIFF inline codes, so a CAT tool shows the translator words and protects
 * the marks: **bold**, *italic*, ++underline++ become paired codes (<pc> in 2.0, <g> in 1.2)
 * around the words they style; a cross-reference [[para:id]], the opening-phrase mark [[lead]],
 * a footnote reference [^1], a mark left unpaired and a character XML cannot carry become
 * placeholders (<ph> in 2.0, <x> in 1.2). An import puts back the marks of the text as it is
 * stored (never what a file claims a code stood for), so a translation cannot smuggle in marks.
 */

export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'pair'; id: string; open: string; close: string; style: 'b' | 'i' | 'u'; children: Piece[] }
  | { kind: 'ph'; id: string; mark: string; what: 'ref' | 'lead' | 'note' | 'fmt' | 'char' };

/** What the target's codes resolve to, by id: a pair's two marks or a placeholder's. */
export type CodeMarks = Map<string, { open: string; close: string } | { mark: string }>;

// Escapes first (they are text), then the marks. Control characters other than tab and line feed
// cannot travel in XML 1.0 as they are (and a carriage return would come back as a line feed):
// they become placeholders.
const markPattern = /\\[\s\S]|\[\[para:[A-Za-z0-9_-]{1,64}\]\]|\[\[lead\]\]|\[\^[^\]\s]{1,32}\]|\*\*|__|\+\+|\*|_|(?![\t\n])\p{Cc}|[\uFFFE\uFFFF]/gu;
const styles: Record<string, 'b' | 'i' | 'u'> = { '**': 'b', __: 'b', '*': 'i', _: 'i', '++': 'u' };

interface Mark {
  at: number;
  text: string;
}

/** The text as pieces; joining them back (see joinPieces) gives the text exactly. */
export function toPieces(text: string): { pieces: Piece[]; marks: CodeMarks } {
  const found: Mark[] = [];
  for (const match of text.matchAll(markPattern)) {
    if (match[0].startsWith('\\')) continue;
    found.push({ at: match.index, text: match[0] });
  }
  // Pair emphasis marks innermost-first with a stack: a mark closes the nearest open one like it;
  // anything that does not nest stays a placeholder.
  const partner = new Map<number, number>();
  const open: number[] = [];
  found.forEach((mark, index) => {
    if (!(mark.text in styles)) return;
    const top = open[open.length - 1];
    if (top !== undefined && found[top]?.text === mark.text) {
      open.pop();
      partner.set(top, index);
      partner.set(index, top);
    } else open.push(index);
  });
  let nextId = 1;
  const marks: CodeMarks = new Map();
  const root: Piece[] = [];
  const stack: Array<{ children: Piece[]; closeAt: number }> = [{ children: root, closeAt: -1 }];
  let pos = 0;
  const here = () => stack[stack.length - 1]!.children;
  const pushText = (to: number) => {
    if (to > pos) here().push({ kind: 'text', text: text.slice(pos, to) });
    pos = to;
  };
  found.forEach((mark, index) => {
    pushText(mark.at);
    pos = mark.at + mark.text.length;
    const other = partner.get(index);
    if (other !== undefined && other > index) {
      const id = String(nextId++);
      const pair: Piece = { kind: 'pair', id, open: mark.text, close: mark.text, style: styles[mark.text]!, children: [] };
      marks.set(id, { open: mark.text, close: mark.text });
      here().push(pair);
      stack.push({ children: pair.children, closeAt: other });
    } else if (other !== undefined) {
      stack.pop();
    } else {
      const id = String(nextId++);
      marks.set(id, { mark: mark.text });
      here().push({ kind: 'ph', id, mark: mark.text, what: whatOf(mark.text) });
    }
  });
  pushText(text.length);
  return { pieces: root, marks };
}

function whatOf(mark: string): 'ref' | 'lead' | 'note' | 'fmt' | 'char' {
  if (mark.startsWith('[[para:')) return 'ref';
  if (mark === '[[lead]]') return 'lead';
  if (mark.startsWith('[^')) return 'note';
  return mark in styles ? 'fmt' : 'char';
}

/** A target as read from a file: text and the codes it kept, by id. */
export type TargetNode = { kind: 'text'; text: string } | { kind: 'ph'; id: string } | { kind: 'open'; id: string } | { kind: 'close'; id: string };

/**
 * The translation with the source's marks put back where the translator's codes are. A code the
 * source does not have is refused: the file was edited by hand, or belongs to another text.
 */
export function restoreMarks(unitId: string, nodes: readonly TargetNode[], marks: CodeMarks): string {
  let out = '';
  // A pair's start and end must enclose words in order (<sc>/<ec> and 1.2's <bx>/<ex> need not):
  // bold opened and never closed would print the rest of the paragraph in bold.
  const open: string[] = [];
  const unpaired = (id: string) => new CoreError('xliff_malformed', `Unit ${unitId}: its translation opens or closes the inline code ${id} without its other half.`);
  for (const node of nodes) {
    if (node.kind === 'text') {
      out += node.text;
      continue;
    }
    const mark = marks.get(node.id);
    const bad = () => new CoreError('xliff_malformed', `Unit ${unitId}: its translation has an inline code (${node.id}) its source does not have.`);
    if (!mark) throw bad();
    if (node.kind === 'ph') {
      if (!('mark' in mark)) throw bad();
      out += mark.mark;
    } else {
      if (!('open' in mark)) throw bad();
      if (node.kind === 'open') open.push(node.id);
      else if (open.pop() !== node.id) throw unpaired(node.id);
      out += node.kind === 'open' ? mark.open : mark.close;
    }
  }
  if (open.length > 0) throw unpaired(open[open.length - 1] ?? '');
  return out;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const subTypes = { b: 'xlf:b', i: 'xlf:i', u: 'xlf:u' } as const;
const ctypes = { b: 'bold', i: 'italic', u: 'underlined' } as const;

/** XLIFF 2.0 content: <pc> around styled words, <ph> for the rest; each code's mark in originalData (dataRef). */
export function piecesToXliff2(pieces: readonly Piece[]): string {
  return pieces
    .map((piece) => {
      if (piece.kind === 'text') return escapeXml(piece.text);
      if (piece.kind === 'pair') {
        return `<pc id="${piece.id}" type="fmt" subType="${subTypes[piece.style]}" dataRefStart="d${piece.id}s" dataRefEnd="d${piece.id}e">${piecesToXliff2(piece.children)}</pc>`;
      }
      const type = piece.what === 'fmt' || piece.what === 'char' ? 'fmt' : 'other';
      return `<ph id="${piece.id}" type="${type}" dataRef="d${piece.id}"/>`;
    })
    .join('');
}

/** The <data> entries of a text's codes (2.0 originalData), for tools that show the original marks. */
export function originalData(pieces: readonly Piece[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly Piece[]) => {
    for (const piece of list) {
      if (piece.kind === 'pair') {
        out.push(`<data id="d${piece.id}s">${escapeData(piece.open)}</data>`, `<data id="d${piece.id}e">${escapeData(piece.close)}</data>`);
        walk(piece.children);
      } else if (piece.kind === 'ph') out.push(`<data id="d${piece.id}">${escapeData(piece.mark)}</data>`);
    }
  };
  walk(pieces);
  return out;
}

// A control character in a mark is written as the <cp> XLIFF 2.0 gives for it.
const escapeData = (mark: string) =>
  [...mark].map((c) => (/(?![\t\n])\p{Cc}|[\uFFFE\uFFFF]/u.test(c) ? `<cp hex="${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>` : escapeXml(c))).join('');

/** XLIFF 1.2 content: <g> around styled words, <x/> for the rest (its mark as equiv-text where printable). */
export function piecesToXliff12(pieces: readonly Piece[]): string {
  return pieces
    .map((piece) => {
      if (piece.kind === 'text') return escapeXml(piece.text);
      if (piece.kind === 'pair') return `<g id="${piece.id}" ctype="${ctypes[piece.style]}">${piecesToXliff12(piece.children)}</g>`;
      const equiv = piece.what === 'char' ? '' : ` equiv-text="${escapeAttribute(piece.mark)}"`;
      return `<x id="${piece.id}" ctype="x-plenary-${piece.what}"${equiv}/>`;
    })
    .join('');
}
