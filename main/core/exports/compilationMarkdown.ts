import { inlineMarkdown, notesMarkdown, richMarkdown } from '../../../shared/richMarkdown';
import type { CompilationModel, CompilationProposal, CompilationRow, DelegationNote } from './compilationModelTypes';
import { diffMarkdown, escapeMarkdownInline, escapeMarkdownLine } from './outcomeMarkdown';
import { richColumn, type RichColumn } from './richItems';

/*
 * The compilation text as Markdown. A table cell cannot hold the lists a compilation needs
 * (several proposals, each with its diff, several delegations with their notes), so each paragraph
 * is a section instead of a row: `### 5 bis` (its place), its role and status, its current text as
 * a quote, then its proposals as a numbered list (~~deleted~~ and **inserted** words), who proposed
 * and supported them, the objections and reservations, and the rationales. The conventions are
 * printed, in the export's language, under the heading.
 */

const bold = (text: string) => `**${escapeMarkdownInline(text)}**`;
const italic = (text: string) => `_${escapeMarkdownInline(text)}_`;

function currentText(row: CompilationRow, rich: RichColumn): string {
  const entry = rich.items[row.item];
  const tail = row.text.fallback ? ` ${italic(row.text.fallbackNote)}` : '';
  const text = entry ? richMarkdown(entry.rich, entry.numbers) : escapeMarkdownLine(row.text.text);
  return `${text}${tail}`
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function proposalLines(p: CompilationProposal): string {
  const notes = [p.languageNote, p.staleNote].filter(Boolean);
  // A list item's later lines are indented under its text; a hard break (two spaces) ends each line.
  return [`${p.number}. ${bold(p.heading)} — ${escapeMarkdownInline(p.proposer)}`, ...notes.map(italic), diffMarkdown(p.parts) || '—'].join('  \n   ');
}

function noted(entries: DelegationNote[]): string {
  return entries.map((e) => escapeMarkdownInline(e.note ? `${e.delegation} — ${e.note}` : e.delegation)).join('; ');
}

function rowBlocks(row: CompilationRow, model: CompilationModel, rich: RichColumn): string[] {
  const { labels } = model;
  if (row.kind === 'heading') {
    const entry = rich.items[row.item];
    const content = entry ? entry.rich.blocks.flatMap((block) => (block.kind === 'list' ? block.items.flat() : block.content)).filter((node) => node.kind !== 'break') : [];
    const heading = entry ? inlineMarkdown(content, entry.numbers) : escapeMarkdownInline(row.text.text);
    if (row.proposals.length === 0 && row.supportedBy.length + row.objections.length + row.reservations.length === 0) return [`### ${heading}`];
  }
  const title = row.place || labels.columns[0];
  const blocks = [`### ${escapeMarkdownInline(title)}`];
  const details = [row.role, row.status].filter(Boolean).join(' · ');
  if (details) blocks.push(italic(details));
  blocks.push(currentText(row, rich));
  blocks.push(row.proposals.length > 0 ? [bold(labels.columns[2]), '', ...row.proposals.map(proposalLines)].join('\n') : italic(labels.noProposals));
  const who = [
    row.proposedBy.length > 0 ? `- ${bold(labels.proposedBy)}: ${row.proposedBy.map((d) => escapeMarkdownInline(d.label)).join('; ')}` : '',
    row.supportedBy.length > 0 ? `- ${bold(labels.supportedBy)}: ${noted(row.supportedBy)}` : '',
    row.objections.length > 0 ? `- ${bold(labels.objection)}: ${noted(row.objections)}` : '',
    row.reservations.length > 0 ? `- ${bold(labels.reservation)}: ${noted(row.reservations)}` : '',
  ].filter(Boolean);
  if (who.length > 0) blocks.push(who.join('\n'));
  const rationales = row.proposals.filter((p) => p.rationale !== '');
  if (rationales.length > 0) blocks.push([bold(labels.columns[5]), '', ...rationales.map((p) => `- ${p.number}. ${escapeMarkdownInline(p.rationale)}`)].join('\n'));
  return blocks;
}

export function compilationMarkdown(model: CompilationModel): string {
  const { column } = model;
  const rich = richColumn(column);
  const blocks = [
    column.title ? `# ${escapeMarkdownLine(column.title.text)}` : '',
    column.subtitle ? italic(column.subtitle.text) : '',
    column.placeAndDates ? escapeMarkdownLine(column.placeAndDates) : '',
    `## ${escapeMarkdownInline(model.heading)}`,
    italic(model.summary),
    `> ${model.labels.markdownLegend}`,
    ...model.rows.flatMap((row) => rowBlocks(row, model, rich)),
    notesMarkdown(rich.notes),
  ].filter((block) => block !== '');
  return `${blocks.join('\n\n')}\n`;
}
