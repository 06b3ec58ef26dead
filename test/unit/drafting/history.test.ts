import { describe, expect, it } from 'vitest';
import type { ParagraphRevision } from '../../../shared/outcome';
import { renameDevice } from '../../../main/core/sync/deviceIdentity';
import { snapshot, tempCore } from '../helpers/tempCore';
import { call, documentWithPoints, refusal, send, twoLaptops } from './draftingFixture';

describe('paragraph history', () => {
  it('lists every version of the text in one language, newest first, with author, time and which are live', async () => {
    let now = Date.UTC(2026, 2, 2, 9, 0, 0);
    const ctx = await tempCore({ wallClock: () => now });
    renameDevice(ctx.db, 'Rapporteur A');
    const { ids } = await documentWithPoints(1, ctx);
    const id = ids[0] ?? '';
    for (const text of ['Point 1, second draft', 'Point 1, third draft']) {
      now += 60_000;
      await call(ctx, 'paragraphs:update', { id, text: { en: text } });
    }
    await call(ctx, 'paragraphs:update', { id, text: { zh: '第一点' } });
    const history = await call<ParagraphRevision[]>(ctx, 'paragraphs:history', { id, lang: 'en' });
    expect(history.map((r) => [r.text, r.live, r.author, r.device])).toEqual([
      ['Point 1, third draft', true, 'Rapporteur A', ctx.deviceId],
      ['Point 1, second draft', false, 'Rapporteur A', ctx.deviceId],
      ['Point 1', false, 'Rapporteur A', ctx.deviceId],
    ]);
    expect(history[0]?.at).toBe('2026-03-02T09:02:00.000Z');
    expect(history[0]?.id).toMatch(new RegExp(`^${ctx.deviceId}/\\d{15}-[0-9a-f]{4}$`));
    expect((await call<ParagraphRevision[]>(ctx, 'paragraphs:history', { id, lang: 'zh' })).map((r) => r.text)).toEqual(['第一点']);
    expect(await call(ctx, 'paragraphs:history', { id, lang: 'es' })).toEqual([]);
  });

  it('keeps both concurrent edits live, named after the laptop they came from', async () => {
    const { a, b, forum, ids } = await twoLaptops(1);
    const id = ids[0] ?? '';
    renameDevice(b.db, 'Rapporteur B');
    await call(a, 'paragraphs:update', { id, text: { en: 'Point 1 as A sees it' } });
    await call(b, 'paragraphs:update', { id, text: { en: 'Point 1 as B sees it' } });
    await send(b, a, forum.id);
    const history = await call<ParagraphRevision[]>(a, 'paragraphs:history', { id, lang: 'en' });
    expect(history).toHaveLength(3);
    expect(history.filter((r) => r.live).map((r) => r.text).sort()).toEqual(['Point 1 as A sees it', 'Point 1 as B sees it']);
    expect(history.find((r) => r.text === 'Point 1 as B sees it')?.author).toBe('Rapporteur B');
    expect(history.at(-1)).toMatchObject({ text: 'Point 1', live: false });
    // Settling keeps the history and leaves one version live.
    await call(a, 'prose:choose', { table: 'outcome_paragraphs', rowId: id, cell: 'text@en', text: 'Point 1 as both see it' });
    const settled = await call<ParagraphRevision[]>(a, 'paragraphs:history', { id, lang: 'en' });
    expect(settled.map((r) => [r.text, r.live])).toEqual([
      ['Point 1 as both see it', true],
      ...history.map((r) => [r.text, false]),
    ]);
  });

  it('answers not_found for an unknown paragraph and refuses a malformed language, changing nothing', async () => {
    const { ctx, ids } = await documentWithPoints(1);
    const before = snapshot(ctx);
    expect((await refusal(ctx, 'paragraphs:history', { id: 'no-such-paragraph', lang: 'en' })).code).toBe('not_found');
    expect(await refusal(ctx, 'paragraphs:history', { id: ids[0], lang: 'not a language' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'lang' }] });
    expect(snapshot(ctx)).toBe(before);
  });
});
