import { describe, expect, it } from 'vitest';
import type { Forum } from '../../../shared/forum';
import type { CoverageRow, OutcomeDocument } from '../../../shared/outcome';
import { snapshot, tempCore } from '../helpers/tempCore';
import { addKeyMessage, addParagraph, addSession, call, createDocument, refusal, trilingualForum } from './draftingFixture';

describe('coverage of the sessions by a document', () => {
  it('lists every session but breaks in agenda order with its messages and the paragraphs drawing on them', async () => {
    const { ctx, forum } = await trilingualForum();
    const document = await createDocument(ctx, forum.id);
    const other = await createDocument(ctx, forum.id, { title: { en: 'Other' } });
    const afternoon = addSession(ctx, forum.id, 'Afternoon', '2026-03-02', '14:00', 'parallel');
    const morning = addSession(ctx, forum.id, 'Morning', '2026-03-02', '09:00');
    addSession(ctx, forum.id, 'Coffee', '2026-03-02', '10:30', 'break');
    const empty = addSession(ctx, forum.id, 'Side event', '2026-03-03', '09:00', 'side_event');
    const m1 = addKeyMessage(ctx, forum.id, morning, { en: 'Broadband.' });
    const m2 = addKeyMessage(ctx, forum.id, afternoon, { en: 'Markets.' });
    const m3 = addKeyMessage(ctx, forum.id, afternoon, { en: 'Heritage.' });
    const heading = await addParagraph(ctx, document.id, { en: 'Economy' }, { kind: 'heading', keyMessageIds: [m2] });
    const point = await addParagraph(ctx, document.id, { en: 'Markets matter.' }, { after: heading.id, keyMessageIds: [m3, m2] });
    await addParagraph(ctx, other.id, { en: 'Broadband matters.' }, { keyMessageIds: [m1] });
    const rows = await call<CoverageRow[]>(ctx, 'outcome:coverage', { documentId: document.id });
    expect(rows.map((r) => [r.title.en, r.kind, r.keyMessages, r.paragraphs])).toEqual([
      ['Morning', 'plenary', 1, []],
      ['Afternoon', 'parallel', 2, [{ id: heading.id, number: null, kind: 'heading' }, { id: point.id, number: 1, kind: 'numbered' }]],
      ['Side event', 'side_event', 0, []],
    ]);
    expect(rows[2]?.sessionId).toBe(empty);
    expect(rows[0]).toMatchObject({ sessionId: morning, day: '2026-03-02', startTime: '09:00' });
  });

  it('follows merges, leaves out deleted paragraphs and messages, and reads unknown documents as not_found', async () => {
    const { ctx, forum } = await trilingualForum();
    const document = await createDocument(ctx, forum.id);
    const morning = addSession(ctx, forum.id, 'Morning', '2026-03-02', '09:00');
    const afternoon = addSession(ctx, forum.id, 'Afternoon', '2026-03-02', '14:00');
    const kept = addKeyMessage(ctx, forum.id, afternoon, { en: 'Markets.' });
    const merged = addKeyMessage(ctx, forum.id, morning, { en: 'Local markets.' });
    const point = await addParagraph(ctx, document.id, { en: 'Markets matter.' }, { keyMessageIds: [merged] });
    await call(ctx, 'keyMessages:merge', { keepId: kept, mergeId: merged });
    const counts = async () => (await call<CoverageRow[]>(ctx, 'outcome:coverage', { documentId: document.id })).map((r) => [r.title.en, r.keyMessages, r.paragraphs.length]);
    expect(await counts()).toEqual([
      ['Morning', 0, 0],
      ['Afternoon', 1, 1],
    ]);
    await call(ctx, 'paragraphs:setDeleted', { id: point.id, deleted: true });
    expect(await counts()).toEqual([
      ['Morning', 0, 0],
      ['Afternoon', 1, 0],
    ]);
    const before = snapshot(ctx);
    expect((await refusal(ctx, 'outcome:coverage', { documentId: 'no-such-document' })).code).toBe('not_found');
    expect(snapshot(ctx)).toBe(before);
  });

  it('flags one session of the demo forum: Parallel Session D, whose key messages no paragraph draws on yet', async () => {
    const ctx = await tempCore();
    const forum = await call<Forum>(ctx, 'demo:create', {});
    const [document] = await call<Array<{ id: string }>>(ctx, 'outcome:list', { forumId: forum.id });
    expect(document?.id).toBe(forum.id);
    const rows = await call<CoverageRow[]>(ctx, 'outcome:coverage', { documentId: forum.id });
    expect(rows).toHaveLength(10);
    const flagged = rows.filter((r) => r.keyMessages > 0 && r.paragraphs.length === 0);
    expect(flagged.map((r) => r.title.en)).toEqual(['Parallel Session D: Territorial Food Systems and Short Supply Chains']);
    const doc = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: forum.id });
    expect(doc.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc.paragraphs.every((p) => !/^(First|Second|Third|Fourth|Fifth|Sixth),/.test(p.text.en ?? ''))).toBe(true);
    expect(doc).toMatchObject({ kind: 'consensus', numbering: 'ordinal', title: { en: 'Songyang Consensus 2026 on Urban-Rural Linkages' }, startDate: '2026-11-23', endDate: '2026-11-25' });
    expect(doc.paragraphs[4]?.translations).toEqual({ zh: 'current', es: 'missing' });
  });
});
