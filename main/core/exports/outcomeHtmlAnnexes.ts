import { escapeHtml, langAttributes } from './htmlPage';
import type { AnnexEntry, AnnexTable, OutcomeAnnex, ShownText } from './outcomeModelTypes';

// The annexes of an outcome document (participation figures, provenance of the paragraphs), each
// on its own page and in its own language, after the document.

function tableHtml(table: AnnexTable): string {
  const cellClass = (index: number): string => (table.numeric[index] ? ' class="num"' : '');
  const head = table.headers.map((header, index) => `<th${cellClass(index)}>${escapeHtml(header)}</th>`).join('');
  const own = (r: number, index: number): string => {
    const lang = table.cellLangs?.[r]?.[index];
    return lang ? langAttributes(lang) : '';
  };
  const rows = table.rows.map((row, r) => `<tr>${row.map((cell, index) => `<td${cellClass(index)}${own(r, index)}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
  return [
    table.title === '' ? '' : `<h3>${escapeHtml(table.title)}</h3>`,
    `<table class="data"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`,
  ].join('');
}

function keyMessageHtml(text: ShownText, annex: OutcomeAnnex): string {
  const note = text.fallback ? ` <span class="fallback-note"${langAttributes(annex.lang)}>${escapeHtml(text.fallbackNote)}</span>` : '';
  return `<li${langAttributes(text.lang)}${text.fallback ? ' class="fallback"' : ''}>${escapeHtml(text.text)}${note}</li>`;
}

function entryRow(entry: AnnexEntry, annex: OutcomeAnnex): string {
  const sessions = entry.sessions.map(escapeHtml).join('<br>');
  const messages =
    entry.keyMessages.length === 0
      ? `<span class="muted">${escapeHtml(annex.emptyNote)}</span>`
      : `<ul class="key-messages">${entry.keyMessages.map((text) => keyMessageHtml(text, annex)).join('')}</ul>`;
  return `<tr><td>${escapeHtml(entry.paragraph)}</td><td>${sessions}</td><td>${messages}</td></tr>`;
}

/** Provenance from its entries (each key message keeps its own language); its table gives the headers. */
function provenanceHtml(annex: OutcomeAnnex): string {
  const [table] = annex.tables;
  if (annex.entries.length === 0) return table ? tableHtml(table) : '';
  const head = (table?.headers ?? []).map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  return [
    '<table class="data provenance">',
    '<colgroup><col style="width:18%"><col style="width:27%"><col style="width:55%"></colgroup>',
    head === '' ? '' : `<thead><tr>${head}</tr></thead>`,
    `<tbody>${annex.entries.map((entry) => entryRow(entry, annex)).join('')}</tbody>`,
    '</table>',
  ].join('');
}

function figuresHtml(annex: OutcomeAnnex): string {
  if (annex.figures.length === 0) return '';
  const rows = annex.figures.map((figure) => `<tr><td>${escapeHtml(figure.label)}</td><td class="num">${escapeHtml(figure.value)}</td></tr>`);
  return `<table class="figures"><tbody>${rows.join('')}</tbody></table>`;
}

export function outcomeAnnexHtml(annex: OutcomeAnnex): string {
  const content = annex.kind === 'provenance' ? provenanceHtml(annex) : figuresHtml(annex) + annex.tables.map(tableHtml).join('');
  return [
    `<section class="annex annex-${annex.kind}"${langAttributes(annex.lang)}>`,
    `<p class="annex-number">${escapeHtml(annex.heading)}</p><h2 class="annex-title">${escapeHtml(annex.title)}</h2>`,
    content,
    '</section>',
  ].join('');
}

export function outcomeAnnexesHtml(annexes: OutcomeAnnex[]): string {
  return annexes.map(outcomeAnnexHtml).join('');
}
