import { describe, expect, it } from 'vitest';
import type { DraftParagraph, OutcomeDocument } from '../../../shared/outcome';
import { writeRow } from '../../../main/core/store/changeLog';
import { call, documentWithPoints, send, twoLaptops } from './draftingFixture';

const paragraphOf = async (ctx: Parameters<typeof call>[0], documentId: string, id: string) =>
  (await call<OutcomeDocument>(ctx, 'outcome:get', { documentId })).paragraphs.find((p) => p.id === id);

describe('translation states of paragraphs', () => {
  it('marks Chinese and Spanish out of date when the English changes after them, and current once edited again', async () => {
    const { ctx, document, ids } = await documentWithPoints(2);
    const id = ids[0] ?? '';
    expect((await paragraphOf(ctx, document.id, id))?.translations).toEqual({ zh: 'missing', es: 'missing' });
    await call(ctx, 'paragraphs:update', { id, text: { zh: '第一点', es: 'Punto 1' } });
    expect((await paragraphOf(ctx, document.id, id))?.translations).toEqual({ zh: 'current', es: 'current' });
    await call(ctx, 'paragraphs:update', { id, text: { en: 'Point 1, revised' } });
    expect((await paragraphOf(ctx, document.id, id))?.translations).toEqual({ zh: 'outdated', es: 'outdated' });
    const edited = await call<DraftParagraph>(ctx, 'paragraphs:update', { id, text: { zh: '第一点（修订）' } });
    expect(edited.translations).toEqual({ zh: 'current', es: 'outdated' });
    // The other paragraph is untouched by all this.
    expect((await paragraphOf(ctx, document.id, ids[1] ?? ''))?.translations).toEqual({ zh: 'missing', es: 'missing' });
  });

  it('orders edits from two laptops by clock: a translation made elsewhere before the English changed is out of date', async () => {
    const { a, b, forum, document, ids } = await twoLaptops(1);
    const id = ids[0] ?? '';
    await call(b, 'paragraphs:update', { id, text: { zh: '第一点' } });
    await send(b, a, forum.id);
    await call(a, 'paragraphs:update', { id, text: { en: 'Point 1, revised' } });
    await send(a, b, forum.id);
    for (const laptop of [a, b]) expect((await paragraphOf(laptop, document.id, id))?.translations).toEqual({ zh: 'outdated', es: 'missing' });
  });

  it('shows concurrent versions of a translation as alternatives, the one shown aside', async () => {
    const { a, b, forum, document, ids } = await twoLaptops(1);
    const id = ids[0] ?? '';
    await call(a, 'paragraphs:update', { id, text: { es: 'Punto uno' } });
    await send(a, b, forum.id);
    await call(a, 'paragraphs:update', { id, text: { es: 'Primer punto' } });
    await call(b, 'paragraphs:update', { id, text: { es: 'El punto primero' } });
    await send(a, b, forum.id);
    await send(b, a, forum.id);
    for (const laptop of [a, b]) {
      const p = await paragraphOf(laptop, document.id, id);
      expect([p?.text.es, ...(p?.alternatives.es ?? [])].sort()).toEqual(['El punto primero', 'Primer punto']);
      expect(p?.alternatives.en).toBeUndefined();
    }
    expect(await paragraphOf(a, document.id, id)).toEqual(await paragraphOf(b, document.id, id));
    await call(a, 'prose:choose', { table: 'outcome_paragraphs', rowId: id, cell: 'text@es', text: 'Primer punto' });
    expect((await paragraphOf(a, document.id, id))?.alternatives).toEqual({});
  });

  it('reads paragraphs whose text was logged before edits named their parents, as an older Plenary wrote them', async () => {
    const { ctx, document, ids } = await documentWithPoints(1);
    const id = ids[0] ?? '';
    const insert = ctx.db.prepare("INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells, parents) VALUES (?, ?, 'outcome_paragraphs', ?, ?, ?, NULL)");
    insert.run('old-laptop', '000000000000001-0000', id, document.forumId, JSON.stringify({ 'text@zh': '旧译文' }));
    writeRow(ctx, 'outcome_paragraphs', id, { text: { zh: '旧译文' } });
    const p = await paragraphOf(ctx, document.id, id);
    expect(p).toMatchObject({ text: { en: 'Point 1', zh: '旧译文' }, translations: { zh: 'current', es: 'missing' }, alternatives: {} });
  });
});
