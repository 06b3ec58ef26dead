import { describe, expect, it } from 'vitest';
import type { DraftParagraph, OutcomeDocument } from '../../../shared/outcome';
import { referenceText } from '../../../shared/paragraphPlace';
import { referenceToken } from '../../../shared/paragraphRefs';
import { rolesAllowedFor } from '../../../shared/roles';
import { updateParagraph } from '../../../main/core/store/outcomeParagraphs';
import { snapshot } from '../helpers/tempCore';
import { addParagraph, call, createDocument, documentWithPoints, refusal, send, trilingualForum, twoLaptops } from '../drafting/draftingFixture';
import type { CoreContext } from '../../../main/core/coreContext';

const get = (ctx: CoreContext, documentId: string) => call<OutcomeDocument>(ctx, 'outcome:get', { documentId });
const update = (ctx: CoreContext, input: Record<string, unknown>) => call<DraftParagraph>(ctx, 'paragraphs:update', input);
const alternative = (ctx: CoreContext, id: string, text: string, proposers: string[] = []) =>
  call<DraftParagraph>(ctx, 'paragraphs:addAlternative', { id, text: { en: text }, proposers });
/** Each shown paragraph as "label text" in English. */
const printed = (doc: OutcomeDocument) => doc.paragraphs.map((p) => `${referenceText(p.place, 'en') || '-'} ${p.text.en ?? ''}`);

describe('roles and levels', () => {
  it('numbers PPs and OPs in one count or apart, as the document chooses, and stores the role as a cell', async () => {
    const { ctx, document, ids } = await documentWithPoints(4);
    await update(ctx, { id: ids[0], role: 'preambular' });
    await update(ctx, { id: ids[1], role: 'preambular' });
    await update(ctx, { id: ids[2], role: 'operative' });
    await update(ctx, { id: ids[3], role: 'operative' });
    expect(printed(await get(ctx, document.id))).toEqual(['1 Point 1', '2 Point 2', '3 Point 3', '4 Point 4']);
    const { id: _i, forumId: _f, languages: _l, sourceLanguage: _s, translations: _t, paragraphs: _p, counts: _c, places: _pl, ...fields } = await get(ctx, document.id);
    await call(ctx, 'outcome:update', { documentId: document.id, document: { ...fields, roleNumbering: 'separate', openingStyle: 'underline' } });
    const separate = await get(ctx, document.id);
    expect(separate).toMatchObject({ roleNumbering: 'separate', openingStyle: 'underline' });
    expect(printed(separate)).toEqual(['PP1 Point 1', 'PP2 Point 2', 'OP1 Point 3', 'OP2 Point 4']);
    expect(separate.paragraphs.map((p) => p.role)).toEqual(['preambular', 'preambular', 'operative', 'operative']);
  });

  it('makes sub-paragraphs (a), (b) and (i) from a level, never deeper than one below the paragraph before', async () => {
    const { ctx, document, ids } = await documentWithPoints(6);
    await update(ctx, { id: ids[1], level: 1 });
    await update(ctx, { id: ids[2], level: 2 });
    await update(ctx, { id: ids[3], level: 1 });
    await update(ctx, { id: ids[5], level: 2 });
    const doc = await get(ctx, document.id);
    // Point 6 asks for level 2 right after a paragraph: it prints at level 1.
    expect(printed(doc)).toEqual(['1 Point 1', '1 (a) Point 2', '1 (a) (i) Point 3', '1 (b) Point 4', '2 Point 5', '2 (a) Point 6']);
    expect(doc.paragraphs.map((p) => p.number)).toEqual([1, null, null, null, 2, null]);
    expect(doc.paragraphs.map((p) => p.level)).toEqual([0, 1, 2, 1, 0, 1]);
  });

  it('refuses an unknown role, a level out of range and a sub-heading, changing nothing', async () => {
    const { ctx, ids } = await documentWithPoints(2);
    const heading = await addParagraph(ctx, (await get(ctx, (await call<DraftParagraph>(ctx, 'paragraphs:update', { id: ids[0] })).documentId)).id, { en: 'Part' }, { kind: 'heading' });
    const before = snapshot(ctx);
    expect(await refusal(ctx, 'paragraphs:update', { id: ids[0], role: 'introductory' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'role', message: 'validation.unknownRole' }] });
    expect(() => updateParagraph(ctx, ids[0] ?? '', { role: 'introductory' as never })).toThrow(/Unknown paragraph role "introductory"/);
    expect((await refusal(ctx, 'paragraphs:update', { id: ids[0], level: 3 })).code).toBe('invalid_input');
    expect(await refusal(ctx, 'paragraphs:update', { id: heading.id, level: 1 })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'level', message: 'validation.headingLevel' }] });
    expect(snapshot(ctx)).toBe(before);
  });
});

describe('alternatives', () => {
  it('labels a paragraph’s alternatives bis and ter after it, with their proposers, and agreeing one withdraws the others', async () => {
    const { ctx, document, ids } = await documentWithPoints(3);
    const bis = await alternative(ctx, ids[1] ?? '', 'Point 2, as Kenya would have it', ['Kenya']);
    const ter = await alternative(ctx, ids[1] ?? '', 'Point 2, as Chile would have it', ['Chile', 'Peru']);
    let doc = await get(ctx, document.id);
    expect(printed(doc)).toEqual(['1 Point 1', '2 Point 2', '2 bis Point 2, as Kenya would have it', '2 ter Point 2, as Chile would have it', '3 Point 3']);
    expect(doc.paragraphs.map((p) => [p.alternativeOf, p.inNegotiation])).toEqual([[null, false], [null, true], [ids[1], true], [ids[1], true], [null, false]]);
    expect(doc.paragraphs[3]?.proposers).toEqual(['Chile', 'Peru']);
    expect(doc.counts).toEqual({ agreed: 0, adRef: 0, bracketed: 1, open: 2 });
    // A new paragraph "after" an alternative follows the whole group.
    await addParagraph(ctx, document.id, { en: 'Point 2.5' }, { after: bis.id });
    await update(ctx, { id: ter.id, status: 'agreed_ad_ref' });
    doc = await get(ctx, document.id);
    expect(printed(doc)).toEqual(['1 Point 1', '2 Point 2, as Chile would have it', '3 Point 2.5', '4 Point 3']);
    expect(doc.paragraphs[1]).toMatchObject({ id: ter.id, status: 'agreed_ad_ref', inNegotiation: false, alternativeOf: null, number: 2 });
    expect(doc.counts).toEqual({ agreed: 0, adRef: 1, bracketed: 0, open: 3 });
    // A reference to a withdrawn alternative prints its paragraph's number.
    expect(doc.places[bis.id]).toEqual(doc.places[ter.id]);
    await update(ctx, { id: ter.id, status: 'agreed' });
    expect((await get(ctx, document.id)).counts).toEqual({ agreed: 1, adRef: 0, bracketed: 0, open: 3 });
  });

  it('two laptops adding alternatives to the same paragraph keep both and label them alike once they have exchanged bundles', async () => {
    const { a, b, forum, document, ids } = await twoLaptops(2);
    await alternative(a, ids[0] ?? '', 'A’s wording', ['Kenya']);
    await alternative(b, ids[0] ?? '', 'B’s wording', ['Chile']);
    await send(a, b, forum.id);
    await send(b, a, forum.id);
    const onA = await get(a, document.id);
    expect(await get(b, document.id)).toEqual(onA);
    expect(printed(onA).slice(0, 3).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['1 Point', '1 bis', '1 ter']);
    expect(onA.paragraphs.filter((p) => p.alternativeOf === ids[0]).map((p) => p.text.en).sort()).toEqual(['A’s wording', 'B’s wording']);
  });

  it('refuses a bis on a paragraph deleted on another laptop, changing nothing', async () => {
    const { a, b, forum, ids } = await twoLaptops(2);
    await call(b, 'paragraphs:setDeleted', { id: ids[1], deleted: true });
    await send(b, a, forum.id);
    const before = snapshot(a);
    expect(await refusal(a, 'paragraphs:addAlternative', { id: ids[1], text: { en: 'Too late' }, proposers: ['Kenya'] })).toMatchObject({ code: 'not_found' });
    expect(snapshot(a)).toBe(before);
  });

  it('hides an alternative whose paragraph another laptop deleted meanwhile, and refuses an alternative of an alternative', async () => {
    const { a, b, forum, document, ids } = await twoLaptops(2);
    const bis = await alternative(a, ids[1] ?? '', 'Kept aside');
    await call(b, 'paragraphs:setDeleted', { id: ids[1], deleted: true });
    await send(b, a, forum.id);
    expect(printed(await get(a, document.id))).toEqual(['1 Point 1']);
    const { ctx, ids: others } = await documentWithPoints(1);
    const own = await alternative(ctx, others[0] ?? '', 'Other');
    const before = snapshot(ctx);
    expect(await refusal(ctx, 'paragraphs:addAlternative', { id: own.id, text: { en: 'x' }, proposers: [] })).toMatchObject({ issues: [{ message: 'validation.alternativeOfAlternative' }] });
    expect(snapshot(ctx)).toBe(before);
    expect(bis.alternativeOf).toBe(ids[1]);
  });

  it('leaves withdrawing to the chair, as the status is', () => {
    expect(rolesAllowedFor('outcome_paragraphs', ['withdrawn'])).toEqual(['chair']);
    expect(rolesAllowedFor('outcome_paragraphs', ['role', 'level', 'proposers', 'alternative_of'])).toEqual(['drafter']);
  });
});

describe('cross-references', () => {
  it('print the paragraph’s current number, renumbered after a move, and survive a deleted target', async () => {
    const { ctx, document, ids } = await documentWithPoints(3);
    await update(ctx, { id: ids[0], text: { en: `As stated in paragraph ${referenceToken(ids[2] ?? '')}, we act.` } });
    expect((await get(ctx, document.id)).places[ids[2] ?? '']).toMatchObject({ number: 3 });
    await call(ctx, 'paragraphs:move', { id: ids[2], after: null, before: ids[0] });
    const moved = await get(ctx, document.id);
    expect(referenceText(moved.places[ids[2] ?? ''] ?? { number: null, countedAs: null, suffix: 0, path: [] }, 'en')).toBe('1');
    await call(ctx, 'paragraphs:setDeleted', { id: ids[2], deleted: true });
    const after = await get(ctx, document.id);
    expect(after.places[ids[2] ?? '']).toBeUndefined();
    expect(after.paragraphs[0]?.text.en).toContain(referenceToken(ids[2] ?? ''));
  });

  it('refuses a reference to another forum’s paragraph or to none, changing nothing', async () => {
    const { ctx, ids } = await documentWithPoints(1);
    const { forum: other } = await trilingualForum(ctx);
    const otherDocument = await createDocument(ctx, other.id);
    const foreign = await addParagraph(ctx, otherDocument.id, { en: 'Elsewhere' });
    const before = snapshot(ctx);
    expect(await refusal(ctx, 'paragraphs:update', { id: ids[0], text: { en: `See ${referenceToken(foreign.id)}.` } })).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'text.en', message: 'validation.paragraphReference' }],
    });
    expect((await refusal(ctx, 'paragraphs:update', { id: ids[0], text: { en: `See ${referenceToken('nowhere-123')}.` } })).message).toMatch(/no such paragraph/);
    expect(snapshot(ctx)).toBe(before);
  });
});
