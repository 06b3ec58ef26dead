// The outcome document's one style sheet: how each part of it is set (bold, italic, alignment,
// size). The Word writer reads it run by run and paragraph by paragraph; the HTML writer (and so
// the PDF, printed from that HTML) turns it into CSS. The two used to be written separately and
// drifted apart (labels bold and points justified in the PDF only, the subtitle italic in the PDF
// and bold in Word); a test reads both files back and compares them with this sheet.

export const styledElements = ['title', 'subtitle', 'placeDates', 'coOrganisers', 'participation', 'addressee', 'preamble', 'leadIn', 'label', 'paragraph', 'sectionHeading', 'closing', 'contact', 'annexNumber', 'annexTitle'] as const;
export type StyledElement = (typeof styledElements)[number];

export type Alignment = 'start' | 'center' | 'end' | 'justify';

export interface ElementStyle {
  bold: boolean;
  italic: boolean;
  /** Paragraph alignment; null for a run inside a paragraph (the label). */
  align: Alignment | null;
  /** Font size in points; null keeps the body's (11 pt). */
  sizePt: number | null;
}

type Override = Partial<Record<StyledElement, Partial<ElementStyle>>>;

const base: Record<StyledElement, ElementStyle> = {
  title: { bold: true, italic: false, align: 'center', sizePt: 18 },
  subtitle: { bold: false, italic: true, align: 'center', sizePt: 13 },
  placeDates: { bold: false, italic: false, align: 'center', sizePt: null },
  coOrganisers: { bold: false, italic: false, align: 'center', sizePt: 10 },
  // The seeds' figures under the title ("200 Participants 18 International Organisations 17 countries").
  participation: { bold: true, italic: false, align: 'center', sizePt: 12 },
  // A letter's "To: …", at the start of the line above the body.
  addressee: { bold: false, italic: false, align: 'start', sizePt: null },
  preamble: { bold: false, italic: false, align: 'justify', sizePt: null },
  leadIn: { bold: true, italic: false, align: 'start', sizePt: null },
  // "First, " before a point, as the seeds set it.
  label: { bold: true, italic: false, align: null, sizePt: null },
  paragraph: { bold: false, italic: false, align: 'justify', sizePt: null },
  sectionHeading: { bold: true, italic: false, align: 'start', sizePt: 13 },
  closing: { bold: false, italic: true, align: 'end', sizePt: null },
  // A secretariat's address after the closing, small, as in the seeds.
  contact: { bold: false, italic: false, align: 'start', sizePt: 9 },
  // "Annex I" over the annex's title, both centred, as UN documents set them.
  annexNumber: { bold: false, italic: false, align: 'center', sizePt: 11 },
  annexTitle: { bold: true, italic: false, align: 'center', sizePt: 14 },
};

/**
 * Where a script's conventions differ: Arabic and Chinese have no italics, and Chinese text is
 * not justified (full-width characters already fill the line evenly).
 */
const byLanguage: Record<string, Override> = {
  ar: { subtitle: { italic: false }, closing: { italic: false } },
  zh: { subtitle: { italic: false }, closing: { italic: false }, preamble: { align: 'start' }, paragraph: { align: 'start' } },
};

/** Side by side, columns are narrow: justified text would leave rivers, and the title block is smaller. */
const parallel: Override = {
  title: { sizePt: 14 },
  subtitle: { sizePt: 11 },
  preamble: { align: 'start' },
  paragraph: { align: 'start' },
};

const primary = (lang: string): string => lang.split(/[-_]/)[0]?.toLowerCase() ?? '';

/** How `element` is set in a text of language `lang`, alone on the page or in a parallel column. */
export function outcomeStyle(element: StyledElement, lang: string, inParallel = false): ElementStyle {
  return { ...base[element], ...(inParallel ? parallel[element] : {}), ...byLanguage[primary(lang)]?.[element] };
}

/** The HTML writer's selector for each element (the classes outcomeHtml sets). */
export const htmlSelectors: Record<StyledElement, string> = {
  title: 'h1.title',
  subtitle: '.subtitle',
  placeDates: '.place-dates',
  coOrganisers: '.co-organisers',
  participation: '.participation',
  addressee: '.addressee',
  preamble: '.preamble',
  leadIn: '.lead-in',
  label: '.label',
  paragraph: '.paragraph',
  sectionHeading: 'h2.section-heading',
  closing: '.closing',
  contact: '.contact-line',
  annexNumber: '.annex .annex-number',
  annexTitle: '.annex h2.annex-title',
};

function declarations(style: Partial<ElementStyle>): string {
  const out: string[] = [];
  if (style.bold !== undefined) out.push(`font-weight: ${style.bold ? 'bold' : 'normal'}`);
  if (style.italic !== undefined) out.push(`font-style: ${style.italic ? 'italic' : 'normal'}`);
  if (style.align !== undefined && style.align !== null) out.push(`text-align: ${style.align}`);
  if (style.sizePt !== undefined && style.sizePt !== null) out.push(`font-size: ${style.sizePt}pt`);
  return out.join('; ');
}

/** The sheet as CSS: base rules, then each language's, then the parallel layout's (and its languages'). */
export function outcomeStyleCss(): string {
  const rules: string[] = [];
  const rule = (selector: string, style: Partial<ElementStyle>) => {
    const body = declarations(style);
    if (body) rules.push(`${selector} { ${body}; }`);
  };
  for (const element of styledElements) rule(htmlSelectors[element], base[element]);
  for (const [lang, override] of Object.entries(byLanguage)) {
    for (const [element, style] of Object.entries(override)) rule(`${htmlSelectors[element as StyledElement]}:lang(${lang})`, style);
  }
  for (const [element, style] of Object.entries(parallel)) rule(`table.parallel ${htmlSelectors[element as StyledElement]}`, style);
  // The language's own rule again inside the table, so it wins over the parallel one as in Word.
  for (const [lang, override] of Object.entries(byLanguage)) {
    for (const [element, style] of Object.entries(override)) {
      if (parallel[element as StyledElement]) rule(`table.parallel ${htmlSelectors[element as StyledElement]}:lang(${lang})`, style);
    }
  }
  return rules.join('\n');
}
