import type { PaperSize } from '../../../shared/exports';
import { directionOf } from '../../../shared/languages';

/**
 * The shell every exported HTML document shares (outcome documents, the agenda): one
 * self-contained page whose inline print stylesheet is also what Chromium and Electron print to
 * PDF, so the HTML file, the browser's "print to PDF" and our PDFs look the same.
 */
export interface HtmlPageOptions {
  /** Language of the page as a whole (a parallel-column page uses its first language). */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Plain text; escaped here. */
  title: string;
  /** Already-escaped HTML for inside <body>. */
  body: string;
  paper: PaperSize;
  /** Extra CSS for one kind of document (appended after the shared stylesheet). */
  css?: string;
  /**
   * The page-number line in the document's language, e.g. "Page {{n}} of {{total}}"
   * (documentText "outcome.page"); "n / total" when omitted.
   */
  pageTemplate?: string;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);
}

/**
 * ` lang="…" dir="…"` for an element holding text in `lang`: every piece of user content carries
 * its own language so fonts, hyphenation and the bidi algorithm follow the text, not the page.
 */
export function langAttributes(lang: string): string {
  return ` lang="${escapeHtml(lang)}" dir="${directionOf(lang)}"`;
}

export function htmlPage(options: HtmlPageOptions): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.lang)}" dir="${options.dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    // The page must never fetch anything (it is opened from disk, mailed, archived) nor run code.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${pageCss(options.paper, options.pageTemplate)}${options.css ?? ''}</style>`,
    '</head>',
    `<body>${options.body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

// Fonts CI installs from Debian (fonts-noto-core, fonts-noto-cjk) come first; the others are what
// Windows and macOS readers of the HTML file have, so the file reads well off this machine too.
const latinFonts = `"Noto Serif", "Liberation Serif", "Times New Roman", Times, serif`;
const arabicFonts = `"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Traditional Arabic", "Arial", sans-serif`;
const chineseFonts = `"Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif`;
const cjkOtherFonts = `"Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK TC", sans-serif`;

const cssString = (text: string): string => `"${text.replace(/[\\"]/g, (char) => `\\${char}`).replace(/[\n\r]/g, ' ').replace(/</g, '\\3C ')}"`;

/** `content` for the page-number margin box: the template's words around CSS page counters. */
export function pageNumberContent(template: string | undefined): string {
  if (template === undefined || !template.includes('{{n}}')) return 'counter(page) " / " counter(pages)';
  return template
    .split(/(\{\{n\}\}|\{\{total\}\})/)
    .filter((piece) => piece !== '')
    .map((piece) => (piece === '{{n}}' ? 'counter(page)' : piece === '{{total}}' ? 'counter(pages)' : cssString(piece)))
    .join(' ');
}

export function pageCss(paper: PaperSize, pageTemplate?: string): string {
  const size = paper === 'letter' ? 'letter' : 'A4';
  return `
@page {
  size: ${size};
  margin: 22mm 20mm 24mm 20mm;
  @bottom-center {
    content: ${pageNumberContent(pageTemplate)};
    font-family: "Noto Serif", "Noto Naskh Arabic", "Noto Sans CJK SC", ${latinFonts};
    font-size: 9pt;
    color: #444;
  }
}
:root { color: #111; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  font-family: ${latinFonts};
  font-size: 11pt;
  /* Generous leading: Arabic marks and CJK glyphs sit above and below Latin metrics and must not be cut. */
  line-height: 1.55;
  overflow-wrap: break-word;
}
@media screen {
  body { max-width: 190mm; margin: 2rem auto; padding: 0 1.5rem; }
}
:lang(ar), :lang(fa), :lang(ur) { font-family: ${arabicFonts}; line-height: 1.8; }
:lang(zh) { font-family: ${chineseFonts}; line-height: 1.7; }
:lang(ja), :lang(ko) { font-family: ${cjkOtherFonts}; line-height: 1.7; }
h1, h2, h3, h4 { line-height: 1.35; margin: 0.8em 0 0.4em; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h1 { font-size: 18pt; }
h2 { font-size: 14pt; }
h3 { font-size: 12pt; }
p { margin: 0 0 0.7em; orphans: 3; widows: 3; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.keep-with-next { break-after: avoid; page-break-after: avoid; }
.page-break { break-before: page; page-break-before: always; }
table { border-collapse: collapse; width: 100%; }
th, td { vertical-align: top; padding: 0.25em 0.5em; }
thead { display: table-header-group; }
tr { break-inside: auto; }
table.data th, table.data td { border: 0.5pt solid #999; }
table.data th { background: #eee; font-weight: bold; text-align: start; }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
.muted { color: #555; }
.small { font-size: 9pt; }
`;
}
