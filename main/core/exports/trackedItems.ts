import { DeletedTextRun, InsertedTextRun, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { DiffPart } from '../../../shared/wordDiff';
import { paragraphProperties, runProperties, type RunStyle } from './docxText';
import { escapeHtml, langAttributes } from './htmlPage';
import type { OutcomeColumn, OutcomeItem, TrackedChange } from './outcomeModelTypes';

// A paragraph exported with tracked changes against an issuance (see trackChanges.ts), in each
// format: Word revisions (w:ins/w:del) Word can accept or reject, HTML <ins>/<del>, and Markdown
// in CriticMarkup ({++ inserted ++}, {-- deleted --}), which plain Markdown shows as typed.

const partKind = (t: TrackedChange): DiffPart['kind'] => (t.whole === 'inserted' ? 'insert' : t.whole === 'deleted' ? 'delete' : 'equal');

/** The item as Word paragraphs: its label (tracked with it when the whole paragraph is), then its words as revisions. */
export function trackedDocxParagraph(item: OutcomeItem, t: TrackedChange, column: OutcomeColumn, nextId: () => number, style: RunStyle, labelStyle: RunStyle, base: object): Paragraph {
  const revision = () => ({ id: nextId(), author: t.author, date: t.date });
  const run = (kind: DiffPart['kind'], text: string, lang: string, runStyle: RunStyle): ParagraphChild[] =>
    text.split('\n').map((line, i) => {
      const options = { ...runProperties(lang, runStyle), text: line, ...(i > 0 ? { break: 1 } : {}) };
      if (kind === 'equal') return new TextRun(options);
      return kind === 'insert' ? new InsertedTextRun({ ...options, ...revision() }) : new DeletedTextRun({ ...options, ...revision() });
    });
  const children = [
    ...(item.label ? run(partKind(t), item.label, column.lang, labelStyle) : []),
    ...t.parts.flatMap((part) => run(part.kind, part.text, item.text.lang, style)),
  ];
  // A paragraph added or removed since carries its mark too, so accepting or rejecting it leaves no empty paragraph.
  const mark = t.whole === 'inserted' ? { run: { insertion: revision() } } : t.whole === 'deleted' ? { run: { deletion: revision() } } : {};
  return new Paragraph({ ...paragraphProperties(column.lang), ...base, ...mark, children });
}

function diffHtmlOf(parts: DiffPart[]): string {
  return parts
    .map((part) => {
      const text = escapeHtml(part.text).replace(/\n/g, '<br>');
      return part.kind === 'insert' ? `<ins>${text}</ins>` : part.kind === 'delete' ? `<del>${text}</del>` : text;
    })
    .join('');
}

export function trackedHtml(item: OutcomeItem, t: TrackedChange): string {
  const tag = item.kind === 'heading' ? 'h2' : 'p';
  const classes = [item.kind === 'heading' ? 'section-heading' : `paragraph ${item.kind}`, item.level ? `level-${item.level}` : '', t.whole ? `tracked-${t.whole}` : 'tracked'].filter(Boolean).join(' ');
  const label = item.label === '' ? '' : diffHtmlOf([{ kind: partKind(t), text: item.label }]);
  return `<${tag} class="${classes}"${langAttributes(item.text.lang)}>${label}${diffHtmlOf(t.parts)}</${tag}>`;
}

const critic = (kind: DiffPart['kind'], text: string, escape: (text: string) => string): string => {
  if (kind === 'equal' || text.trim() === '') return escape(text);
  return kind === 'insert' ? `{++${escape(text)}++}` : `{--${escape(text)}--}`;
};

/** `escape` escapes inline Markdown; what would start a block (a list's "1. ") is escaped here. */
export function trackedMarkdown(item: OutcomeItem, t: TrackedChange, escape: (text: string) => string): string {
  const label = item.label === '' ? '' : critic(partKind(t), item.label, escape);
  const body = t.parts.map((part) => critic(part.kind, part.text, escape)).join('');
  const line = `${label}${body}`.replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/, (_whole, space: string, marker: string) =>
    marker.length === 1 ? `${space}\\${marker}` : `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
  );
  return item.kind === 'heading' ? `## ${line}` : line;
}
