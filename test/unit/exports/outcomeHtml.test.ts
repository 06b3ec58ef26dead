import { describe, expect, it } from 'vitest';
import type { DraftParagraph } from '../../../shared/outcome';
import { escapeHtml, htmlPage, langAttributes, pageNumberContent } from '../../../main/core/exports/htmlPage';
import { buildOutcomeModel, type OutcomeModelInput } from '../../../main/core/exports/outcomeModel';
import { outcomeHtml } from '../../../main/core/exports/outcomeHtml';
import type { CoreContext } from '../../../main/core/coreContext';
import { arabicPoint, call, demoOutcome } from './outcomeExportFixture';

const noAnnexes = { participation: false, provenance: false };

function html(ctx: CoreContext, input: Omit<OutcomeModelInput, 'annexes' | 'fallback'> & Partial<OutcomeModelInput>, paper: 'a4' | 'letter' = 'a4') {
  return outcomeHtml(buildOutcomeModel(ctx.db, { annexes: noAnnexes, fallback: false, ...input }), paper);
}

/** The document's own requests: anything that would load or run something outside the page. */
function externalReferences(page: string): string[] {
  return [...page.matchAll(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import|https?:\/\//gi)].map((match) => match[0]);
}

/** The opening tags of elements carrying a language, as `lang dir` pairs. */
function langTags(page: string): Array<{ lang: string; dir: string }> {
  return [...page.matchAll(/lang="([^"]+)" dir="(ltr|rtl)"/g)].map((match) => ({ lang: match[1] ?? '', dir: match[2] ?? '' }));
}

describe('htmlPage', () => {
  it('is a self-contained page that forbids outside requests and scripts', () => {
    const page = htmlPage({ lang: 'ar', dir: 'rtl', title: 'A <title> & "more"', body: '<p>x</p>', paper: 'a4' });
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(page).toContain('<title>A &lt;title&gt; &amp; &quot;more&quot;</title>');
    expect(externalReferences(page)).toEqual([]);
  });

  it('sets the paper, margins and page numbers in the print stylesheet', () => {
    const a4 = htmlPage({ lang: 'en', dir: 'ltr', title: 't', body: '', paper: 'a4' });
    expect(a4).toMatch(/@page \{\s*size: A4;\s*margin: [^;]+;\s*@bottom-center \{\s*content: counter\(page\) " \/ " counter\(pages\);/);
    const letter = htmlPage({ lang: 'zh', dir: 'ltr', title: 't', body: '', paper: 'letter', pageTemplate: '第{{n}}页，共{{total}}页' });
    expect(letter).toContain('size: letter;');
    expect(letter).toContain('content: "第" counter(page) "页，共" counter(pages) "页";');
    // Fonts for Arabic and Chinese are named, and lines are tall enough for their marks.
    expect(a4).toMatch(/:lang\(ar\)[^{]*\{ font-family: "Noto Naskh Arabic", "Noto Sans Arabic"/);
    expect(a4).toMatch(/:lang\(zh\) \{ font-family: "Noto Sans CJK SC"/);
    expect(a4).toContain('orphans: 3; widows: 3;');
    expect(a4).toMatch(/h1, h2, h3, h4 \{[^}]*break-after: avoid/);
  });

  it('writes page-number words as CSS strings that cannot end the style sheet', () => {
    expect(pageNumberContent('Page {{n}} of {{total}}')).toBe('"Page " counter(page) " of " counter(pages)');
    expect(pageNumberContent('{{n}}')).toBe('counter(page)');
    expect(pageNumberContent('"x" \\ </style>{{n}}')).toBe('"\\"x\\" \\\\ \\3C /style>" counter(page)');
    expect(pageNumberContent(undefined)).toBe('counter(page) " / " counter(pages)');
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
    expect(langAttributes('ar')).toBe(' lang="ar" dir="rtl"');
    expect(langAttributes('zh-Hans')).toBe(' lang="zh-Hans" dir="ltr"');
  });
});

describe('outcomeHtml', () => {
  it('lays out the English Consensus like the reference documents, in order, with nothing external', async () => {
    const { ctx, documentId } = await demoOutcome();
    const page = html(ctx, { documentId, languages: ['en'], variant: 'clean' });
    const order = [
      '<h1 class="title" lang="en" dir="ltr">Songyang Consensus 2026',
      '<p class="subtitle"',
      '<p class="place-dates" lang="en" dir="ltr">Songyang County',
      '<p class="co-organisers" lang="en" dir="ltr">Co-organised by UN-Habitat',
      '<p class="preamble"',
      '<p class="lead-in" lang="en" dir="ltr">We, the participants',
      '<span class="label" lang="en" dir="ltr">First, </span>',
      '<span class="label" lang="en" dir="ltr">Sixth, </span>',
      '<p class="closing" lang="en" dir="ltr">Songyang, 25 November 2026</p>',
    ].map((fragment) => page.indexOf(fragment));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).toContain('content: "Page " counter(page) " of " counter(pages);');
    expect(externalReferences(page)).toEqual([]);
    expect(page).not.toMatch(/<ins|<del|class="status|class="amendment|class="legend/);
    expect(page).not.toContain('<table class="parallel');
  });

  it('sets Arabic right to left with its language, and puts languages side by side in their own directions', async () => {
    const { ctx, documentId } = await demoOutcome({ arabic: true });
    const arabic = html(ctx, { documentId, languages: ['ar'], variant: 'clean' });
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('<article class="outcome" lang="ar" dir="rtl">');
    expect(arabic).toContain(`<span class="label" lang="ar" dir="rtl">أولاً، </span>${arabicPoint(1)}`);
    expect(new Set(langTags(arabic).map((tag) => `${tag.lang} ${tag.dir}`))).toEqual(new Set(['ar rtl']));

    const parallel = html(ctx, { documentId, languages: ['ar', 'zh'], variant: 'clean' });
    expect(parallel).toContain('<table class="parallel columns-2">');
    expect(parallel).toContain('<thead><tr><th lang="ar" dir="rtl">العربية</th><th lang="zh" dir="ltr">中文</th></tr></thead>');
    const rows = [...parallel.matchAll(/<tr class="([^"]+)">(.*?)<\/tr>/g)];
    const itemRows = rows.filter((row) => row[1]?.startsWith('item-row'));
    expect(itemRows).toHaveLength(6);
    for (const row of rows) {
      const cells = [...(row[2] ?? '').matchAll(/<td lang="(\w+)" dir="(\w+)">/g)].map((cell) => `${cell[1]} ${cell[2]}`);
      expect(cells).toEqual(['ar rtl', 'zh ltr']);
    }
    // Each paragraph row holds the same point in both languages, labelled in each.
    expect(itemRows[0]?.[2]).toContain('أولاً، ');
    expect(itemRows[0]?.[2]).toContain('第一，');
    expect(externalReferences(parallel)).toEqual([]);
  });

  it('marks a fallback to the source language, in the language of the column', async () => {
    const { ctx, documentId } = await demoOutcome();
    const model = buildOutcomeModel(ctx.db, { documentId, languages: ['en', 'es'], variant: 'clean', annexes: noAnnexes, fallback: true });
    const fifth = model.columns[1]?.items.find((item) => item.number === 5);
    expect(fifth?.text.fallback).toBe(true);
    const page = outcomeHtml(model, 'a4');
    const marked = [...page.matchAll(/<p class="paragraph numbered fallback" lang="en" dir="ltr"><span class="label" lang="es" dir="ltr">([^<]+)<\/span>.*?<span class="fallback-note" lang="es" dir="ltr">([^<]+)<\/span><\/p>/g)];
    expect(marked).toHaveLength(1);
    expect(marked[0]?.[1]).toBe(fifth?.label);
    expect(marked[0]?.[2]).toBe(escapeHtml(fifth?.text.fallbackNote ?? 'missing'));
    expect(page.match(/class="[^"]*fallback[^"]*"/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('shows open amendments as <ins>/<del> with statuses and stance tallies only in the amendments variant', async () => {
    const { ctx, documentId, doc } = await demoOutcome();
    const second = doc.paragraphs.find((p) => p.number === 2) as DraftParagraph;
    const base = second.text.en ?? '';
    await call(ctx, 'amendments:propose', {
      paragraphId: second.id,
      kind: 'replace',
      lang: 'en',
      text: base.replace('diversified', 'resilient'),
      proposer: { participantId: null, name: 'Kenya' },
      rationale: 'Stronger wording.',
    });
    await call(ctx, 'amendments:propose', {
      paragraphId: second.id,
      kind: 'replace',
      lang: 'es',
      text: 'Apoyaremos una economía rural diversificada.',
      proposer: { participantId: null, name: 'Chile' },
      rationale: '',
    });
    await call(ctx, 'stances:set', { paragraphId: second.id, delegation: { participantId: null, name: 'Kenya' }, stance: 'support', note: '' });
    await call(ctx, 'stances:set', { paragraphId: second.id, delegation: { participantId: null, name: 'Chile' }, stance: 'objection', note: '' });

    const amended = html(ctx, { documentId, languages: ['en'], variant: 'amendments' });
    expect(amended).toContain('<del>diversified</del><ins>resilient</ins>');
    expect(amended).toContain('<p class="amendment-note">Open amendment proposed by Kenya</p>');
    expect(amended).toContain('<p class="rationale" lang="en" dir="ltr">Rationale: Stronger wording.</p>');
    expect(amended).toContain('Stances: support 1, objection 1, reservation 0');
    // A Spanish amendment, with no Spanish column: a note whose proposal keeps its own language.
    expect(amended).toMatch(/<p class="amendment-note foreign">[^<]*Chile[^<]* <span lang="es" dir="ltr">Apoyaremos una economía rural diversificada\.<\/span><\/p>/);
    expect(amended).toContain('<p class="status status-bracketed">Status: Bracketed</p>');
    expect(amended).toMatch(/<aside class="legend"><p class="legend-note" lang="en" dir="ltr">Draft with open amendments/);
    // Point 4 has competing wordings in brackets: kept, and set apart.
    expect(amended).toContain('<span class="bracketed">[establish a unified urban-rural market for construction land]</span>');
    // Deletions and insertions still read without colour (struck through and underlined).
    expect(amended).toMatch(/ins \{ text-decoration: underline;/);
    expect(amended).toMatch(/del \{ text-decoration: line-through;/);

    const clean = html(ctx, { documentId, languages: ['en'], variant: 'clean' });
    expect(clean).not.toMatch(/<ins|<del/);
    // No proposer's name (the secretariat's address in Nairobi, Kenya, is part of the document).
    expect(clean).not.toMatch(/by Kenya|>Kenya</);
    expect(clean).not.toContain('Apoyaremos');
    expect(clean).not.toContain('Stances:');
    expect(clean).toContain('[establish a unified urban-rural market for construction land]');
  });

  it('escapes user text and keeps the page free of markup it did not write', async () => {
    const { ctx, documentId, doc } = await demoOutcome();
    const first = doc.paragraphs[0] as DraftParagraph;
    await call(ctx, 'paragraphs:update', { id: first.id, text: { en: 'See <script>alert("x")</script> & <img src="https://example.org/t.png">' } });
    const page = html(ctx, { documentId, languages: ['en'], variant: 'clean' });
    expect(page).toContain('See &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=&quot;https://example.org/t.png&quot;&gt;');
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
  });

  it('adds the annexes on pages of their own, in the document language, and turns wide documents to landscape', async () => {
    const { ctx, documentId } = await demoOutcome({ arabic: true });
    const page = html(ctx, { documentId, languages: ['ar'], variant: 'clean', annexes: { participation: true, provenance: true } });
    expect(page).toContain('<section class="annex annex-participation" lang="ar" dir="rtl">');
    expect(page).toContain('<section class="annex annex-provenance" lang="ar" dir="rtl">');
    expect(page).toMatch(/\.annex \{ break-before: page;/);
    expect(page).toMatch(/<table class="data"><thead><tr><th>[^<]+<\/th><th class="num">/);
    expect(page).not.toContain('size: landscape');

    const four = html(ctx, { documentId, languages: ['en', 'zh', 'es', 'ar'], variant: 'clean', fallback: true }, 'letter');
    expect(four).toContain('<table class="parallel columns-4">');
    expect(four).toContain('size: letter;');
    expect(four).toContain('@page { size: letter landscape; }');
  });
});
