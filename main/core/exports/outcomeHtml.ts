import type { PaperSize } from '../../../shared/exports';
import type { DiffPart } from '../../../shared/wordDiff';
import { documentText, languageName } from './documentText';
import { escapeHtml, htmlPage, langAttributes } from './htmlPage';
import { outcomeAnnexesHtml } from './outcomeHtmlAnnexes';
import { outcomeStyleCss } from './outcomeStyles';
import type { ForeignAmendmentNote, ModelAmendment, OutcomeColumn, OutcomeItem, OutcomeModel, ShownText, TextPart } from './outcomeModelTypes';
import { bracketCutter } from '../../../shared/richText';
import { inlineHtml, notesHtml, richCss, richHtml, type RichHtmlContext } from './richHtml';
import { richColumn, type RichColumn } from './richItems';
import { trackedHtml } from './trackedItems';

/*
 * The outcome document as one self-contained HTML page, laid out like the forum consensus
 * documents it replaces: title block, subtitle, place and dates, co-organisers, preamble,
 * lead-in, the labelled paragraphs under their headings, closing line; then the annexes. Several
 * languages are set side by side in a table, one row per paragraph so the versions stay level
 * with each other, each cell in its own language and direction. The same page is printed to PDF.
 */

// Items this short are kept whole on one page; longer ones may break, with orphans/widows rules.
// Side by side, columns are narrow and a kept row that does not fit leaves a large gap: keep fewer.
const shortItemChars = 700;
const shortRowChars = 320;

export function partsHtml(parts: TextPart[]): string {
  return parts.map((part) => (part.bracketed ? `<span class="bracketed">${escapeHtml(part.text)}</span>` : escapeHtml(part.text))).join('');
}

/** A fallback carries a note in the column's language after the source-language text. */
function fallbackNote(text: ShownText, column: OutcomeColumn): string {
  if (!text.fallback) return '';
  return ` <span class="fallback-note"${langAttributes(column.lang)}>${escapeHtml(text.fallbackNote)}</span>`;
}

/** `<tag>` holding a text in its own language, marked when it fell back to the source language. */
export function shownHtml(tag: string, className: string, text: ShownText, column: OutcomeColumn, prefix = ''): string {
  const classes = [className, text.fallback ? 'fallback' : ''].filter((name) => name !== '').join(' ');
  const label = prefix === '' ? '' : `<span class="label"${langAttributes(column.lang)}>${escapeHtml(prefix)}</span>`;
  return `<${tag} class="${classes}"${langAttributes(text.lang)}>${label}${partsHtml(text.parts)}${fallbackNote(text, column)}</${tag}>`;
}

function plainHtml(tag: string, className: string, text: string, lang: string): string {
  return text === '' ? '' : `<${tag} class="${className}"${langAttributes(lang)}>${escapeHtml(text)}</${tag}>`;
}

/** Word-diff parts as <ins>/<del>, so the page (and its print) reads like tracked changes. */
export function diffHtml(parts: DiffPart[]): string {
  return parts
    .map((part) => {
      const text = escapeHtml(part.text);
      if (part.kind === 'insert') return `<ins>${text}</ins>`;
      if (part.kind === 'delete') return `<del>${text}</del>`;
      return text;
    })
    .join('');
}

function amendmentHtml(amendment: ModelAmendment, column: OutcomeColumn): string {
  const t = documentText(column.lang);
  const stale = amendment.stale ? ` <span class="stale">${escapeHtml(t('html.staleAmendment'))}</span>` : '';
  return [
    `<div class="amendment amendment-${amendment.kind}">`,
    `<p class="amendment-note">${escapeHtml(amendment.note)}${stale}</p>`,
    `<p class="amendment-diff">${diffHtml(amendment.parts)}</p>`,
    plainHtml('p', 'rationale', amendment.rationaleNote, column.lang),
    '</div>',
  ].join('');
}

/** An amendment to a language not printed: the proposal keeps its own language and direction. */
function foreignNoteHtml(note: ForeignAmendmentNote): string {
  if (!note.split) return `<p class="amendment-note foreign">${escapeHtml(note.note)}</p>`;
  const { lead, text, textLang } = note.split;
  return `<p class="amendment-note foreign">${escapeHtml(lead)} <span${langAttributes(textLang)}>${escapeHtml(text)}</span></p>`;
}

/** Statuses, open amendments and stance tallies: printed in the amendments variant only. */
function negotiationHtml(item: OutcomeItem, column: OutcomeColumn): string {
  return [
    `<p class="status status-${item.status}">${escapeHtml(item.statusNote)}</p>`,
    ...item.amendments.map((amendment) => amendmentHtml(amendment, column)),
    ...item.foreignAmendments.map(foreignNoteHtml),
    plainHtml('p', 'stances', item.stanceNote, column.lang),
  ].join('');
}

/** An item's text as rich text: bracketed words shaded in the amendments variant, as plain texts are. */
function itemTextHtml(item: OutcomeItem, index: number, column: OutcomeColumn, rich: RichColumn, variant: OutcomeModel['variant']): string {
  const entry = rich.items[index];
  const text = item.text;
  const whole = text.parts.length === 1 && text.parts[0]?.bracketed === true && !/\[[^[\]]*\]/.test(text.text);
  const c: RichHtmlContext = { columnLang: column.lang, numbers: entry?.numbers ?? new Map(), cut: variant === 'amendments' ? bracketCutter(whole) : null };
  const classes = [item.kind === 'heading' ? 'section-heading' : `paragraph ${item.kind}`, item.level ? `level-${item.level}` : '', text.fallback ? 'fallback' : '']
    .filter((name) => name !== '')
    .join(' ');
  const label = item.label === '' ? '' : `<span class="label"${langAttributes(column.lang)}>${escapeHtml(item.label)}</span>`;
  if (!entry) return shownHtml(item.kind === 'heading' ? 'h2' : 'p', classes, text, column, item.label);
  if (item.kind === 'heading') {
    // A heading is one line: its blocks' words, emphasis and notes kept.
    const content = entry.rich.blocks.flatMap((block, at) => [...(at > 0 ? [{ kind: 'text' as const, text: ' ' }] : []), ...(block.kind === 'list' ? block.items.flat() : block.content)]);
    return `<h2 class="${classes}"${langAttributes(text.lang)}>${inlineHtml(content, c)}${fallbackNote(text, column)}</h2>`;
  }
  return richHtml(entry.rich, c, 'p', classes, langAttributes(text.lang), label, fallbackNote(text, column));
}

function itemHtml(item: OutcomeItem, index: number, column: OutcomeColumn, rich: RichColumn, variant: OutcomeModel['variant']): string {
  if (item.tracked) return trackedHtml(item, item.tracked);
  if (item.kind === 'heading') {
    // A heading's amendments still show, after it, in the amendments variant.
    return itemTextHtml(item, index, column, rich, variant) + (variant === 'amendments' ? `<div class="negotiation">${negotiationHtml(item, column)}</div>` : '');
  }
  const paragraph = itemTextHtml(item, index, column, rich, variant);
  if (variant !== 'amendments') return paragraph;
  return `<div class="item status-${item.status}">${paragraph}<div class="negotiation">${negotiationHtml(item, column)}</div></div>`;
}

const isShort = (items: Array<OutcomeItem | undefined>, limit: number): boolean =>
  items.every((item) => item === undefined || item.text.text.length + item.amendments.reduce((sum, a) => sum + a.text.length, 0) < limit);

/** The parts of the document before the paragraphs, in order, each as HTML for one column. */
const headerParts: Array<(column: OutcomeColumn) => string> = [
  (column) => (column.title ? shownHtml('h1', 'title', column.title, column) : ''),
  (column) => (column.subtitle ? shownHtml('p', 'subtitle', column.subtitle, column) : ''),
  (column) => plainHtml('p', 'place-dates', column.placeAndDates, column.lang),
  (column) => plainHtml('p', 'co-organisers', column.coOrganisers, column.lang),
  (column) => plainHtml('p', 'participation', column.participation, column.lang),
  (column) => (column.addressee ? shownHtml('p', 'addressee', column.addressee, column) : ''),
];

const preambleHtml = (column: OutcomeColumn): string => column.preamble.map((text) => shownHtml('p', 'preamble', text, column)).join('');
/** Preamble paragraph `index` alone, so translations that keep the paragraphs stay level. */
const preambleParagraph =
  (index: number) =>
  (column: OutcomeColumn): string => {
    const text = column.preamble[index];
    return text ? shownHtml('p', 'preamble', text, column) : '';
  };
const leadInHtml = (column: OutcomeColumn): string => (column.leadIn ? shownHtml('p', 'lead-in', column.leadIn, column) : '');
const closingBlockHtml = (column: OutcomeColumn): string => (column.closingBlock ?? []).map((line) => shownHtml('p', 'closing-part', line, column)).join('');
const closingHtml = (column: OutcomeColumn): string => (column.closing ? shownHtml('p', 'closing', column.closing, column) : '');
/** Each contact block as an address: its lines one under another. */
const contactsHtml = (column: OutcomeColumn): string =>
  column.contacts.length === 0
    ? ''
    : `<div class="contacts">${column.contacts.map((lines) => `<address class="contact">${lines.map((line) => plainHtml('p', 'contact-line', line, column.lang)).join('')}</address>`).join('')}</div>`;

/** The column's notes, numbered through its text, after the closing line. */
const columnNotesHtml = (column: OutcomeColumn, rich: RichColumn): string => notesHtml(rich.notes, column.lang, documentText(column.lang)('outcome.notes'));

function singleColumnHtml(model: OutcomeModel, column: OutcomeColumn): string {
  const rich = richColumn(column);
  const items = column.items.map((item, index) => {
    const html = itemHtml(item, index, column, rich, model.variant);
    return isShort([item], shortItemChars) && item.kind !== 'heading' ? `<div class="keep">${html}</div>` : html;
  });
  return [
    `<article class="outcome"${langAttributes(column.lang)}>`,
    `<header class="title-block">${headerParts.map((part) => part(column)).join('')}</header>`,
    `<section class="preamble-block">${preambleHtml(column)}${leadInHtml(column)}</section>`,
    `<section class="paragraphs">${items.join('')}</section>`,
    closingBlockHtml(column) + closingHtml(column) + contactsHtml(column) === ''
      ? ''
      : `<footer class="closing-block">${closingBlockHtml(column)}${closingHtml(column)}${contactsHtml(column)}</footer>`,
    columnNotesHtml(column, rich),
    '</article>',
  ].join('');
}

function parallelRow(columns: OutcomeColumn[], cell: (column: OutcomeColumn) => string, className: string): string {
  const cells = columns.map(cell);
  if (cells.every((html) => html === '')) return '';
  return `<tr class="${className}">${cells.map((html, index) => `<td${langAttributes(columns[index]?.lang ?? '')}>${html}</td>`).join('')}</tr>`;
}

/** Several languages side by side: a table whose rows keep each paragraph level across columns. */
function parallelHtml(model: OutcomeModel): string {
  const { columns } = model;
  const rich = new Map(columns.map((column) => [column, richColumn(column)]));
  const richOf = (column: OutcomeColumn): RichColumn => rich.get(column) ?? { items: [], notes: [] };
  const rowCount = Math.max(...columns.map((column) => column.items.length));
  const rows = [
    ...headerParts.map((part, index) => parallelRow(columns, part, index === 0 ? 'title-row keep' : 'header-row keep')),
    ...Array.from({ length: Math.max(...columns.map((column) => column.preamble.length)) }, (_, index) =>
      parallelRow(columns, preambleParagraph(index), 'preamble-row'),
    ),
    parallelRow(columns, leadInHtml, 'lead-in-row keep'),
  ];
  for (let index = 0; index < rowCount; index += 1) {
    const items = columns.map((column) => column.items[index]);
    const heading = items.some((item) => item?.kind === 'heading');
    const classes = ['item-row', heading ? 'heading-row' : '', isShort(items, shortRowChars) ? 'keep' : ''].filter((name) => name !== '').join(' ');
    rows.push(
      parallelRow(
        columns,
        (column) => {
          const item = column.items[index];
          return item ? itemHtml(item, index, column, richOf(column), model.variant) : '';
        },
        classes,
      ),
    );
  }
  rows.push(parallelRow(columns, closingBlockHtml, 'closing-row keep'));
  rows.push(parallelRow(columns, closingHtml, 'closing-row keep'));
  rows.push(parallelRow(columns, contactsHtml, 'contacts-row keep'));
  // Each column's notes at the foot of its own column, numbered through its own text.
  rows.push(parallelRow(columns, (column) => columnNotesHtml(column, richOf(column)), 'notes-row'));
  const head = columns.map((column) => `<th${langAttributes(column.lang)}>${escapeHtml(languageName(column.lang, column.lang))}</th>`).join('');
  const cols = columns.map(() => `<col style="width:${(100 / columns.length).toFixed(3)}%">`).join('');
  return [
    `<table class="parallel columns-${columns.length}">`,
    `<colgroup>${cols}</colgroup>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('');
}

/** How the amendments variant marks changes, said once at the top in each language printed. */
function legendHtml(model: OutcomeModel): string {
  if (model.variant !== 'amendments') return '';
  const notes = model.columns.map((column) => plainHtml('p', 'legend-note', documentText(column.lang)('html.legend'), column.lang));
  return `<aside class="legend">${notes.join('')}</aside>`;
}

function documentTitle(model: OutcomeModel): string {
  const titles = model.columns.map((column) => column.title?.text ?? '').filter((title) => title !== '');
  return titles.length > 0 ? [...new Set(titles)].join(' / ') : model.documentId;
}

export function outcomeHtml(model: OutcomeModel, paper: PaperSize): string {
  const [first] = model.columns;
  if (!first) throw new Error('An outcome model has at least one language column.');
  const main = model.columns.length === 1 ? singleColumnHtml(model, first) : parallelHtml(model);
  const body = [
    `<div class="document variant-${model.variant}">`,
    legendHtml(model),
    main,
    outcomeAnnexesHtml(model.annexes),
    '</div>',
  ].join('');
  return htmlPage({
    lang: first.lang,
    dir: first.dir,
    title: documentTitle(model),
    body,
    paper,
    css: outcomeCss(model.columns.length, paper),
    pageTemplate: first.pageTemplate,
  });
}

function outcomeCss(columnCount: number, paper: PaperSize): string {
  // Four or more languages side by side need the width of a landscape page to stay readable.
  // (The paper must be named again: `size: landscape` alone means the printer's default paper.)
  const wide = columnCount >= 4 ? `@page { size: ${paper === 'letter' ? 'letter' : 'A4'} landscape; }` : '';
  const parallelSize = columnCount >= 5 ? '8.5pt' : columnCount >= 3 ? '9.5pt' : '10.5pt';
  // Bold, italic, alignment and size of the document's parts come from the style sheet Word reads too.
  return `
${wide}
${outcomeStyleCss()}
${richCss}
.title-block { text-align: center; margin-block-end: 1.5em; break-inside: avoid; }
h1.title { margin-block: 0 0.3em; }
.subtitle { margin-block-end: 0.6em; }
.place-dates, .co-organisers { margin-block-end: 0.3em; }
.preamble, .paragraph { hyphens: auto; }
.lead-in { margin-block: 1em; break-after: avoid; }
h2.section-heading { margin-block-start: 1.2em; }
.closing-block { margin-block-start: 2em; }
.participation { margin-block: 0.6em 0.3em; }
.title-block .addressee { margin-block: 1.2em 0; }
/* The seeds end with the secretariats' addresses side by side. */
.contacts { display: flex; flex-wrap: wrap; gap: 0.8em 2em; margin-block-start: 1.5em; break-inside: avoid; }
address.contact { font-style: normal; flex: 1 1 14em; }
.contact-line { margin: 0; }
.fallback { background: #f4f4f4; border-inline-start: 2pt solid #999; padding-inline-start: 4pt; }
.fallback-note { font-size: 0.85em; font-style: italic; color: #555; }
.legend { border: 0.5pt solid #999; padding: 0.4em 0.8em; margin-block-end: 1.2em; font-size: 9.5pt; break-inside: avoid; }
.legend-note { margin: 0.2em 0; }
.variant-amendments .bracketed { background: #fff3c4; }
.level-1 { margin-inline-start: 2.5em; }
.level-2 { margin-inline-start: 5em; }
ins { text-decoration: underline; text-decoration-thickness: 1pt; color: #0a5d1a; background: #e3f4e3; }
del { text-decoration: line-through; text-decoration-thickness: 1pt; color: #a1140d; background: #fbe4e2; }
.item { margin-block-end: 0.9em; }
/* A line break in a paragraph (one line per session of an agenda merge field) is kept, as Word keeps it. */
p.paragraph { white-space: pre-line; }
.negotiation { font-size: 0.9em; margin-inline-start: 1.2em; padding-inline-start: 0.6em; border-inline-start: 1pt solid #bbb; }
.negotiation p { margin-block: 0.15em 0.35em; text-align: start; }
.status { font-weight: bold; color: #333; }
.status-bracketed .status { color: #8a5a00; }
.status-agreed .status { color: #0a5d1a; }
.status-agreed_ad_ref .status { color: #0a5d1a; font-style: italic; }
.amendment { margin-block: 0.3em; break-inside: avoid; }
.amendment-note { font-style: italic; }
.stale, .rationale, .stances, .foreign { color: #444; }
table.parallel { table-layout: fixed; font-size: ${parallelSize}; line-height: 1.4; }
table.parallel th { font-size: 9pt; text-align: center; border-block-end: 0.75pt solid #666; padding-block-end: 0.3em; }
table.parallel td { padding: 0.3em 0.5em; overflow-wrap: anywhere; }
table.parallel p { margin-block-end: 0.5em; }
/* Rules between the columns only: 'hidden' on a collapsed table removes its outer edges. */
table.parallel { border-style: hidden; }
table.parallel td { border-left: 0.5pt solid #ccc; border-right: 0.5pt solid #ccc; }
table.parallel tr.keep { break-inside: avoid; page-break-inside: avoid; }
table.parallel tr.heading-row { break-after: avoid; page-break-after: avoid; }
.annex { break-before: page; page-break-before: always; }
.annex table.data { font-size: 9pt; line-height: 1.35; }
.annex table.data th, .annex table.data td { padding: 0.15em 0.4em; }
.annex .annex-number { margin-block-end: 0.2em; }
table.data td.num, table.data th.num { text-align: end; font-variant-numeric: tabular-nums; }
table.figures { width: auto; min-width: 50%; margin-block-end: 1em; }
table.figures td { padding: 0.1em 0.6em 0.1em 0; }
table.figures td.num { font-weight: bold; text-align: end; }
ul.key-messages { margin: 0; padding-inline-start: 1.1em; }
`;
}
