import { describe, expect, it } from 'vitest';
import type { OutcomeDocument } from '../../../shared/outcome';
import { writeRow } from '../../../main/core/store/changeLog';
import { snapshot, tempCore } from '../helpers/tempCore';
import { addParagraph, call, createDocument, documentInput, refusal, send, trilingualForum } from './draftingFixture';

const changedCells = (ctx: Awaited<ReturnType<typeof tempCore>>, documentId: string) =>
  (ctx.db.prepare("SELECT cells FROM changes WHERE tbl = 'outcome_documents' AND row_id = ? ORDER BY seq").pluck().all(documentId) as string[]).map(
    (cells) => Object.keys(JSON.parse(cells) as Record<string, unknown>).sort(),
  );

describe('outcome documents', () => {
  it('creates the forum’s first document under the forum’s own id, later ones under fresh ids, and lists them in that order', async () => {
    const { ctx, forum } = await trilingualForum();
    expect(await call(ctx, 'outcome:list', { forumId: forum.id })).toEqual([]);
    const first = await createDocument(ctx, forum.id);
    expect(first).toMatchObject({
      id: forum.id,
      forumId: forum.id,
      kind: 'communique',
      title: documentInput.title,
      place: documentInput.place,
      coOrganisers: documentInput.coOrganisers,
      numbering: 'ordinal',
      languages: ['en', 'zh', 'es'],
      sourceLanguage: 'en',
      paragraphs: [],
    });
    expect(first.translations.title).toEqual({ zh: 'missing', es: 'current' });
    expect(first.translations.closing).toEqual({});
    const second = await createDocument(ctx, forum.id, { kind: 'declaration', title: { en: 'Declaration' } });
    expect(second.id).not.toBe(forum.id);
    await addParagraph(ctx, first.id, { en: 'A point.' });
    expect(await call(ctx, 'outcome:list', { forumId: forum.id })).toEqual([
      { id: forum.id, kind: 'communique', title: documentInput.title, paragraphs: 1 },
      { id: second.id, kind: 'declaration', title: { en: 'Declaration' }, paragraphs: 0 },
    ]);
  });

  it('makes one document when two laptops create “the” outcome document at once', async () => {
    const { ctx: a, forum } = await trilingualForum();
    const b = await tempCore();
    await send(a, b, forum.id);
    await createDocument(a, forum.id, { title: { en: 'From A' } });
    await createDocument(b, forum.id, { title: { en: 'From B' }, numbering: 'numbers' });
    await send(a, b, forum.id);
    await send(b, a, forum.id);
    const listA = await call<Array<{ id: string }>>(a, 'outcome:list', { forumId: forum.id });
    expect(listA.map((d) => d.id)).toEqual([forum.id]);
    expect(await call(b, 'outcome:get', { documentId: forum.id })).toEqual(await call(a, 'outcome:get', { documentId: forum.id }));
  });

  it('records only the cells an update changes, so a concurrent edit elsewhere survives', async () => {
    const { ctx, forum } = await trilingualForum();
    const document = await createDocument(ctx, forum.id);
    const { id: _id, forumId: _f, languages: _l, sourceLanguage: _s, translations: _t, paragraphs: _p, counts: _c, places: _pl, ...fields } = document;
    const updated = await call<OutcomeDocument>(ctx, 'outcome:update', {
      documentId: document.id,
      document: { ...fields, title: { en: 'Mérida Communiqué', zh: '梅里达公报' }, place: { en: 'Mérida, Yucatán' }, numbering: 'numbers' },
    });
    expect(updated.title).toEqual({ en: 'Mérida Communiqué', zh: '梅里达公报' });
    expect(updated.place).toEqual({ en: 'Mérida, Yucatán' });
    expect(updated.numbering).toBe('numbers');
    // The title's Spanish was left out: removed. Nothing else was written.
    expect(changedCells(ctx, document.id).at(-1)).toEqual(['numbering', 'place@es', 'title@es', 'title@zh']);
    const before = snapshot(ctx);
    await call(ctx, 'outcome:update', { documentId: document.id, document: { ...fields, title: updated.title, place: updated.place, numbering: 'numbers' } });
    expect(snapshot(ctx)).toBe(before);
  });

  it.each([
    ['a title in a language the forum does not work in', { title: { en: 'Communiqué', fr: 'Communiqué' } }, 'title.fr', 'validation.notWorkingLanguage'],
    ['a preamble in Arabic', { preamble: { ar: 'نحن' } }, 'preamble.ar', 'validation.notWorkingLanguage'],
    // The contract's own checks name the field within the input; the store's, within the document.
    ['an end before the start', { endDate: '2026-03-01' }, 'document.endDate', 'validation.endBeforeStart'],
    ['an unknown numbering', { numbering: 'roman' }, 'document.numbering', 'validation.required'],
    ['a date that does not exist', { startDate: '2026-02-30' }, 'document.startDate', 'validation.date'],
  ])('refuses %s on create and update, changing nothing', async (_label, patch, path, message) => {
    const { ctx, forum } = await trilingualForum();
    const document = await createDocument(ctx, forum.id);
    const before = snapshot(ctx);
    for (const [name, input] of [
      ['outcome:create', { forumId: forum.id, document: { ...documentInput, ...patch } }],
      ['outcome:update', { documentId: document.id, document: { ...documentInput, ...patch } }],
    ] as const) {
      const error = await refusal(ctx, name, input);
      expect(error.code).toBe('invalid_input');
      expect(error.issues).toContainEqual({ path, message });
    }
    expect(snapshot(ctx)).toBe(before);
  });

  it('answers not_found for an unknown forum or document, changing nothing', async () => {
    const { ctx, forum } = await trilingualForum();
    const before = snapshot(ctx);
    expect((await refusal(ctx, 'outcome:create', { forumId: 'no-such-forum', document: documentInput })).code).toBe('not_found');
    expect((await refusal(ctx, 'outcome:update', { documentId: forum.id, document: documentInput })).code).toBe('not_found');
    expect((await refusal(ctx, 'outcome:get', { documentId: 'no-such-document' })).code).toBe('not_found');
    expect((await refusal(ctx, 'outcome:list', { forumId: 'no-such-forum' })).code).toBe('not_found');
    expect(snapshot(ctx)).toBe(before);
  });

  it('marks header translations missing, and outdated when the source changed after them', async () => {
    const { ctx, forum } = await trilingualForum();
    const document = await createDocument(ctx, forum.id, { subtitle: { en: 'Villages', zh: '村庄', es: 'Aldeas' } });
    expect(document.translations.subtitle).toEqual({ zh: 'current', es: 'current' });
    writeRow(ctx, 'outcome_documents', document.id, { subtitle: { en: 'Living villages' } });
    writeRow(ctx, 'outcome_documents', document.id, { subtitle: { es: 'Aldeas vivas' } });
    const after = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: document.id });
    expect(after.translations.subtitle).toEqual({ zh: 'outdated', es: 'current' });
    expect(after.translations.leadIn).toEqual({ zh: 'missing', es: 'missing' });
  });
});
