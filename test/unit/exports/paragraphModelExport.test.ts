import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Forum } from '../../../shared/forum';
import type { DraftParagraph, OutcomeDocument } from '../../../shared/outcome';
import { referenceToken } from '../../../shared/paragraphRefs';
import { outcomeDocx } from '../../../main/core/exports/outcomeDocx';
import { outcomeHtml } from '../../../main/core/exports/outcomeHtml';
import { outcomeMarkdown } from '../../../main/core/exports/outcomeMarkdown';
import { buildOutcomeModel } from '../../../main/core/exports/outcomeModel';
import type { CoreContext } from '../../../main/core/coreContext';
import { tempCore, validForum } from '../helpers/tempCore';
import { call, createDocument } from '../drafting/draftingFixture';

/**
 * A resolution-style text in English, French and Arabic: a PP, an OP with an alternative (2 bis),
 * an OP with sub-paragraphs (a), (b) and (b) (i), and an OP referring to paragraph 3.
 */
async function resolution(openingStyle: 'italic' | 'underline' = 'italic') {
  const ctx = await tempCore();
  const forum = await call<Forum>(ctx, 'forums:create', { ...validForum, title: { en: 'Workshop' }, languages: ['en', 'fr', 'ar'] });
  const document = await createDocument(ctx, forum.id, { numbering: 'numbers', title: { en: 'Draft resolution', fr: 'Projet de résolution', ar: 'مشروع قرار' }, preamble: {}, leadIn: {}, subtitle: {}, place: {}, openingStyle });
  const ids: string[] = [];
  const add = async (text: Record<string, string>, extra: Record<string, unknown> = {}) => {
    const p = await call<DraftParagraph>(ctx, 'paragraphs:create', { documentId: document.id, after: ids.at(-1) ?? null, kind: 'numbered', text, ...extra });
    ids.push(p.id);
    return p.id;
  };
  await add({ en: 'Recalling its resolution 70/1, of 25 September 2015', fr: 'Rappelant sa résolution 70/1, du 25 septembre 2015', ar: 'إذ تشير إلى قرارها 70/1، المؤرخ 25 أيلول/سبتمبر 2015' }, { role: 'preambular' });
  const decides = await add({ en: 'Decides to act, now', fr: 'Décide d’agir, maintenant', ar: 'تقرر أن تتصرف، الآن' }, { role: 'operative' });
  const calls = await add({ en: 'Calls upon States', fr: 'Demande aux États', ar: 'تهيب بالدول' }, { role: 'operative' });
  await add({ en: 'to plan;', fr: 'de planifier ;', ar: 'أن تخطط؛' }, { level: 1 });
  await add({ en: 'to act:', fr: 'd’agir :', ar: 'أن تعمل:' }, { level: 1 });
  await add({ en: 'at once;', fr: 'sans délai ;', ar: 'فورا؛' }, { level: 2 });
  const ref = referenceToken(calls);
  await add({ en: `Requests, as stated in paragraph ${ref}, a report`, fr: `Demande, comme indiqué au paragraphe ${ref}, un rapport`, ar: `تطلب، على النحو المبين في الفقرة ${ref}، تقريرا` }, { role: 'operative' });
  await call(ctx, 'paragraphs:addAlternative', { id: decides, text: { en: 'Decides not to act, ever', fr: 'Décide de ne pas agir, jamais', ar: 'تقرر ألا تتصرف، أبدا' }, proposers: ['Kenya'] });
  return { ctx, document, ids, calls };
}

const model = (ctx: CoreContext, documentId: string, languages: string[], variant: 'clean' | 'amendments' = 'clean') =>
  buildOutcomeModel(ctx.db, { documentId, languages, variant, annexes: { participation: false, provenance: false }, fallback: false });

const docxParagraphs = (bytes: Uint8Array): string[] => {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
  return [...xml.matchAll(/<w:p(?: [^>]*)?>.*?<\/w:p>/gs)].map((m) => m[0]);
};
const words = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');

describe('the paragraph model in the exports', () => {
  it('Markdown: PP and OP opening phrases in italics, OP numbers, 2 bis bracketed, (a) (b) (i), and the reference as its number', async () => {
    const { ctx, document } = await resolution();
    const md = outcomeMarkdown(model(ctx, document.id, ['en']));
    expect(md).toContain('1\\. *Recalling its resolution 70/1*, of 25 September 2015');
    expect(md).toContain('2\\. [*Decides to act*, now]');
    expect(md).toContain('2 bis. [*Decides not to act*, ever]');
    expect(md).toContain('3\\. Calls upon States');
    expect(md).toContain('(a) to plan;');
    expect(md).toContain('(b) to act:');
    expect(md).toContain('(i) at once;');
    expect(md).toContain('4\\. *Requests*, as stated in paragraph 3, a report');
    expect(md).not.toContain('[[');
  });

  it('French and Arabic: a) and (أ), bis and مكررا, each language printing the reference in its own way', async () => {
    const { ctx, document } = await resolution();
    const fr = outcomeMarkdown(model(ctx, document.id, ['fr']));
    expect(fr).toContain('a) de planifier ;');
    expect(fr).toContain('i) sans délai ;');
    expect(fr).toContain('2 bis. [*Décide de ne pas agir*, jamais]');
    expect(fr).toContain('comme indiqué au paragraphe 3, un rapport');
    const ar = outcomeMarkdown(model(ctx, document.id, ['ar']));
    expect(ar).toContain('(أ) أن تخطط؛');
    expect(ar).toContain("'1' فورا؛");
    expect(ar).toContain('2 مكررا - [*تقرر ألا تتصرف*، أبدا]');
    expect(ar).toContain('*تطلب*، على النحو المبين في الفقرة 3، تقريرا');
  });

  it('HTML: italic and underlined opening phrases, indented sub-paragraphs, the alternative’s proposers in the amendments variant', async () => {
    const { ctx, document } = await resolution('underline');
    const html = outcomeHtml(model(ctx, document.id, ['en']), 'a4');
    expect(html).toContain('<em>Recalling its resolution 70/1</em>, of 25 September 2015');
    expect(html).toContain('<u>Decides not to act</u>, ever');
    expect(html).toMatch(/<p class="paragraph numbered level-1"[^>]*><span class="label"[^>]*>\(a\) <\/span>to plan;/);
    expect(html).toMatch(/class="paragraph numbered level-2"/);
    expect(outcomeHtml(model(ctx, document.id, ['en'], 'amendments'), 'a4')).toContain('Status: Proposed · Proposed by Kenya');
    expect(html).toContain('as stated in paragraph 3, a report');
  });

  it('Word: italics (w:i) and underline (w:u) on the opening phrase, labels, indent per level, references renumbered after a move and marked when deleted', async () => {
    const { ctx, document, ids, calls } = await resolution('underline');
    let paragraphs = docxParagraphs(await outcomeDocx(model(ctx, document.id, ['en']), 'a4'));
    const recalling = paragraphs.find((p) => words(p).includes('Recalling')) ?? '';
    expect(recalling).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*<w:t[^>]*>Recalling its resolution 70\/1<\/w:t>/s);
    const requests = paragraphs.find((p) => words(p).includes('Requests')) ?? '';
    expect(requests).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>Requests<\/w:t>/s);
    expect(words(requests)).toBe('4. Requests, as stated in paragraph 3, a report');
    expect(words(paragraphs.find((p) => words(p).includes('ever')) ?? '')).toBe('2 bis. [Decides not to act, ever]');
    const sub = paragraphs.find((p) => words(p).includes('at once')) ?? '';
    expect(words(sub)).toBe('(i) at once;');
    expect(sub).toMatch(/<w:ind w:start="1440"\/>/);
    // Paragraph 3 moves to the end: the reference follows it.
    await call(ctx, 'paragraphs:move', { id: calls, after: ids.at(-1), before: null });
    paragraphs = docxParagraphs(await outcomeDocx(model(ctx, document.id, ['en']), 'a4'));
    expect(words(paragraphs.find((p) => words(p).includes('Requests')) ?? '')).toBe('3. Requests, as stated in paragraph 4, a report');
    await call(ctx, 'paragraphs:setDeleted', { id: calls, deleted: true });
    const md = outcomeMarkdown(model(ctx, document.id, ['en']));
    expect(md).toContain('as stated in paragraph [deleted paragraph], a report');
  });

  it('Agreeing the alternative takes away brackets and labels in every format', async () => {
    const { ctx, document } = await resolution();
    const doc = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: document.id });
    const bis = doc.paragraphs.find((p) => p.alternativeOf !== null);
    await call(ctx, 'paragraphs:update', { id: bis?.id, status: 'agreed' });
    const md = outcomeMarkdown(model(ctx, document.id, ['en']));
    expect(md).toContain('2\\. *Decides not to act*, ever');
    expect(md).not.toContain('bis');
    expect(md).not.toContain('Decides to act');
  });

  it('an ordinal typed at the start of an operative paragraph under negotiation is left out before its opening phrase is styled and bracketed', async () => {
    const ctx = await tempCore();
    const forum = await call<Forum>(ctx, 'forums:create', { ...validForum, title: { en: 'Workshop' }, languages: ['en'] });
    const document = await createDocument(ctx, forum.id, { numbering: 'ordinal', title: { en: 'Consensus' }, preamble: {}, leadIn: {}, subtitle: {}, place: {} });
    const first = await call<DraftParagraph>(ctx, 'paragraphs:create', { documentId: document.id, after: null, kind: 'numbered', text: { en: 'First, we meet.' } });
    const second = await call<DraftParagraph>(ctx, 'paragraphs:create', { documentId: document.id, after: first.id, kind: 'numbered', text: { en: 'Second, we decide to act, now.' }, role: 'operative' });
    await call(ctx, 'paragraphs:addAlternative', { id: second.id, text: { en: 'Second, we decide to wait, for now.' }, proposers: [] });
    const md = outcomeMarkdown(model(ctx, document.id, ['en']));
    expect(md).toContain('Second, [*we decide to act*, now.]');
    expect(md).not.toContain('Second, [*Second*');
  });
});
