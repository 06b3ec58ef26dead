/*
 * The paragraph editor's formatting commands, as edits of the text: each returns the new text and
 * the selection to set, and only ever adds the markup of shared/richText's subset, so what the
 * toolbar writes is what a writer could have typed.
 */

export interface TextEdit {
  text: string;
  start: number;
  end: number;
}

/** The selection without the spaces at its ends (they stay outside the markup). */
function trimmed(text: string, start: number, end: number): [number, number] {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from] ?? '')) from += 1;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to -= 1;
  return [from, to];
}

/**
 * `**bold**` or `*italic*` around the selected words; with nothing selected, around `placeholder`,
 * which is then selected to be typed over. Already wrapped exactly: the markers come off again.
 */
export function wrapSelection(text: string, start: number, end: number, marker: string, placeholder: string): TextEdit {
  const [from, to] = trimmed(text, start, end);
  const before = text.slice(from - marker.length, from);
  const after = text.slice(to, to + marker.length);
  if (from < to && before === marker && after === marker && !(marker === '*' && (text[from - 2] === '*' || text[to + 1] === '*'))) {
    return { text: text.slice(0, from - marker.length) + text.slice(from, to) + text.slice(to + marker.length), start: from - marker.length, end: to - marker.length };
  }
  const words = from < to ? text.slice(from, to) : placeholder;
  return { text: `${text.slice(0, from)}${marker}${words}${marker}${text.slice(to)}`, start: from + marker.length, end: from + marker.length + words.length };
}

/** Each selected line (or the cursor's line) made an item of a bulleted or numbered list, set apart by blank lines. */
export function listLines(text: string, start: number, end: number, ordered: boolean, placeholder: string): TextEdit {
  const lineStart = text.lastIndexOf('\n', Math.min(start, end) - 1) + 1;
  const nextBreak = text.indexOf('\n', Math.max(start, end));
  const lineEnd = nextBreak < 0 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  const items = lines.map((line, index) => `${ordered ? `${index + 1}.` : '-'} ${line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim() || placeholder}`);
  const head = text.slice(0, lineStart);
  const tail = text.slice(lineEnd);
  const lead = head === '' || head.endsWith('\n\n') ? '' : head.endsWith('\n') ? '\n' : '\n\n';
  const trail = tail === '' || tail.startsWith('\n\n') ? '' : tail.startsWith('\n') ? '\n' : '\n\n';
  const list = items.join('\n');
  const at = head.length + lead.length;
  return { text: `${head}${lead}${list}${trail}${tail}`, start: at, end: at + list.length };
}

/** `[words](address)` for the selected words (or `placeholder`, selected to be typed over). */
export function insertLink(text: string, start: number, end: number, href: string, placeholder: string): TextEdit {
  const [from, to] = trimmed(text, start, end);
  const words = from < to ? text.slice(from, to) : placeholder;
  const link = `[${words}](${href.trim().replace(/[()\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
  return { text: `${text.slice(0, from)}${link}${text.slice(to)}`, start: from + 1, end: from + 1 + words.length };
}

/** The next free numeric note label in `text`: [^1], [^2]… */
export function nextNoteLabel(text: string): string {
  const used = [...text.matchAll(/\[\^(\d+)\]/g)].map((match) => Number(match[1]));
  return String(Math.max(0, ...used) + 1);
}

/**
 * A footnote: its reference [^n] after the selected words (or at the cursor) and its note
 * `[^n]: …` at the end of the text, where the subset keeps notes. The cursor lands after the reference.
 */
export function insertNote(text: string, start: number, end: number, note: string): TextEdit {
  const label = nextNoteLabel(text);
  const [, to] = trimmed(text, start, end);
  let at = Math.max(start, end) > to ? to : Math.max(start, end);
  // After the emphasis that closes on the selected words, so the note's number is not in italics.
  while (at < text.length && /[*_]/.test(text[at] ?? '') && /\S/.test(text[at - 1] ?? '')) at += 1;
  const reference = `[^${label}]`;
  const body = `${text.slice(0, at)}${reference}${text.slice(at)}`.replace(/\s+$/, '');
  const cursor = at + reference.length;
  return { text: `${body}\n\n[^${label}]: ${note.trim().replace(/\s*\n\s*/g, ' ')}`, start: cursor, end: cursor };
}
