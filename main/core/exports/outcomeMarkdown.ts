import type { DiffPart } from '../../../shared/wordDiff';
import { documentText, languageName } from './documentText';
import type { AnnexTable, ModelAmendment, OutcomeAnnex, OutcomeColumn, OutcomeItem, OutcomeModel, ShownText } from './outcomeModelTypes';
import { inlineMarkdown, notesMarkdown, richMarkdown } from '../../../shared/richMarkdown';
import { richColumn, type RichColumn } from './richItems';
import { trackedMarkdown } from './trackedItems';

/*
 * The outcome document as Markdown (CommonMark with GitHub tables and ~~strikethrough~~): the
 * same content as the HTML and Word files, one language after another when several are asked.
 *
 * Conventions (also printed, in the document's language, at the top of the amendments variant):
 * - a paragraph's label ("First, ", "1. ") starts its text as printed, headings are `##` headings;
 * - a fallback text is followed by its note in italics: `_(English, not yet translated)_`;
 * - bracketed text keeps its [square brackets] (escaped only where Markdown would read a link);
 * - amendments variant: under each paragraph a quote block with the status, each open
 *   amendment (its note in italics, then the text with ~~deleted~~ and **inserted** words), its
 *   rationale and the stance tally.
 */

/** Escapes what Markdown would otherwise read as formatting, inside a line. */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/[\\`*_~<>|]/g, (char) => `\\${char}`)
    .replace(/\]([([])/g, '\\]$1')
    .replace(/[\r\n]+/g, ' ');
}

/** Also escapes what would start a block (heading, list, quote, numbered list) at a line start. */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdownInline(text).replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/, (_whole, space: string, marker: string) =>
    marker.length === 1 ? `${space}\\${marker}` : `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
  );
}

/**
 * Wraps a changed stretch in a Markdown delimiter. Emphasis may not open or close next to a space,
 * so spaces at the edges stay outside the markers.
 */
function mark(text: string, delimiter: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, before = '', core = '', after = ''] = match ?? [];
  if (core === '') return text;
  return `${before}${delimiter}${escapeMarkdownInline(core)}${delimiter}${after}`;
}

export function diffMarkdown(parts: DiffPart[]): string {
  return parts
    .map((part) => (part.kind === 'insert' ? mark(part.text, '**') : part.kind === 'delete' ? mark(part.text, '~~') : escapeMarkdownInline(part.text)))
    .join('');
}

function shown(text: ShownText): string {
  const body = escapeMarkdownLine(text.text);
  return text.fallback ? `${body} _${escapeMarkdownInline(text.fallbackNote)}_` : body;
}

function amendmentLines(amendment: ModelAmendment, column: OutcomeColumn): string[] {
  const stale = amendment.stale ? ` ${documentText(column.lang)('html.staleAmendment')}` : '';
  return [
    `_${escapeMarkdownInline(amendment.note + stale)}_`,
    diffMarkdown(amendment.parts),
    ...(amendment.rationaleNote === '' ? [] : [escapeMarkdownLine(amendment.rationaleNote)]),
  ];
}

/** The quote block under a paragraph in the amendments variant; its lines are separate paragraphs. */
function negotiationBlock(item: OutcomeItem, column: OutcomeColumn): string {
  const lines = [
    `**${escapeMarkdownInline(item.statusNote)}**`,
    ...item.amendments.flatMap((amendment) => amendmentLines(amendment, column)),
    ...item.foreignAmendments.map((note) => `_${escapeMarkdownInline(note.note)}_`),
    ...(item.stanceNote === '' ? [] : [escapeMarkdownLine(item.stanceNote)]),
  ];
  return lines.map((line) => `> ${line}`).join('\n>\n');
}

/** The fallback note after a text, in italics, as `shown` adds it. */
const fallbackTail = (text: ShownText): string => (text.fallback ? ` _${escapeMarkdownInline(text.fallbackNote)}_` : '');

function itemBlocks(item: OutcomeItem, index: number, column: OutcomeColumn, rich: RichColumn, variant: OutcomeModel['variant']): string[] {
  if (item.tracked) return [trackedMarkdown(item, item.tracked, escapeMarkdownInline)];
  const entry = rich.items[index];
  let text: string;
  if (!entry) text = item.kind === 'heading' ? `## ${shown(item.text)}` : shown({ ...item.text, text: item.label + item.text.text });
  else if (item.kind === 'heading') {
    // A heading is one line: its blocks' words and emphasis, its notes' numbers.
    const content = entry.rich.blocks.flatMap((block) => (block.kind === 'list' ? block.items.flat() : block.content)).filter((node) => node.kind !== 'break');
    text = `## ${inlineMarkdown(content, entry.numbers)}${fallbackTail(item.text)}`;
  } else {
    // The rich text passed through, normalised; the label runs into it as in the printed documents ("First, …", "第一，…"), unstyled.
    text = `${richMarkdown(entry.rich, entry.numbers, escapeMarkdownInline(item.label))}${fallbackTail(item.text)}`;
  }
  return variant === 'amendments' ? [text, negotiationBlock(item, column)] : [text];
}

function columnBlocks(model: OutcomeModel, column: OutcomeColumn): string[] {
  const rich = richColumn(column);
  return [
    column.title ? `# ${shown(column.title)}` : '',
    column.subtitle ? `_${escapeMarkdownInline(column.subtitle.text)}_${column.subtitle.fallback ? ` _${escapeMarkdownInline(column.subtitle.fallbackNote)}_` : ''}` : '',
    column.placeAndDates === '' ? '' : escapeMarkdownLine(column.placeAndDates),
    column.coOrganisers === '' ? '' : escapeMarkdownLine(column.coOrganisers),
    column.participation === '' ? '' : `**${escapeMarkdownInline(column.participation)}**`,
    column.addressee ? shown(column.addressee) : '',
    model.variant === 'amendments' ? `> ${documentText(column.lang)('html.markdownLegend')}` : '',
    ...column.preamble.map(shown),
    column.leadIn ? `**${shown(column.leadIn)}**` : '',
    ...column.items.flatMap((item, index) => itemBlocks(item, index, column, rich, model.variant)),
    ...(column.closingBlock ?? []).map(shown),
    column.closing ? `_${escapeMarkdownInline(column.closing.text)}_${column.closing.fallback ? ` _${escapeMarkdownInline(column.closing.fallbackNote)}_` : ''}` : '',
    // An address keeps its lines: a hard break (two spaces) ends each but the last.
    ...column.contacts.map((lines) => lines.map(escapeMarkdownLine).join('  \n')),
    // The language's notes, numbered through its text, at its end.
    notesMarkdown(rich.notes),
  ].filter((block) => block !== '');
}

function tableMarkdown(table: AnnexTable): string {
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdownInline).join(' | ')} |`;
  const rule = `| ${table.numeric.map((numeric) => (numeric ? '---:' : '---')).join(' | ')} |`;
  return [row(table.headers), rule, ...table.rows.map(row)].join('\n');
}

function annexBlocks(annex: OutcomeAnnex): string[] {
  const blocks = [`## ${escapeMarkdownInline(annex.heading)}: ${escapeMarkdownInline(annex.title)}`];
  if (annex.figures.length > 0) blocks.push(annex.figures.map((figure) => `- ${escapeMarkdownInline(figure.label)}: **${escapeMarkdownInline(figure.value)}**`).join('\n'));
  if (annex.kind === 'provenance' && annex.entries.length > 0) {
    for (const entry of annex.entries) {
      blocks.push(`### ${escapeMarkdownInline(entry.paragraph)}`);
      const lines = [
        ...entry.sessions.map((session) => `- ${escapeMarkdownInline(session)}`),
        ...(entry.keyMessages.length === 0 ? [`- _${escapeMarkdownInline(annex.emptyNote)}_`] : entry.keyMessages.map((text) => `- ${shown(text)}`)),
      ];
      blocks.push(lines.join('\n'));
    }
    return blocks;
  }
  for (const table of annex.tables) {
    if (table.title !== '') blocks.push(`### ${escapeMarkdownInline(table.title)}`);
    blocks.push(tableMarkdown(table));
  }
  return blocks;
}

export function outcomeMarkdown(model: OutcomeModel): string {
  const several = model.columns.length > 1;
  const sections = model.columns.map((column) => {
    // With several languages, an HTML comment names each one: invisible when rendered, findable in the text.
    const marker = several ? [`<!-- ${column.lang}: ${languageName(column.lang, 'en')} -->`] : [];
    const annexes = model.annexes.filter((annex) => annex.lang === column.lang).flatMap(annexBlocks);
    return [...marker, ...columnBlocks(model, column), ...annexes].join('\n\n');
  });
  return `${sections.join('\n\n---\n\n')}\n`;
}
