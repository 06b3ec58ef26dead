import type { PaperSize } from '../../../shared/exports';
import type { CompilationModel, CompilationProposal, CompilationRow, DelegationNote } from './compilationModelTypes';
import { escapeHtml, htmlPage, langAttributes } from './htmlPage';
import { diffHtml } from './outcomeHtml';
import { outcomeStyleCss } from './outcomeStyles';
import { notesHtml, richCss, richHtml } from './richHtml';
import { richColumn, type RichColumn } from './richItems';

// The compilation text as one self-contained HTML page: the title block, then a table with a row
// per paragraph, proposals as <ins>/<del> word diffs. Every cell of user content carries its own
// lang and dir; the page prints landscape (and so does its PDF, should one be printed from it).

function proposalHtml(p: CompilationProposal, lang: string): string {
  const notes = [p.languageNote, p.staleNote].filter(Boolean).map((note) => `<p class="proposal-note"${langAttributes(lang)}>${escapeHtml(note)}</p>`);
  return [
    `<div class="proposal status-${p.status} kind-${p.kind}">`,
    `<p class="proposal-heading"${langAttributes(lang)}>${escapeHtml(p.heading)}</p>`,
    `<p class="proposer"${langAttributes(lang)}><bdi>${escapeHtml(p.proposer)}</bdi></p>`,
    ...notes,
    `<p class="diff"${langAttributes(p.lang)}>${diffHtml(p.parts)}</p>`,
    '</div>',
  ].join('');
}

function notedHtml(label: string, entries: DelegationNote[], lang: string, className: string): string {
  if (entries.length === 0) return '';
  // Names and notes are typed in any language: each is isolated (<bdi>), so its direction is its own.
  const items = entries.map((e) => `<li><bdi>${escapeHtml(e.delegation)}</bdi>${e.note ? `<span class="note"> — <bdi>${escapeHtml(e.note)}</bdi></span>` : ''}</li>`).join('');
  return `<div class="${className}"${langAttributes(lang)}><p class="group-label">${escapeHtml(label)}</p><ul>${items}</ul></div>`;
}

function textCell(row: CompilationRow, model: CompilationModel, rich: RichColumn): string {
  const text = row.text;
  const entry = rich.items[row.item];
  const note = text.fallback ? ` <span class="fallback-note"${langAttributes(model.lang)}>${escapeHtml(text.fallbackNote)}</span>` : '';
  const classes = `current-text${text.fallback ? ' fallback' : ''}`;
  if (!entry) return `<div class="${classes}"${langAttributes(text.lang)}>${escapeHtml(text.text)}${note}</div>`;
  return richHtml(entry.rich, { columnLang: model.lang, numbers: entry.numbers, cut: null }, 'p', classes, langAttributes(text.lang), '', note);
}

function rowHtml(row: CompilationRow, model: CompilationModel, rich: RichColumn): string {
  const { labels, lang } = model;
  const bare = row.proposals.length === 0 && row.supportedBy.length + row.objections.length + row.reservations.length === 0;
  if (row.kind === 'heading' && bare) return `<tr class="heading-row"><th colspan="6" scope="rowgroup">${textCell(row, model, rich)}</th></tr>`;
  const place = [
    row.place ? `<p class="place">${escapeHtml(row.place)}</p>` : '',
    ...[row.role, row.status].filter(Boolean).map((line) => `<p class="muted small">${escapeHtml(line)}</p>`),
  ].join('');
  const proposals = row.proposals.length > 0 ? row.proposals.map((p) => proposalHtml(p, lang)).join('') : `<p class="none">${escapeHtml(labels.noProposals)}</p>`;
  const proposers = row.proposedBy.map((d) => ({ delegation: d.label, note: '' }));
  const rationale = row.proposals
    .filter((p) => p.rationale !== '')
    .map((p) => `<p class="rationale"><span class="number">${p.number}.</span> <bdi>${escapeHtml(p.rationale)}</bdi></p>`)
    .join('');
  const cell = (className: string, content: string, attributes = langAttributes(lang)) => `<td class="${className}"${attributes}>${content}</td>`;
  return [
    `<tr class="kind-${row.kind}" id="p-${escapeHtml(row.paragraphId)}">`,
    cell('place-cell', place),
    `<td class="text-cell">${textCell(row, model, rich)}</td>`,
    cell('proposals-cell', proposals),
    cell('delegations-cell', notedHtml(labels.proposedBy, proposers, lang, 'proposed-by') + notedHtml(labels.supportedBy, row.supportedBy, lang, 'supported-by')),
    cell('objections-cell', notedHtml(labels.objection, row.objections, lang, 'objections') + notedHtml(labels.reservation, row.reservations, lang, 'reservations')),
    cell('rationale-cell', rationale),
    '</tr>',
  ].join('');
}

export function compilationHtml(model: CompilationModel, paper: PaperSize): string {
  const { column, lang, labels } = model;
  const rich = richColumn(column);
  const shown = (tag: string, className: string, text: typeof column.title) => (text ? `<${tag} class="${className}"${langAttributes(text.lang)}>${escapeHtml(text.text)}</${tag}>` : '');
  const header = labels.columns.map((label, i) => `<th scope="col" class="col-${i + 1}">${escapeHtml(label)}</th>`).join('');
  const body = [
    '<div class="document compilation">',
    '<header class="title-block">',
    shown('h1', 'title', column.title),
    shown('p', 'subtitle', column.subtitle),
    column.placeAndDates ? `<p class="place-dates">${escapeHtml(column.placeAndDates)}</p>` : '',
    '</header>',
    `<h2 class="compilation-heading">${escapeHtml(model.heading)}</h2>`,
    `<p class="summary muted">${escapeHtml(model.summary)}</p>`,
    `<p class="legend">${escapeHtml(labels.legend)}</p>`,
    `<table class="compilation-table"><thead><tr>${header}</tr></thead><tbody>`,
    ...model.rows.map((row) => rowHtml(row, model, rich)),
    '</tbody></table>',
    notesHtml(rich.notes, lang, labels.notes),
    '</div>',
  ].join('');
  return htmlPage({ lang, dir: model.dir, title: `${column.title?.text ?? model.documentId} — ${model.heading}`, body, paper, css: compilationCss(paper), pageTemplate: column.pageTemplate });
}

function compilationCss(paper: PaperSize): string {
  // The paper is named again: `size: landscape` alone means the printer's default paper.
  return `
@page { size: ${paper === 'letter' ? 'letter' : 'A4'} landscape; margin: 15mm 14mm 18mm 14mm; }
${outcomeStyleCss()}
${richCss}
@media screen { body { max-width: none; } }
.title-block { text-align: center; margin-block-end: 1em; }
h1.title { margin-block: 0 0.3em; }
.compilation-heading { margin-block: 0.6em 0.2em; }
.legend { font-size: 9pt; font-style: italic; color: #444; }
table.compilation-table { table-layout: fixed; font-size: 9pt; line-height: 1.4; }
table.compilation-table th, table.compilation-table td { border: 0.5pt solid #999; padding: 0.3em 0.45em; overflow-wrap: anywhere; }
table.compilation-table thead th { background: #eee; text-align: start; font-size: 8.5pt; }
table.compilation-table .col-1 { width: 7%; } .col-2 { width: 27%; } .col-3 { width: 30%; } .col-4, .col-5 { width: 13%; } .col-6 { width: 10%; }
tr.heading-row th { background: #f2f2f2; text-align: start; font-size: 10pt; }
tr.heading-row { break-after: avoid; page-break-after: avoid; }
.place { font-weight: bold; margin: 0; }
td p, th p { margin: 0 0 0.3em; }
.proposal { margin-block-end: 0.6em; break-inside: avoid; }
.proposal-heading { font-weight: bold; }
.proposer, .proposal-note, .note, .none { color: #555; }
.proposal-note, .none { font-style: italic; }
.status-rejected .diff, .status-withdrawn .diff { opacity: 0.7; }
.group-label { font-weight: bold; margin: 0 0 0.15em; }
td ul { margin: 0 0 0.4em; padding-inline-start: 1em; }
.fallback { background: #f4f4f4; }
.fallback-note { font-size: 0.85em; font-style: italic; color: #555; }
ins { text-decoration: underline; text-decoration-thickness: 1pt; color: #0a3d8f; background: #e6eefb; }
del { text-decoration: line-through; text-decoration-thickness: 1pt; color: #a1140d; background: #fbe4e2; }
`;
}
