import type { Database } from 'better-sqlite3';
import type { PaperSize } from '../../../shared/exports';
import { buildAgendaModel, type AgendaModel, type AgendaModelSession, type PrintedText } from './agendaModel';
import { documentText } from './documentText';
import { escapeHtml, htmlPage, langAttributes } from './htmlPage';

/**
 * Forum content in its element. Source text standing in for a missing translation keeps its own
 * lang/dir on an inner span (the block itself stays in the page's direction, so an English title
 * on an Arabic page still lines up on the right), followed by the mark in the document's language.
 */
function printed(tag: string, text: PrintedText, docLang: string, className = ''): string {
  return `<${tag}${className ? ` class="${className}"` : ''}>${inline(text, docLang)}</${tag}>`;
}

/** Inline content: the text (in a span of its own language when that differs), then the mark. */
function inline(text: PrintedText, docLang: string): string {
  const content = text.lang === docLang ? escapeHtml(text.text) : `<span${langAttributes(text.lang)}>${escapeHtml(text.text)}</span>`;
  return text.fallback ? `${content} <span class="fallback-mark">${escapeHtml(text.mark)}</span>` : content;
}

function paragraphs(text: PrintedText, docLang: string): string {
  // A description typed with blank lines between paragraphs prints as paragraphs.
  const parts = text.text.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);
  return parts
    .map((part, index) => printed('p', { ...text, text: part, fallback: text.fallback && index === parts.length - 1 }, docLang, 'agenda-description'))
    .join('');
}

function sessionHtml(model: AgendaModel, session: AgendaModelSession): string {
  const t = documentText(model.lang);
  const lang = model.lang;
  const rows: string[] = [
    // Times keep their left-to-right order inside an Arabic page.
    `<p class="agenda-when"><bdi dir="ltr" class="agenda-time">${escapeHtml(session.time)}</bdi> <span class="agenda-kind">${escapeHtml(session.kindLabel)}</span></p>`,
    printed('h3', session.title, lang, 'agenda-title'),
  ];
  if (session.room) {
    rows.push(`<p class="agenda-room"><span class="agenda-label">${escapeHtml(t('agenda.labelled', { label: t('agenda.room') }))}</span> ${inline(session.room, lang)}</p>`);
  }
  if (session.description) rows.push(paragraphs(session.description, lang));
  if (session.roles.length > 0) {
    const separator = t('agenda.listSeparator');
    const lines = session.roles.map(
      (line) =>
        `<div><dt>${escapeHtml(t('agenda.labelled', { label: line.label }))}</dt><dd>${line.names.map((name) => `<bdi>${escapeHtml(name)}</bdi>`).join(escapeHtml(separator))}</dd></div>`,
    );
    rows.push(`<dl class="agenda-roles">${lines.join('')}</dl>`);
  }
  return `<article class="agenda-session agenda-${session.kind}" data-session="${escapeHtml(session.id)}">${rows.join('\n')}</article>`;
}

/** The body of the agenda page: title block, then each day with its sessions. */
export function agendaBody(model: AgendaModel): string {
  const lang = model.lang;
  const head = [
    `<p class="agenda-heading">${escapeHtml(model.heading)}</p>`,
    printed('h1', model.forumTitle, lang),
    model.theme ? printed('p', model.theme, lang, 'agenda-theme') : '',
    `<p class="agenda-place">${model.venue ? `${inline(model.venue, lang)} · ` : ''}${escapeHtml(model.dates)}</p>`,
    `<p class="muted small">${escapeHtml(model.timeZoneNote)}</p>`,
  ];
  const days = model.days.map(
    (day) =>
      `<section class="agenda-day" data-day="${escapeHtml(day.day)}">\n<h2>${escapeHtml(day.heading)}</h2>\n${day.sessions.map((s) => sessionHtml(model, s)).join('\n')}\n</section>`,
  );
  const empty = model.empty ? [`<p class="muted">${escapeHtml(model.empty)}</p>`] : [];
  return [`<header class="agenda-header">${head.filter(Boolean).join('\n')}</header>`, ...empty, ...days].join('\n');
}

// Logical properties only, so the same rules lay out an Arabic agenda right to left.
const agendaCss = `
.agenda-header { margin-block-end: 1.2em; }
.agenda-heading { text-transform: uppercase; letter-spacing: 0.08em; font-size: 10pt; color: #444; margin: 0; }
.agenda-theme { font-style: italic; }
.agenda-day h2 { border-block-end: 0.75pt solid #888; padding-block-end: 0.15em; }
.agenda-session { display: grid; grid-template-columns: 8.5em 1fr; column-gap: 1em; margin-block-end: 0.8em; break-inside: avoid; page-break-inside: avoid; }
.agenda-session > * { grid-column: 2; }
.agenda-session > .agenda-when { grid-column: 1; grid-row: 1 / span 8; margin: 0; }
.agenda-time { display: block; font-weight: bold; }
.agenda-kind { display: block; font-size: 9pt; color: #555; }
.agenda-title { margin: 0 0 0.2em; font-size: 11.5pt; }
.agenda-break .agenda-title { font-weight: normal; font-style: italic; }
.agenda-room, .agenda-description { margin: 0 0 0.3em; }
.agenda-label { color: #555; }
.agenda-roles { margin: 0; }
.agenda-roles div { display: flex; gap: 0.4em; }
.agenda-roles dt { color: #555; flex: none; }
.agenda-roles dd { margin: 0; }
.fallback-mark { font-size: 9pt; color: #555; font-style: italic; }
`;

/** The agenda in one of the forum's languages as a self-contained page, also what PDFs print from. */
export function agendaHtml(db: Database, forumId: string, lang: string, paper: PaperSize): string {
  const model = buildAgendaModel(db, forumId, lang);
  return htmlPage({
    lang: model.lang,
    dir: model.dir,
    title: `${model.heading}: ${model.forumTitle.text}`,
    body: agendaBody(model),
    paper,
    css: agendaCss,
  });
}
