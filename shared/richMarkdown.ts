import type { NumberedNote, RichBlock, RichInline, RichText } from './richText';

/*
 * Rich text written back as Markdown, normalised: *italic*, **bold**, `- ` and `1. ` lists, `#`
 * and `##` headings, [text](address) links and [^n] notes numbered as the document numbers them.
 * Everything else a writer typed is escaped, so it reads back as the same text.
 */

const escapeText = (text: string): string =>
  text
    .replace(/[\\`*_~<>|]/g, (char) => `\\${char}`)
    .replace(/\[(\^)/g, '\\[$1')
    .replace(/\]([([])/g, '\\]$1');

/** A line that would start a block (heading, list, quote) keeps its first character as text. */
const escapeLineStart = (line: string): string =>
  line.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, (_whole, space: string, marker: string) =>
    marker.length === 1 ? `${space}\\${marker}` : `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
  );

/** Emphasis may not open or close next to a space: edge spaces stay outside the markers. */
function wrap(inner: string, marker: string): string {
  const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner) ?? [];
  return core === '' ? inner : `${before}${marker}${core}${marker}${after}`;
}

export function inlineMarkdown(content: readonly RichInline[], numbers: ReadonlyMap<string, number>, indent = ''): string {
  return content
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return escapeText(node.text);
        case 'break':
          return `\n${indent}`;
        case 'em':
          return wrap(inlineMarkdown(node.children, numbers, indent), '*');
        case 'strong':
          return wrap(inlineMarkdown(node.children, numbers, indent), '**');
        case 'underline':
          // Markdown has no underline of its own; every Markdown reader shows HTML's.
          return `<u>${inlineMarkdown(node.children, numbers, indent)}</u>`;
        case 'link':
          return `[${inlineMarkdown(node.children, numbers, indent)}](${node.href.replace(/[()\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
        case 'note':
          return `[^${numbers.get(node.label) ?? node.label}]`;
      }
    })
    .join('');
}

function blockMarkdown(block: RichBlock, numbers: ReadonlyMap<string, number>, prefix: string): string {
  if (block.kind === 'heading') return `${'#'.repeat(block.level)} ${prefix}${inlineMarkdown(block.content, numbers)}`;
  if (block.kind === 'paragraph') {
    return (prefix + inlineMarkdown(block.content, numbers))
      .split('\n')
      .map(escapeLineStart)
      .join('\n');
  }
  const items = block.items.map((item, index) => {
    const marker = block.ordered ? `${block.start + index}. ` : '- ';
    return `${marker}${inlineMarkdown(item, numbers, ' '.repeat(marker.length))}`;
  });
  return prefix ? [prefix.trimEnd(), ...items].join('\n\n') : items.join('\n');
}

/**
 * The text's blocks as Markdown, `prefix` (a label such as "First, ", already escaped) at the
 * start of the first; notes as [^n] with `numbers` from the document's NoteNumbers.
 */
export function richMarkdown(rich: RichText, numbers: ReadonlyMap<string, number>, prefix = ''): string {
  return rich.blocks.map((block, index) => blockMarkdown(block, numbers, index === 0 ? prefix : '')).join('\n\n');
}

/** The document's notes, `[^1]: …` one after another, for the end of a language's text. */
export function notesMarkdown(notes: readonly NumberedNote[]): string {
  return notes.map((note) => `[^${note.number}]: ${inlineMarkdown(note.content, new Map(), '    ')}`).join('\n');
}
