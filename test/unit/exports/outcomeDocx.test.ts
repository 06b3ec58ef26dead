import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { outcomeDocx } from '../../../main/core/exports/outcomeDocx';
import { buildOutcomeModel, type OutcomeModelInput } from '../../../main/core/exports/outcomeModel';
import { updateParagraph } from '../../../main/core/store/outcomeParagraphs';
import { snapshot } from '../helpers/tempCore';
import { amendPointTwo, arabicPoint, demoOutcome, thrown } from './outcomeExportFixture';

/** The parts of a .docx the tests read. */
function open(bytes: Uint8Array): { xml: string; part: (name: string) => string } {
  const files = unzipSync(bytes);
  const part = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`no ${name} in the docx`);
    return strFromU8(file);
  };
  return { xml: part('word/document.xml'), part };
}

/** Each w:p's text (w:t and w:delText), in document order. */
const paragraphs = (xml: string): string[] =>
  [...xml.matchAll(/<w:p(?: [^>]*)?>(.*?)<\/w:p>/gs)].map((m) => [...(m[1] ?? '').matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((t) => t[1]).join(''));

/** The w:p elements whose text contains `text`. */
const paragraphsWith = (xml: string, text: string): string[] =>
  [...xml.matchAll(/<w:p(?: [^>]*)?>.*?<\/w:p>/gs)].map((m) => m[0]).filter((p) => paragraphs(p).join('').includes(text));

const input = (documentId: string, languages: string[], extra: Partial<OutcomeModelInput> = {}): OutcomeModelInput => ({
  documentId,
  languages,
  variant: 'clean',
  annexes: { participation: false, provenance: false },
  fallback: false,
  ...extra,
});

const indexOf = (list: string[], start: string) => list.findIndex((p) => p.startsWith(start));

describe('outcome document as Word', () => {
  it('lays the English document out in order: title block, preamble, lead-in, ordinal points, closing; A4 with page numbers', async () => {
    const { ctx, documentId, doc } = await demoOutcome();
    const { xml, part } = open(await outcomeDocx(buildOutcomeModel(ctx.db, input(documentId, ['en'])), 'a4'));
    const texts = paragraphs(xml);
    const order = [
      doc.title.en,
      doc.subtitle.en,
      `${doc.place.en ?? ''}, 23`,
      'Co-organised by UN-Habitat',
      doc.leadIn.en,
      'First, the countryside',
      'Second, we will support',
      'Third, ',
      'Fourth, ',
      'Fifth, ',
      'Sixth, ',
      doc.closing.en,
    ].map((start) => indexOf(texts, start ?? '\u0000'));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Never an empty paragraph in the body (the footer and comments are separate parts).
    expect(texts.filter((t) => t.trim() === '')).toEqual([]);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).not.toMatch(/<w:(ins|del) /);
    const footer = part('word/footer1.xml');
    expect(footer).toContain('Page ');
    expect(footer).toContain('NUMPAGES');
  });

  it('uses each language’s ordinal words, an East Asian font on Chinese runs, Letter paper on request', async () => {
    const { ctx, documentId } = await demoOutcome();
    const zh = open(await outcomeDocx(buildOutcomeModel(ctx.db, input(documentId, ['zh'])), 'letter')).xml;
    const zhTexts = paragraphs(zh);
    expect(['第一，', '第二，', '第三，', '第六，'].map((label) => indexOf(zhTexts, label) >= 0)).toEqual([true, true, true, true]);
    const point = paragraphsWith(zh, '第一，')[0] ?? '';
    expect(point).toContain('w:eastAsia="Noto Sans CJK SC"');
    expect(point).toContain('<w:lang w:eastAsia="zh-CN"/>');
    expect(zh).toContain('<w:pgSz w:w="12240" w:h="15840"');
    const es = paragraphs(open(await outcomeDocx(buildOutcomeModel(ctx.db, input(documentId, ['es'], { fallback: true })), 'a4')).xml);
    expect(['Primero, ', 'Segundo, ', 'Cuarto, ', 'Sexto, '].map((label) => indexOf(es, label) >= 0)).toEqual([true, true, true, true]);
  });

  it('sets Arabic paragraphs right to left (w:bidi) with right-to-left runs and Arabic ordinals', async () => {
    const { ctx, documentId } = await demoOutcome({ arabic: true });
    const { xml, part } = open(await outcomeDocx(buildOutcomeModel(ctx.db, input(documentId, ['ar'])), 'a4'));
    const texts = paragraphs(xml);
    expect(indexOf(texts, `أولاً، ${arabicPoint(1)}`)).toBeGreaterThan(indexOf(texts, 'نتفق على ما يلي:'));
    expect(indexOf(texts, `سادساً، ${arabicPoint(6)}`)).toBeGreaterThan(indexOf(texts, `أولاً، `));
    for (const n of [1, 4, 6]) {
      const p = paragraphsWith(xml, arabicPoint(n))[0] ?? '';
      expect(p).toContain('<w:bidi/>');
      expect(p).toContain('<w:rtl/>');
      expect(p).toContain('w:bidi="ar-SA"');
    }
    const footer = part('word/footer1.xml');
    expect(footer).toContain('الصفحة ');
    expect(footer).toContain('<w:bidi/>');
  });

  it('carries open amendments as tracked changes by their proposers in the amendments variant, none in the clean one', async () => {
    const { ctx, documentId, doc } = await demoOutcome();
    await amendPointTwo(ctx, doc);
    const clean = open(await outcomeDocx(buildOutcomeModel(ctx.db, input(documentId, ['en'])), 'a4'));
    expect(clean.xml).not.toMatch(/<w:(ins|del)[ >]/);
    expect(clean.xml).not.toContain('commentReference');
    const amended = open(await outcomeDocx(buildOutcomeModel(ctx.db, input(documentId, ['en'], { variant: 'amendments' })), 'a4'));
    const point2 = paragraphsWith(amended.xml, 'Second, we will support a ')[0] ?? '';
    expect(point2).toMatch(/<w:del w:id="\d+" w:author="Kenya" w:date="[^"]+"><w:r>.*?<w:delText[^>]*>diversified<\/w:delText>/s);
    expect(point2).toMatch(/<w:ins w:id="\d+" w:author="Kenya" w:date="[^"]+"><w:r>.*?<w:t[^>]*>resilient<\/w:t>/s);
    // The proposed new point: an inserted paragraph (its mark too) right after point 2.
    const texts = paragraphs(amended.xml);
    expect(texts[indexOf(texts, 'Second, ') + 1]).toBe('We will also invest in rural broadband.');
    const inserted = paragraphsWith(amended.xml, 'rural broadband')[0] ?? '';
    expect(inserted).toMatch(/<w:pPr><w:rPr><w:ins w:id="\d+" w:author="Chile"/);
    expect(texts).toContain('Status: Agreed · Stances: support 1, objection 0, reservation 0');
    expect(texts).toContain('Status: Bracketed');
    const comments = amended.part('word/comments.xml');
    expect(comments).toContain('w:author="Kenya"');
    expect(comments).toContain('Open amendment proposed by Kenya');
    expect(comments).toContain('Rationale: Resilience matters more.');
    expect(comments).toContain('Stances: support 1, objection 0, reservation 0');
    expect(comments).not.toContain('earlier version');
    // Every annotation id is unique in the document, as Word requires.
    const ids = [...amended.xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);

    // Point 2 edited since: Kenya's amendment was made on an earlier text, and its comment says so.
    const point = doc.paragraphs[1];
    if (!point?.text.en) throw new Error('demo point 2 has no English text');
    updateParagraph(ctx, point.id, { text: { en: `${point.text.en} Markets should stay local.` } });
    const later = open(await outcomeDocx(buildOutcomeModel(ctx.db, input(documentId, ['en'], { variant: 'amendments' })), 'a4'));
    expect(later.part('word/comments.xml')).toContain('(proposed against an earlier version of the text)');
  });

  it('sets several languages side by side, one row per paragraph so translations line up', async () => {
    const { ctx, documentId } = await demoOutcome({ arabic: true });
    const { xml } = open(await outcomeDocx(buildOutcomeModel(ctx.db, input(documentId, ['en', 'zh', 'ar'], { fallback: true })), 'a4'));
    const rows = [...xml.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    for (const [en, zh, ar] of [
      ['First, the countryside', '第一，', `أولاً، ${arabicPoint(1)}`],
      ['Sixth, ', '第六，', `سادساً، ${arabicPoint(6)}`],
    ] as const) {
      const row = rows.find((r) => paragraphs(r).some((p) => p.startsWith(en))) ?? '';
      expect(row.match(/<w:tc>/g)).toHaveLength(3);
      const cells = [...row.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((m) => paragraphs(m[0]).join('\n'));
      expect(cells[0]).toContain(en);
      expect(cells[1]?.startsWith(zh)).toBe(true);
      expect(cells[2]?.startsWith(ar)).toBe(true);
    }
    const arabicCell = paragraphsWith(xml, arabicPoint(1))[0] ?? '';
    expect(arabicCell).toContain('<w:bidi/>');
    // Three columns take a landscape page.
    expect(xml).toContain('w:orient="landscape"');
  });

  it('refuses missing translations (nothing changes), and with the fallback prints the source text marked', async () => {
    const { ctx, documentId, doc } = await demoOutcome();
    const before = snapshot(ctx);
    expect(thrown(() => buildOutcomeModel(ctx.db, input(documentId, ['es']))).code).toBe('translations_missing');
    expect(snapshot(ctx)).toBe(before);
    const { xml } = open(await outcomeDocx(buildOutcomeModel(ctx.db, input(documentId, ['es'], { fallback: true })), 'a4'));
    const texts = paragraphs(xml);
    expect(texts).toContain(`Quinto, ${doc.paragraphs[4]?.text.en ?? ''} (inglés, aún sin traducir)`);
    expect(texts.filter((t) => /^(Primero|Segundo|Tercero|Cuarto|Quinto|Sexto), $/.test(t))).toEqual([]);
    // The English text keeps English run properties inside the Spanish document.
    expect(paragraphsWith(xml, 'Quinto, ')[0]).toContain('<w:lang w:val="en"/>');
  });

  it('appends the participation and provenance annexes, each on a new page', async () => {
    const { ctx, documentId } = await demoOutcome();
    const model = buildOutcomeModel(ctx.db, input(documentId, ['en'], { annexes: { participation: true, provenance: true } }));
    const { xml } = open(await outcomeDocx(model, 'a4'));
    const texts = paragraphs(xml);
    const annex1 = texts.indexOf('Annex 1');
    const annex2 = texts.indexOf('Annex 2');
    expect(annex1).toBeGreaterThan(indexOf(texts, 'Sixth, '));
    expect(annex2).toBeGreaterThan(annex1);
    expect(texts[annex1 + 1]).toBe('Participation');
    expect(texts[annex2 + 1]).toBe('Provenance of the paragraphs');
    for (const heading of ['Participants by country', 'Participants by organisation type', 'Participants by gender', 'People with a role in each session']) {
      expect(texts).toContain(heading);
    }
    expect(texts).toContain('China');
    expect(texts).toContain('Paragraph 1');
    expect(paragraphsWith(xml, 'Annex 1')[0]).toContain('<w:pageBreakBefore/>');
  });
});
