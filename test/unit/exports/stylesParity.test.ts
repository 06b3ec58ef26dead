import { chromium as playwright } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DraftParagraph } from '../../../shared/outcome';
import { outcomeDocx } from '../../../main/core/exports/outcomeDocx';
import { outcomeHtml } from '../../../main/core/exports/outcomeHtml';
import { buildOutcomeModel, type OutcomeModel } from '../../../main/core/exports/outcomeModel';
import { htmlSelectors, outcomeStyle, type ElementStyle, type StyledElement } from '../../../main/core/exports/outcomeStyles';
import { chromium, skipWithout } from '../../programs';
import { documentXml } from './demoExportFixture';
import { call, demoOutcome } from './outcomeExportFixture';

// Word and PDF set the outcome document's parts alike: both are read back (the DOCX's XML, the
// HTML's computed styles in Chromium, which prints the PDF) and compared with the one style sheet.

type Seen = Pick<ElementStyle, 'bold' | 'italic' | 'align'> & { sizePt: number };

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const unescapeXml = (text: string) => text.replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => entities[entity] ?? entity);

interface DocxParagraph {
  xml: string;
  text: string;
  runs: Array<{ props: string; text: string }>;
}

function docxParagraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => {
    const runs = [...p.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, run]) => ({
      props: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run ?? '')?.[1] ?? '',
      text: [...(run ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join(''),
    }));
    return { xml: p, text: runs.map((r) => r.text).join(''), runs };
  });
}

const docxAlign: Record<string, ElementStyle['align']> = { both: 'justify', center: 'center', end: 'end', right: 'end', start: 'start', left: 'start' };
// What the paragraph styles docxDocument defines set by themselves (sizes in points).
const styleDefaults: Record<string, { bold: boolean; sizePt: number }> = { Title: { bold: true, sizePt: 18 }, Heading2: { bold: true, sizePt: 12 } };

/** How Word would set run `runIndex` of the paragraph: its own properties over its paragraph style's. */
function seenInDocx(p: DocxParagraph, runIndex: number): Seen {
  const style = /<w:pStyle w:val="(\w+)"\/>/.exec(p.xml)?.[1] ?? '';
  const run = p.runs.filter((r) => r.text !== '')[runIndex];
  if (!run) throw new Error(`no run ${runIndex} in "${p.text}"`);
  const size = /<w:sz w:val="(\d+)"\/>/.exec(run.props)?.[1];
  const jc = /<w:jc w:val="(\w+)"\/>/.exec(p.xml)?.[1];
  return {
    bold: /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(run.props) || (styleDefaults[style]?.bold ?? false),
    italic: /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(run.props),
    align: jc ? (docxAlign[jc] ?? null) : 'start',
    sizePt: size ? Number(size) / 2 : (styleDefaults[style]?.sizePt ?? 11),
  };
}

/** What each styled element is in a model's first column: its printed text and language. */
function targets(model: OutcomeModel): Array<{ element: StyledElement; text: string; lang: string; label?: string }> {
  const column = model.columns[0]!;
  const point = column.items.find((item) => item.kind === 'numbered')!;
  const heading = column.items.find((item) => item.kind === 'heading')!;
  return [
    { element: 'title', text: column.title!.text, lang: column.title!.lang },
    { element: 'subtitle', text: column.subtitle!.text, lang: column.subtitle!.lang },
    { element: 'placeDates', text: column.placeAndDates, lang: column.lang },
    { element: 'coOrganisers', text: column.coOrganisers, lang: column.lang },
    { element: 'preamble', text: column.preamble[0]!.text, lang: column.preamble[0]!.lang },
    { element: 'leadIn', text: column.leadIn!.text, lang: column.leadIn!.lang },
    { element: 'label', text: point.label + point.text.text, lang: column.lang, label: point.label },
    { element: 'paragraph', text: point.label + point.text.text, lang: point.text.lang },
    { element: 'sectionHeading', text: heading.text.text, lang: heading.text.lang },
    { element: 'closing', text: column.closing!.text, lang: column.closing!.lang },
    // Annexes follow the columns on pages of their own: checked where the document has one column.
    ...(model.columns.length === 1 ? model.annexes.slice(0, 1) : []).flatMap((annex) => [
      { element: 'annexNumber' as const, text: annex.heading, lang: annex.lang },
      { element: 'annexTitle' as const, text: annex.title, lang: annex.lang },
    ]),
  ];
}

let browser: Awaited<ReturnType<typeof playwright.launch>> | undefined;

beforeAll(async () => {
  if (chromium.path) browser = await playwright.launch({ executablePath: chromium.path, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
});

/** The computed style of the first element matching `selector` in the first column, as the PDF prints it. */
async function seenInHtml(html: string, selectors: Array<{ selector: string; lang: string }>): Promise<Seen[]> {
  const context = await browser!.newContext({ bypassCSP: true, javaScriptEnabled: true });
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.setContent(html);
  const seen = await page.evaluate((wanted) => {
    return wanted.map(({ selector, lang }) => {
      // In a parallel table the first column's cells; on a single page the document.
      const scope = document.querySelector('table.parallel') ? [...document.querySelectorAll(`table.parallel tbody td[lang="${lang}"] ${selector}, table.parallel tbody td ${selector}[lang="${lang}"]`)] : [...document.querySelectorAll(selector)];
      const element = scope[0];
      if (!element) return null;
      const style = getComputedStyle(element);
      return { fontWeight: style.fontWeight, fontStyle: style.fontStyle, textAlign: style.textAlign, display: style.display, fontSize: style.fontSize };
    });
  }, selectors);
  await context.close();
  return seen.map((s, index) => {
    if (!s) throw new Error(`no element ${selectors[index]?.selector} in the page`);
    return {
      bold: Number(s.fontWeight) >= 600,
      italic: s.fontStyle === 'italic',
      align: s.display === 'inline' ? null : s.textAlign === 'left' || s.textAlign === '-webkit-left' ? 'start' : (s.textAlign as ElementStyle['align']),
      sizePt: Math.round(parseFloat(s.fontSize) * 0.75 * 10) / 10,
    };
  });
}

describe('the outcome style sheet drives Word and PDF alike', () => {
  beforeEach((context) => skipWithout(context, chromium));

  const cases: Array<{ languages: string[]; note: string }> = [
    { languages: ['en'], note: 'English alone' },
    { languages: ['zh'], note: 'Chinese alone (no italics, not justified)' },
    { languages: ['ar'], note: 'Arabic alone (no italics, right to left)' },
    { languages: ['en', 'zh'], note: 'English beside Chinese (narrow columns are not justified)' },
  ];

  it.each(cases)('sets labels, points, subtitle, title block, closing and annex headings the same in the DOCX and the HTML: $note', async ({ languages }) => {
    const { ctx, documentId } = await demoOutcome({ arabic: true });
    const texts = { en: 'Implementation', zh: '落实', ar: 'التنفيذ', es: 'Aplicación' };
    await call<DraftParagraph>(ctx, 'paragraphs:create', { documentId, after: null, kind: 'heading', text: texts });
    const model = buildOutcomeModel(ctx.db, { documentId, languages, variant: 'clean', annexes: { participation: true, provenance: false }, fallback: true });
    const parallel = languages.length > 1;
    const paragraphs = docxParagraphs(documentXml(await outcomeDocx(model, 'a4')));
    const wanted = targets(model);
    const html = await seenInHtml(
      outcomeHtml(model, 'a4'),
      wanted.map(({ element }) => ({ selector: htmlSelectors[element], lang: model.columns[0]!.lang })),
    );
    wanted.forEach(({ element, text, lang, label }, index) => {
      const sheet = outcomeStyle(element, lang, parallel);
      const p = paragraphs.find((candidate) => candidate.text === text);
      if (!p) throw new Error(`no Word paragraph reads "${text.slice(0, 40)}"`);
      // A point's text is the run after its label.
      const word = seenInDocx(p, element === 'paragraph' ? 1 : 0);
      if (label) expect(p.runs.find((r) => r.text !== '')?.text, 'the label is a run of its own').toBe(label);
      const fromSheet = { bold: sheet.bold, italic: sheet.italic };
      expect({ element, ...fromSheet }, 'Word').toEqual({ element, bold: word.bold, italic: word.italic });
      expect({ element, ...fromSheet }, 'HTML/PDF').toEqual({ element, bold: html[index]!.bold, italic: html[index]!.italic });
      if (sheet.align !== null) {
        expect({ element, align: word.align }, 'Word').toEqual({ element, align: sheet.align });
        expect({ element, align: html[index]!.align }, 'HTML/PDF').toEqual({ element, align: sheet.align });
      }
      if (sheet.sizePt !== null) {
        expect({ element, size: word.sizePt }, 'Word').toEqual({ element, size: sheet.sizePt });
        expect({ element, size: html[index]!.sizePt }, 'HTML/PDF').toEqual({ element, size: sheet.sizePt });
      }
    });
  });
  it.each(['en', 'ar'])('sets rich text’s bold, italic and list items the same in the DOCX and the HTML (%s)', async (lang) => {
    const { ctx, documentId, doc } = await demoOutcome({ arabic: true });
    const words = lang === 'en' ? { bold: 'commit', italic: 'together', item: 'roads' } : { bold: 'نلتزم', italic: 'معا', item: 'الطرق' };
    await call<DraftParagraph>(ctx, 'paragraphs:update', { id: doc.paragraphs[0]?.id, text: { [lang]: `We **${words.bold}** *${words.italic}*:\n\n- ${words.item}\n- more` } });
    const model = buildOutcomeModel(ctx.db, { documentId, languages: [lang], variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true });
    const paragraphs = docxParagraphs(documentXml(await outcomeDocx(model, 'a4')));
    const runOf = (text: string) => {
      const p = paragraphs.find((candidate) => candidate.runs.some((r) => r.text === text));
      if (!p) throw new Error(`no Word run reads "${text}"`);
      return { p, word: seenInDocx(p, p.runs.filter((r) => r.text !== '').findIndex((r) => r.text === text)) };
    };
    const [strong, em, item] = await seenInHtml(outcomeHtml(model, 'a4'), [
      { selector: '.paragraph strong', lang },
      { selector: '.paragraph em', lang },
      { selector: '.paragraph ul > li', lang },
    ]);
    expect({ bold: runOf(words.bold).word.bold, html: strong!.bold }).toEqual({ bold: true, html: true });
    expect({ italic: runOf(words.italic).word.italic, html: em!.italic }).toEqual({ italic: true, html: true });
    // A list item is a Word list paragraph and an HTML list item, set like the paragraph around it.
    expect(runOf(words.item).p.xml).toContain('<w:numPr>');
    expect({ bold: runOf(words.item).word.bold, italic: runOf(words.item).word.italic }).toEqual({ bold: item!.bold, italic: item!.italic });
  });
});
