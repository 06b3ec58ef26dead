import { describe, expect, it } from 'vitest';
import type { Amendment } from '../../../shared/amendments';
import type { ParagraphRevision } from '../../../shared/outcome';
import { insertedParagraphId } from '../../../main/core/store/amendments';
import { writeRow } from '../../../main/core/store/changeLog';
import { snapshot, tempCore } from '../helpers/tempCore';
import { call, decide, documentOf, drafting, listAmendments, point1, point2, propose, refusal, send } from './amendmentFixture';

const texts = async (ctx: Parameters<typeof documentOf>[0], documentId: string) => (await documentOf(ctx, documentId)).paragraphs.map((p) => p.text.en);

describe('proposing and listing amendments', () => {
  it('records a replacement against the paragraph’s current text, with its proposer', async () => {
    const { ctx, paragraphs, delegate } = await drafting();
    const before = Date.now();
    const amendment = await propose(ctx, {
      paragraphId: paragraphs[0],
      text: 'We recognise that urban and rural areas are interdependent.',
      proposer: { participantId: delegate.id, name: '' },
      rationale: ' Closer to the 2019 wording. ',
    });
    expect(amendment).toMatchObject({
      paragraphId: paragraphs[0],
      kind: 'replace',
      lang: 'en',
      baseText: point1,
      proposer: { participantId: delegate.id, name: 'Republic of Senegal' },
      rationale: 'Closer to the 2019 wording.',
      status: 'open',
      decidedAt: null,
      stale: false,
      alternatives: [],
    });
    expect(Date.parse(amendment.createdAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('makes one amendment when a proposal is retried with its id (the first answer was lost), and refuses another paragraph’s id', async () => {
    const { ctx, paragraphs } = await drafting();
    const input = { paragraphId: paragraphs[0], text: 'We recognise that urban and rural areas are interdependent.', id: 'client-chosen-amendment-id' };
    const first = await propose(ctx, input);
    expect(first).toMatchObject({ id: 'client-chosen-amendment-id', status: 'open' });
    const before = snapshot(ctx);
    expect(await propose(ctx, input)).toEqual(first);
    expect(snapshot(ctx)).toBe(before);
    expect(await listAmendments(ctx, paragraphs[0])).toHaveLength(1);
    // Decided since, the retry still finds it as it is now, and changes nothing.
    await decide(ctx, first.id, 'rejected');
    const decided = snapshot(ctx);
    expect(await propose(ctx, input)).toMatchObject({ id: first.id, status: 'rejected' });
    expect(snapshot(ctx)).toBe(decided);

    const error = await refusal(ctx, 'amendments:propose', { ...input, kind: 'replace', lang: 'en', proposer: { participantId: null, name: 'Kenya' }, rationale: '', paragraphId: paragraphs[1] });
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'id', message: 'validation.invalid' }] });
    expect(snapshot(ctx)).toBe(decided);
  });

  it('lists a paragraph’s amendments oldest first, whatever their status, and counts them on the paragraph', async () => {
    const { ctx, paragraphs, documentId } = await drafting();
    const a = await propose(ctx, { paragraphId: paragraphs[1], text: 'We call for integrated planning.' });
    const b = await propose(ctx, { paragraphId: paragraphs[1], kind: 'delete', text: '', proposer: { participantId: null, name: 'Chile' } });
    const c = await propose(ctx, { paragraphId: paragraphs[1], kind: 'insert_after', text: 'We invite UN-Habitat to report back.' });
    await decide(ctx, b.id, 'rejected');
    const list = await listAmendments(ctx, paragraphs[1]);
    expect(list.map((x) => [x.id, x.kind, x.status])).toEqual([
      [a.id, 'replace', 'open'],
      [b.id, 'delete', 'rejected'],
      [c.id, 'insert_after', 'open'],
    ]);
    expect(list[1]?.proposer).toEqual({ participantId: null, name: 'Chile' });
    expect(await listAmendments(ctx, paragraphs[0])).toEqual([]);
    const doc = await documentOf(ctx, documentId);
    expect(doc.paragraphs[1]?.amendments).toEqual({ open: 2, total: 3 });
  });

  it('keeps the proposer’s edits while open, and refuses them once decided', async () => {
    const { ctx, paragraphs } = await drafting();
    const a = await propose(ctx, { paragraphId: paragraphs[0], text: 'First draft of the change.' });
    const edited = await call<Amendment>(ctx, 'amendments:update', { id: a.id, text: 'Second draft of the change.', rationale: 'Clearer.' });
    expect(edited).toMatchObject({ text: 'Second draft of the change.', rationale: 'Clearer.', status: 'open' });
    await decide(ctx, a.id, 'withdrawn');
    const kept = snapshot(ctx);
    const error = await call(ctx, 'amendments:update', { id: a.id, text: 'Third draft.' }).catch((e: Error) => e.message);
    expect(error).toMatch(/^invalid_input: .*withdrawn.*reopen/);
    expect(snapshot(ctx)).toBe(kept);
  });
});

describe('deciding amendments', () => {
  it('accepting a replacement makes a new revision of the paragraph', async () => {
    const { ctx, paragraphs } = await drafting();
    const a = await propose(ctx, { paragraphId: paragraphs[0], text: 'Urban and rural areas depend on each other.' });
    const { amendment, paragraph } = await decide(ctx, a.id, 'accepted');
    expect(amendment.status).toBe('accepted');
    expect(amendment.decidedAt).not.toBeNull();
    expect(amendment.stale).toBe(false);
    expect(paragraph?.text.en).toBe('Urban and rural areas depend on each other.');
    expect(paragraph?.amendments).toEqual({ open: 0, total: 1 });
    const history = await call<ParagraphRevision[]>(ctx, 'paragraphs:history', { id: paragraphs[0], lang: 'en' });
    expect(history.map((r) => r.text)).toEqual(['Urban and rural areas depend on each other.', point1]);
  });

  it('keeps competing amendments: accepting one leaves the other open and stale, and accepting that one needs a review', async () => {
    const { ctx, paragraphs } = await drafting();
    const a = await propose(ctx, { paragraphId: paragraphs[0], text: 'Version A of point one.', proposer: { participantId: null, name: 'Kenya' } });
    const b = await propose(ctx, { paragraphId: paragraphs[0], text: 'Version B of point one.', proposer: { participantId: null, name: 'Chile' } });
    await decide(ctx, a.id, 'accepted');
    const [, other] = await listAmendments(ctx, paragraphs[0]);
    expect(other).toMatchObject({ id: b.id, status: 'open', stale: true, baseText: point1 });

    const kept = snapshot(ctx);
    const refused = await decide(ctx, b.id, 'accepted').catch((e: Error) => e.message);
    expect(refused).toMatch(/^amendment_stale: /);
    const wrongReview = await decide(ctx, b.id, 'accepted', point1).catch((e: Error) => e.message);
    expect(wrongReview).toMatch(/^amendment_stale: /);
    expect(snapshot(ctx)).toBe(kept);

    const { amendment, paragraph } = await decide(ctx, b.id, 'accepted', 'Version A of point one.');
    expect(paragraph?.text.en).toBe('Version B of point one.');
    expect(amendment).toMatchObject({ status: 'accepted', stale: false, baseText: 'Version A of point one.' });
    expect((await listAmendments(ctx, paragraphs[0])).map((x) => x.status)).toEqual(['accepted', 'accepted']);

    // Reopening the second gives back what the chair saw when accepting it.
    const reopened = await decide(ctx, b.id, 'open');
    expect(reopened.paragraph?.text.en).toBe('Version A of point one.');
    expect(reopened.amendment).toMatchObject({ status: 'open', decidedAt: null, stale: false });
  });

  it('accepting an insertion adds a numbered draft paragraph after it; reopening takes it away and accepting again brings it back', async () => {
    const { ctx, paragraphs, documentId } = await drafting();
    const a = await propose(ctx, { paragraphId: paragraphs[0], kind: 'insert_after', text: 'We value cultural heritage.' });
    const { paragraph } = await decide(ctx, a.id, 'accepted');
    expect(paragraph?.id).toBe(paragraphs[0]);
    const doc = await documentOf(ctx, documentId);
    expect(doc.paragraphs.map((p) => [p.text.en, p.number, p.kind, p.status])).toEqual([
      [point1, 1, 'numbered', 'draft'],
      ['We value cultural heritage.', 2, 'numbered', 'draft'],
      [point2, 3, 'numbered', 'draft'],
    ]);
    expect(doc.paragraphs[1]?.id).toBe(insertedParagraphId(a.id));

    await decide(ctx, a.id, 'open');
    expect(await texts(ctx, documentId)).toEqual([point1, point2]);
    await decide(ctx, a.id, 'accepted');
    const again = await documentOf(ctx, documentId);
    expect(again.paragraphs.map((p) => p.id)).toEqual([paragraphs[0], insertedParagraphId(a.id), paragraphs[1]]);
  });

  it('accepting a deletion removes the paragraph; reopening restores it', async () => {
    const { ctx, paragraphs, documentId } = await drafting();
    const a = await propose(ctx, { paragraphId: paragraphs[0], kind: 'delete', text: 'ignored for a deletion' });
    expect(a.text).toBe('');
    const { paragraph } = await decide(ctx, a.id, 'accepted');
    expect(paragraph).toMatchObject({ id: paragraphs[0], number: null });
    expect(await texts(ctx, documentId)).toEqual([point2]);
    expect((await documentOf(ctx, documentId)).paragraphs[0]?.number).toBe(1);
    await decide(ctx, a.id, 'open');
    expect(await texts(ctx, documentId)).toEqual([point1, point2]);
  });

  it('rejecting and withdrawing change the status alone, and either can be reopened', async () => {
    const { ctx, paragraphs } = await drafting();
    const a = await propose(ctx, { paragraphId: paragraphs[0], text: 'Rejected wording.' });
    const b = await propose(ctx, { paragraphId: paragraphs[0], kind: 'delete' });
    const paragraphRow = () => ctx.db.prepare('SELECT * FROM outcome_paragraphs ORDER BY id').all();
    const kept = paragraphRow();
    expect((await decide(ctx, a.id, 'rejected')).amendment.status).toBe('rejected');
    expect((await decide(ctx, b.id, 'withdrawn')).amendment.status).toBe('withdrawn');
    expect(paragraphRow()).toEqual(kept);
    const reopened = await decide(ctx, a.id, 'open');
    expect(reopened.amendment).toMatchObject({ status: 'open', decidedAt: null });
    expect(paragraphRow()).toEqual(kept);
  });

  it('moves a rejected amendment straight to accepted, and an accepted one to rejected by taking its effect back', async () => {
    const { ctx, paragraphs } = await drafting();
    const a = await propose(ctx, { paragraphId: paragraphs[0], text: 'Second thoughts.' });
    await decide(ctx, a.id, 'rejected');
    expect((await decide(ctx, a.id, 'accepted')).paragraph?.text.en).toBe('Second thoughts.');
    expect((await decide(ctx, a.id, 'rejected')).paragraph?.text.en).toBe(point1);
  });

  it('refuses to take back an acceptance once the paragraph was edited since, changing nothing', async () => {
    const { ctx, paragraphs } = await drafting();
    const a = await propose(ctx, { paragraphId: paragraphs[0], text: 'Accepted wording.' });
    const b = await propose(ctx, { paragraphId: paragraphs[1], kind: 'insert_after', text: 'Inserted point.' });
    await decide(ctx, a.id, 'accepted');
    await decide(ctx, b.id, 'accepted');
    await call(ctx, 'paragraphs:update', { id: paragraphs[0], text: { en: 'Accepted wording, then edited.' } });
    await call(ctx, 'paragraphs:update', { id: insertedParagraphId(b.id), text: { en: 'Inserted point, then edited.' } });
    const kept = snapshot(ctx);
    for (const id of [a.id, b.id]) {
      for (const decision of ['open', 'rejected']) {
        expect(await decide(ctx, id, decision).catch((e: Error) => e.message)).toMatch(/^amendment_stale: /);
      }
    }
    expect(snapshot(ctx)).toBe(kept);
  });

  it('is idempotent: deciding what is already decided writes nothing', async () => {
    const { ctx, paragraphs } = await drafting();
    const a = await propose(ctx, { paragraphId: paragraphs[0], text: 'Once.' });
    await decide(ctx, a.id, 'accepted');
    const kept = snapshot(ctx);
    await decide(ctx, a.id, 'accepted');
    expect(snapshot(ctx)).toBe(kept);
  });

  it('amends a translation and leaves the other languages alone', async () => {
    const { ctx, paragraphs } = await drafting();
    await call(ctx, 'paragraphs:update', { id: paragraphs[0], text: { fr: 'Nous reconnaissons l’interdépendance.' } });
    const a = await propose(ctx, { paragraphId: paragraphs[0], lang: 'fr', text: 'Nous reconnaissons que les zones urbaines et rurales sont interdépendantes.' });
    expect(a.baseText).toBe('Nous reconnaissons l’interdépendance.');
    const { paragraph } = await decide(ctx, a.id, 'accepted');
    expect(paragraph?.text).toEqual({ en: point1, fr: 'Nous reconnaissons que les zones urbaines et rurales sont interdépendantes.' });
  });
});

describe('amendments on two laptops', () => {
  it('keeps concurrent edits of an amendment’s text as alternatives', async () => {
    const a = await drafting();
    const b = await tempCore();
    const amendment = await propose(a.ctx, { paragraphId: a.paragraphs[0], text: 'Wording proposed.' });
    await send(a.ctx, b, a.forum.id);
    await call(a.ctx, 'amendments:update', { id: amendment.id, text: 'Wording edited on laptop A.' });
    await call(b, 'amendments:update', { id: amendment.id, text: 'Wording edited on laptop B.' });
    await send(a.ctx, b, a.forum.id);
    await send(b, a.ctx, a.forum.id);
    const [onA] = await listAmendments(a.ctx, a.paragraphs[0]);
    const [onB] = await listAmendments(b, a.paragraphs[0]);
    expect(onA).toEqual(onB);
    expect([onA?.text, ...(onA?.alternatives ?? [])].sort()).toEqual(['Wording edited on laptop A.', 'Wording edited on laptop B.']);
  });

  it('two laptops accepting the same insertion make one paragraph', async () => {
    const a = await drafting();
    const b = await tempCore();
    const amendment = await propose(a.ctx, { paragraphId: a.paragraphs[0], kind: 'insert_after', text: 'We value cultural heritage.' });
    await send(a.ctx, b, a.forum.id);
    await decide(a.ctx, amendment.id, 'accepted');
    await decide(b, amendment.id, 'accepted');
    await send(a.ctx, b, a.forum.id);
    await send(b, a.ctx, a.forum.id);
    for (const laptop of [a.ctx, b]) {
      const doc = await documentOf(laptop, a.documentId);
      expect(doc.paragraphs.map((p) => p.text.en)).toEqual([point1, 'We value cultural heritage.', point2]);
      expect((await listAmendments(laptop, a.paragraphs[0]))[0]?.status).toBe('accepted');
    }
    expect(await documentOf(b, a.documentId)).toEqual(await documentOf(a.ctx, a.documentId));
  });
});

// Both laptops wrote the same text as two versions with the same parent: the view counts them as
// one, and the next edit replaces both, so neither stands as an "alternative" to itself.
describe('the same amendment accepted on two laptops', () => {
  it('leaves nothing to choose between, before or after the next edit', async () => {
    const a = await drafting();
    const b = await tempCore();
    const insert = await propose(a.ctx, { paragraphId: a.paragraphs[0], kind: 'insert_after', text: 'We value cultural heritage.' });
    const replace = await propose(a.ctx, { paragraphId: a.paragraphs[1], text: 'We call for territorial planning.' });
    await send(a.ctx, b, a.forum.id);
    for (const laptop of [a.ctx, b]) for (const { id } of [insert, replace]) await decide(laptop, id, 'accepted');
    await send(a.ctx, b, a.forum.id);
    await send(b, a.ctx, a.forum.id);
    expect((await documentOf(a.ctx, a.documentId)).paragraphs.map((p) => p.alternatives)).toEqual([{}, {}, {}]);
    await call(a.ctx, 'paragraphs:update', { id: insertedParagraphId(insert.id), text: { en: 'We value living heritage.' } });
    await call(a.ctx, 'paragraphs:update', { id: a.paragraphs[1], text: { en: 'We call for regional planning.' } });
    expect((await documentOf(a.ctx, a.documentId)).paragraphs.map((p) => p.alternatives)).toEqual([{}, {}, {}]);
  });
});

describe('bad input', () => {
  const refusedWith = async (
    setup: Awaited<ReturnType<typeof drafting>>,
    name: Parameters<typeof call>[1],
    input: Record<string, unknown>,
    expected: { code: string; message?: RegExp; issue?: { path: string; message: string } },
  ) => {
    const { ctx } = setup;
    const kept = snapshot(ctx);
    const { dispatch } = await import('../../../main/core/commands/dispatch');
    const result = await dispatch(ctx, 'cli', name, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(expected.code);
    if (expected.message) expect(result.error.message).toMatch(expected.message);
    if (expected.issue) expect(result.error.issues).toContainEqual(expected.issue);
    expect(snapshot(ctx)).toBe(kept);
  };
  const base = (paragraphId: string) => ({
    paragraphId,
    kind: 'replace',
    lang: 'en',
    text: 'Some new text.',
    proposer: { participantId: null, name: 'Kenya' },
    rationale: '',
  });

  it('refuses an empty amendment', async () => {
    const setup = await drafting();
    for (const kind of ['replace', 'insert_after']) {
      await refusedWith(setup, 'amendments:propose', { ...base(setup.paragraphs[0]), kind, text: '   ' }, { code: 'invalid_input', issue: { path: 'text', message: 'validation.emptyAmendment' } });
    }
    const a = await propose(setup.ctx, { paragraphId: setup.paragraphs[0], text: 'Something.' });
    await refusedWith(setup, 'amendments:update', { id: a.id, text: '' }, { code: 'invalid_input', issue: { path: 'text', message: 'validation.emptyAmendment' } });
  });

  it('refuses an unknown or deleted paragraph', async () => {
    const setup = await drafting();
    await refusedWith(setup, 'amendments:propose', base('no-such-paragraph'), { code: 'not_found', message: /no-such-paragraph/ });
    await refusedWith(setup, 'amendments:list', { paragraphId: 'no-such-paragraph' }, { code: 'not_found' });
    await call(setup.ctx, 'paragraphs:setDeleted', { id: setup.paragraphs[1], deleted: true });
    await refusedWith(setup, 'amendments:propose', base(setup.paragraphs[1]), { code: 'not_found', message: /deleted/ });
  });

  it('refuses a language that is not one of the forum’s, and an insertion in a translation', async () => {
    const setup = await drafting();
    await refusedWith(setup, 'amendments:propose', { ...base(setup.paragraphs[0]), lang: 'de' }, { code: 'invalid_input', issue: { path: 'lang', message: 'validation.notWorkingLanguage' } });
    await refusedWith(setup, 'amendments:propose', { ...base(setup.paragraphs[0]), lang: 'not a tag' }, { code: 'invalid_input', issue: { path: 'lang', message: 'validation.languageTag' } });
    await refusedWith(setup, 'amendments:propose', { ...base(setup.paragraphs[0]), kind: 'insert_after', lang: 'zh' }, { code: 'invalid_input', message: /source language \(en\)/ });
  });

  it('refuses texts that are too long', async () => {
    const setup = await drafting();
    await refusedWith(setup, 'amendments:propose', { ...base(setup.paragraphs[0]), text: 'x'.repeat(50_001) }, { code: 'invalid_input', issue: { path: 'text', message: 'validation.tooLong' } });
    await refusedWith(setup, 'amendments:propose', { ...base(setup.paragraphs[0]), rationale: 'x'.repeat(5001) }, { code: 'invalid_input', issue: { path: 'rationale', message: 'validation.tooLong' } });
    await refusedWith(setup, 'amendments:propose', { ...base(setup.paragraphs[0]), proposer: { participantId: null, name: 'x'.repeat(201) } }, { code: 'invalid_input', issue: { path: 'proposer.name', message: 'validation.tooLong' } });
  });

  it('refuses a replacement that changes nothing, and a proposer who is nobody', async () => {
    const setup = await drafting();
    await refusedWith(setup, 'amendments:propose', { ...base(setup.paragraphs[0]), text: ` ${point1} ` }, { code: 'invalid_input', issue: { path: 'text', message: 'validation.amendmentUnchanged' } });
    await refusedWith(setup, 'amendments:propose', { ...base(setup.paragraphs[0]), proposer: { participantId: null, name: ' ' } }, { code: 'invalid_input', issue: { path: 'proposer.name', message: 'validation.required' } });
    await refusedWith(setup, 'amendments:propose', { ...base(setup.paragraphs[0]), proposer: { participantId: 'no-such-person', name: '' } }, { code: 'not_found', message: /no-such-person/ });
  });

  it('refuses a participant of another forum as proposer', async () => {
    const setup = await drafting();
    const other = await drafting(setup.ctx);
    await refusedWith(setup, 'amendments:propose', { ...base(setup.paragraphs[0]), proposer: { participantId: other.delegate.id, name: '' } }, { code: 'not_found' });
  });

  it('refuses a stale acceptance and an unknown amendment or decision', async () => {
    const setup = await drafting();
    const a = await propose(setup.ctx, { paragraphId: setup.paragraphs[0], text: 'Proposed against the old text.' });
    writeRow(setup.ctx, 'outcome_paragraphs', setup.paragraphs[0], { text: { en: 'Edited meanwhile.' } });
    await refusedWith(setup, 'amendments:decide', { id: a.id, decision: 'accepted' }, { code: 'amendment_stale' });
    await refusedWith(setup, 'amendments:decide', { id: 'no-such-amendment', decision: 'accepted' }, { code: 'not_found' });
    await refusedWith(setup, 'amendments:decide', { id: a.id, decision: 'adopted' }, { code: 'invalid_input', issue: { path: 'decision', message: 'validation.invalid' } });
    await refusedWith(setup, 'amendments:update', { id: 'no-such-amendment', text: 'x' }, { code: 'not_found' });
  });
});
