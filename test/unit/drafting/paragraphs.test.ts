import { describe, expect, it } from 'vitest';
import type { DraftParagraph, OutcomeDocument } from '../../../shared/outcome';
import { writeRow } from '../../../main/core/store/changeLog';
import { snapshot, tempCore } from '../helpers/tempCore';
import { forumTables } from '../sync/forumTables';
import {
  addKeyMessage,
  addParagraph,
  addSession,
  call,
  createDocument,
  documentWithPoints,
  order,
  refusal,
  send,
  trilingualForum,
  twoLaptops,
} from './draftingFixture';

describe('creating paragraphs', () => {
  it('places a paragraph first or after another, and numbers only numbered ones', async () => {
    const { ctx, forum } = await trilingualForum();
    const document = await createDocument(ctx, forum.id);
    const two = await addParagraph(ctx, document.id, { en: 'two' });
    const heading = await addParagraph(ctx, document.id, { en: 'Commitments' }, { kind: 'heading' });
    const three = await addParagraph(ctx, document.id, { en: 'three' }, { after: two.id });
    const one = await addParagraph(ctx, document.id, { en: 'one' }, { after: heading.id });
    const closing = await addParagraph(ctx, document.id, { en: 'We thank Mérida.' }, { after: three.id, kind: 'plain' });
    const doc = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: document.id });
    expect(doc.paragraphs.map((p) => [p.id, p.kind, p.number])).toEqual([
      [heading.id, 'heading', null],
      [one.id, 'numbered', 1],
      [two.id, 'numbered', 2],
      [three.id, 'numbered', 3],
      [closing.id, 'plain', null],
    ]);
    expect(doc.paragraphs[1]).toMatchObject({ documentId: document.id, status: 'draft', text: { en: 'one' }, translations: { zh: 'missing', es: 'missing' }, alternatives: {} });
  });

  it('starts from key messages: their texts joined per language, the links kept', async () => {
    const { ctx, forum } = await trilingualForum();
    const document = await createDocument(ctx, forum.id);
    const session = addSession(ctx, forum.id, 'Opening', '2026-03-02', '09:00');
    const k1 = addKeyMessage(ctx, forum.id, session, { en: 'Villages need broadband.', zh: '村庄需要宽带。' });
    const k2 = addKeyMessage(ctx, forum.id, session, { en: 'Markets sustain them.', zh: '市场维持村庄。' });
    const paragraph = await addParagraph(ctx, document.id, {}, { keyMessageIds: [k1, k2] });
    expect(paragraph.text).toEqual({ en: 'Villages need broadband. Markets sustain them.', zh: '村庄需要宽带。市场维持村庄。' });
    expect(paragraph.keyMessageIds.sort()).toEqual([k1, k2].sort());
    expect(paragraph.sessionIds).toEqual([session]);
    // Text typed by hand wins over the messages' own; the links stay.
    const typed = await addParagraph(ctx, document.id, { en: 'Connectivity keeps villages alive.' }, { after: paragraph.id, keyMessageIds: [k1] });
    expect(typed).toMatchObject({ text: { en: 'Connectivity keeps villages alive.' }, keyMessageIds: [k1] });
    // A paragraph may start in another language (a delegation's amendment), to be translated back.
    const chinese = await addParagraph(ctx, document.id, { zh: '村庄需要年轻人。' }, { after: typed.id });
    expect(chinese).toMatchObject({ text: { zh: '村庄需要年轻人。' }, translations: {} });
  });

  it.each([
    ['empty text', { text: {} }, 'text.en', 'validation.emptyParagraph'],
    ['blank text', { text: { en: '   ' } }, 'text.en', 'validation.emptyParagraph'],
    ['a heading without text', { kind: 'heading', text: {} }, 'text.en', 'validation.emptyParagraph'],
    ['a language the forum does not work in', { text: { en: 'Yes', fr: 'Oui' } }, 'text.fr', 'validation.notWorkingLanguage'],
    ['a neighbour that does not exist', { after: 'no-such-paragraph', text: { en: 'Yes' } }, 'after', 'validation.invalid'],
    ['an unknown key message', { text: {}, keyMessageIds: ['no-such-message'] }, 'keyMessageIds.0', 'validation.invalid'],
  ])('refuses %s, changing nothing', async (_label, patch, path, message) => {
    const { ctx, document } = await documentWithPoints(1);
    const before = snapshot(ctx);
    const error = await refusal(ctx, 'paragraphs:create', { documentId: document.id, after: null, kind: 'numbered', ...patch });
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toContainEqual({ path, message });
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses key messages of another forum, deleted or merged, and an unknown document, changing nothing', async () => {
    const { ctx, forum, document } = await documentWithPoints(1);
    const other = await trilingualForum(ctx);
    const elsewhere = addKeyMessage(ctx, other.forum.id, addSession(ctx, other.forum.id, 'Other', '2026-03-02', '09:00'), { en: 'Elsewhere.' });
    const session = addSession(ctx, forum.id, 'Opening', '2026-03-02', '09:00');
    const kept = addKeyMessage(ctx, forum.id, session, { en: 'Kept.' });
    const gone = addKeyMessage(ctx, forum.id, session, { en: 'Gone.' });
    await call(ctx, 'keyMessages:setDeleted', { id: gone, deleted: true });
    const merged = addKeyMessage(ctx, forum.id, session, { en: 'Merged.' });
    await call(ctx, 'keyMessages:merge', { keepId: kept, mergeId: merged });
    const before = snapshot(ctx);
    const error = await refusal(ctx, 'paragraphs:create', { documentId: document.id, after: null, kind: 'numbered', text: {}, keyMessageIds: [kept, elsewhere, gone, merged] });
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect(error.issues?.map((i) => i.path)).toEqual(['keyMessageIds.1', 'keyMessageIds.2', 'keyMessageIds.3']);
    expect((await refusal(ctx, 'paragraphs:create', { documentId: 'no-such-document', after: null, kind: 'numbered', text: { en: 'x' } })).code).toBe('not_found');
    expect(snapshot(ctx)).toBe(before);
  });

  it('makes one paragraph when a create is retried with its id (the first answer was lost), and refuses another document’s id', async () => {
    const { ctx, forum, document } = await documentWithPoints(1);
    const input = { documentId: document.id, after: null, kind: 'numbered', text: { en: 'Villages need broadband.' }, id: 'client-chosen-paragraph-id' };
    const first = await call<DraftParagraph>(ctx, 'paragraphs:create', input);
    expect(first).toMatchObject({ id: 'client-chosen-paragraph-id', number: 1, text: { en: 'Villages need broadband.' } });
    const before = snapshot(ctx);
    // The retry carries the same words: it answers with the paragraph, and writes nothing.
    expect(await call<DraftParagraph>(ctx, 'paragraphs:create', input)).toEqual(first);
    expect(snapshot(ctx)).toBe(before);
    expect((await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: document.id })).paragraphs).toHaveLength(2);

    const other = await createDocument(ctx, forum.id);
    const withOther = snapshot(ctx);
    const error = await refusal(ctx, 'paragraphs:create', { ...input, documentId: other.id });
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'id', message: 'validation.invalid' }] });
    expect(snapshot(ctx)).toBe(withOther);
  });
});

describe('editing paragraphs', () => {
  it('records only changed cells; an empty translation removes it; status and kind change', async () => {
    const { ctx, ids } = await documentWithPoints(1);
    const id = ids[0] ?? '';
    await call(ctx, 'paragraphs:update', { id, text: { en: 'Point 1', zh: '第一点', es: 'Punto 1' } });
    const last = () => JSON.parse(ctx.db.prepare("SELECT cells FROM changes WHERE tbl = 'outcome_paragraphs' ORDER BY seq DESC LIMIT 1").pluck().get() as string) as object;
    expect(last()).toEqual({ 'text@zh': '第一点', 'text@es': 'Punto 1' });
    const updated = await call<DraftParagraph>(ctx, 'paragraphs:update', { id, text: { es: '' }, status: 'bracketed', kind: 'plain' });
    expect(updated).toMatchObject({ text: { en: 'Point 1', zh: '第一点' }, status: 'bracketed', kind: 'plain', number: null, translations: { zh: 'current', es: 'missing' } });
    const before = snapshot(ctx);
    await call(ctx, 'paragraphs:update', { id, text: { en: 'Point 1' }, status: 'bracketed' });
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses to empty the source text, or to edit a deleted paragraph, changing nothing', async () => {
    const { ctx, ids } = await documentWithPoints(2);
    await call(ctx, 'paragraphs:setDeleted', { id: ids[1], deleted: true });
    const before = snapshot(ctx);
    const error = await refusal(ctx, 'paragraphs:update', { id: ids[0], text: { en: '', zh: '中文' } });
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'text.en', message: 'validation.emptyParagraph' }] });
    expect((await refusal(ctx, 'paragraphs:update', { id: ids[0], text: { fr: 'Oui' } })).issues).toEqual([{ path: 'text.fr', message: 'validation.notWorkingLanguage' }]);
    expect((await refusal(ctx, 'paragraphs:update', { id: ids[1], status: 'agreed' })).code).toBe('not_found');
    expect((await refusal(ctx, 'paragraphs:update', { id: 'no-such-paragraph', status: 'agreed' })).code).toBe('not_found');
    expect(snapshot(ctx)).toBe(before);
  });

  it('deletes and restores a paragraph in its place, renumbering the rest', async () => {
    const { ctx, document, ids } = await documentWithPoints(3);
    expect(await call(ctx, 'paragraphs:setDeleted', { id: ids[1], deleted: true })).toEqual({ id: ids[1], deleted: true });
    const doc = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: document.id });
    expect(doc.paragraphs.map((p) => [p.id, p.number])).toEqual([
      [ids[0], 1],
      [ids[2], 2],
    ]);
    await call(ctx, 'paragraphs:setDeleted', { id: ids[1], deleted: false });
    expect(await order(ctx, document.id)).toEqual(ids);
    const before = snapshot(ctx);
    await call(ctx, 'paragraphs:setDeleted', { id: ids[1], deleted: false });
    expect(snapshot(ctx)).toBe(before);
    expect((await refusal(ctx, 'paragraphs:setDeleted', { id: 'no-such-paragraph', deleted: true })).code).toBe('not_found');
  });
});

describe('ordering paragraphs', () => {
  it('moves between neighbours, to the start and to the end', async () => {
    const { ctx, document, ids } = await documentWithPoints(4);
    const [p1 = '', p2 = '', p3 = '', p4 = ''] = ids;
    await call(ctx, 'paragraphs:move', { id: p4, after: p1, before: p2 });
    expect(await order(ctx, document.id)).toEqual([p1, p4, p2, p3]);
    const moved = await call<DraftParagraph>(ctx, 'paragraphs:move', { id: p3, after: null, before: p1 });
    expect(moved.number).toBe(1);
    expect(await order(ctx, document.id)).toEqual([p3, p1, p4, p2]);
    await call(ctx, 'paragraphs:move', { id: p3, after: p2, before: null });
    expect(await order(ctx, document.id)).toEqual([p1, p4, p2, p3]);
  });

  it('refuses neighbours that are itself, of another document, out of order or missing, changing nothing', async () => {
    const { ctx, forum, document, ids } = await documentWithPoints(3);
    const [p1 = '', p2 = '', p3 = ''] = ids;
    const other = await createDocument(ctx, forum.id, { title: { en: 'Other' } });
    const elsewhere = await addParagraph(ctx, other.id, { en: 'Elsewhere' });
    const before = snapshot(ctx);
    for (const [input, path] of [
      [{ id: p1, after: p1, before: null }, 'after'],
      [{ id: p1, after: elsewhere.id, before: null }, 'after'],
      [{ id: p1, after: p3, before: p2 }, 'before'],
      [{ id: p1, after: null, before: null }, 'after'],
    ] as const) {
      const error = await refusal(ctx, 'paragraphs:move', input);
      expect(error.code, JSON.stringify(input)).toBe('invalid_input');
      expect(error.issues?.map((i) => i.path)).toContain(path);
    }
    expect(snapshot(ctx)).toBe(before);
    expect(await order(ctx, document.id)).toEqual(ids);
  });

  it('renumbers positions fractional-indexing cannot extend (the old demo’s “a0000”) once, through the log', async () => {
    const { ctx, document, ids } = await documentWithPoints(3);
    ids.forEach((id, i) => writeRow(ctx, 'outcome_paragraphs', id, { position: `a${String(i * 10).padStart(4, '0')}` }));
    const [p1 = '', p2 = '', p3 = ''] = ids;
    await call(ctx, 'paragraphs:move', { id: p3, after: p1, before: p2 });
    expect(await order(ctx, document.id)).toEqual([p1, p3, p2]);
    const added = await addParagraph(ctx, document.id, { en: 'Point 4' }, { after: p2 });
    expect(await order(ctx, document.id)).toEqual([p1, p3, p2, added.id]);
  });

  it('merges two laptops’ reorderings of different paragraphs into the same order on both', async () => {
    const { a, b, forum, document, ids } = await twoLaptops(5);
    const [p1 = '', p2 = '', p3 = '', p4 = '', p5 = ''] = ids;
    await call(a, 'paragraphs:move', { id: p5, after: null, before: p1 });
    await call(b, 'paragraphs:move', { id: p2, after: p4, before: p5 });
    await send(a, b, forum.id);
    await send(b, a, forum.id);
    const onA = await order(a, document.id);
    expect(onA).toEqual(await order(b, document.id));
    expect(onA).toEqual([p5, p1, p3, p4, p2]);
    // Both moved the same paragraph: the later move wins on both, nothing is duplicated.
    await call(a, 'paragraphs:move', { id: p3, after: null, before: p5 });
    await call(b, 'paragraphs:move', { id: p3, after: p2, before: null });
    await send(a, b, forum.id);
    await send(b, a, forum.id);
    expect(await order(a, document.id)).toEqual(await order(b, document.id));
    expect((await order(a, document.id)).slice().sort()).toEqual(ids.slice().sort());
    expect(forumTables(a)).toEqual(forumTables(b));
  });

  it('agrees on the order when two laptops insert at the same place at once', async () => {
    const { a, b, forum, document, ids } = await twoLaptops(2);
    const fromA = await addParagraph(a, document.id, { en: 'From A' }, { after: ids[0] ?? null });
    const fromB = await addParagraph(b, document.id, { en: 'From B' }, { after: ids[0] ?? null });
    await send(a, b, forum.id);
    await send(b, a, forum.id);
    const onA = await order(a, document.id);
    expect(onA).toEqual(await order(b, document.id));
    expect([onA[0], onA[3]]).toEqual(ids);
    expect(onA.slice(1, 3).sort()).toEqual([fromA.id, fromB.id].sort());
    // The tie is broken by id; the next move renumbers and still agrees.
    await call(a, 'paragraphs:move', { id: ids[1], after: null, before: ids[0] });
    await send(a, b, forum.id);
    expect(await order(b, document.id)).toEqual(await order(a, document.id));
  });
});

describe('sources of a paragraph', () => {
  async function withMessages() {
    const fixture = await documentWithPoints(1);
    const { ctx, forum } = fixture;
    const morning = addSession(ctx, forum.id, 'Morning', '2026-03-02', '09:00');
    const afternoon = addSession(ctx, forum.id, 'Afternoon', '2026-03-02', '14:00');
    const m1 = addKeyMessage(ctx, forum.id, morning, { en: 'Broadband.' }, 'Ana García');
    const m2 = addKeyMessage(ctx, forum.id, afternoon, { en: 'Markets.' }, 'Don Luis');
    const m3 = addKeyMessage(ctx, forum.id, afternoon, { en: 'Heritage.' });
    return { ...fixture, morning, afternoon, m1, m2, m3, id: fixture.ids[0] ?? '' };
  }

  it('replaces the set: removed links are tombstoned, new ones added, in agenda order with notes and speakers', async () => {
    const { ctx, id, morning, afternoon, m1, m2, m3 } = await withMessages();
    const first = await call<DraftParagraph>(ctx, 'paragraphs:setSources', { id, keyMessageIds: [m2, m1] });
    expect(first.keyMessageIds).toEqual([m1, m2]);
    expect(first.sessionIds).toEqual([morning, afternoon]);
    const second = await call<DraftParagraph>(ctx, 'paragraphs:setSources', { id, keyMessageIds: [m3, m2] });
    expect(second.keyMessageIds.sort()).toEqual([m2, m3].sort());
    expect(second.sessionIds).toEqual([afternoon]);
    expect(ctx.db.prepare('SELECT key_message_id, deleted FROM paragraph_sources WHERE paragraph_id = ? ORDER BY deleted, key_message_id').all(id)).toEqual(
      [
        { key_message_id: [m2, m3].sort()[0], deleted: 0 },
        { key_message_id: [m2, m3].sort()[1], deleted: 0 },
        { key_message_id: m1, deleted: 1 },
      ],
    );
    const sources = await call<Array<{ keyMessageId: string; sessionTitle: Record<string, string>; notes: Array<{ speakerName: string }> }>>(ctx, 'paragraphs:sources', { id });
    expect(sources.map((s) => s.sessionTitle.en)).toEqual(['Afternoon', 'Afternoon']);
    expect(sources.find((s) => s.keyMessageId === m2)?.notes).toMatchObject([{ speakerName: 'Don Luis', lang: 'en', text: 'Said: Markets.' }]);
    // Re-linking a removed message brings back its link row rather than adding another.
    await call(ctx, 'paragraphs:setSources', { id, keyMessageIds: [m1] });
    expect(ctx.db.prepare('SELECT count(*) FROM paragraph_sources WHERE paragraph_id = ?').pluck().get(id)).toBe(3);
  });

  it('counts a message merged into another as that other, and refuses bad ids changing nothing', async () => {
    const { ctx, id, document, afternoon, m1, m2, m3 } = await withMessages();
    await call(ctx, 'paragraphs:setSources', { id, keyMessageIds: [m3] });
    await call(ctx, 'keyMessages:merge', { keepId: m2, mergeId: m3 });
    const doc = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: document.id });
    expect(doc.paragraphs[0]).toMatchObject({ keyMessageIds: [m2], sessionIds: [afternoon] });
    expect((await call<Array<{ keyMessageId: string }>>(ctx, 'paragraphs:sources', { id })).map((s) => s.keyMessageId)).toEqual([m2]);
    // Setting the set it already shows changes nothing: the link to the merged message stands for m2.
    let before = snapshot(ctx);
    await call(ctx, 'paragraphs:setSources', { id, keyMessageIds: [m2] });
    expect(snapshot(ctx)).toBe(before);
    before = snapshot(ctx);
    const error = await refusal(ctx, 'paragraphs:setSources', { id, keyMessageIds: [m1, 'no-such-message', m3] });
    expect(error.issues?.map((i) => i.path)).toEqual(['keyMessageIds.1', 'keyMessageIds.2']);
    expect((await refusal(ctx, 'paragraphs:setSources', { id: 'no-such-paragraph', keyMessageIds: [] })).code).toBe('not_found');
    expect(snapshot(ctx)).toBe(before);
  });

  it('makes one link when two laptops link the same message to the same paragraph', async () => {
    const { ctx: a, forum, id, m1 } = await withMessages();
    const b = await tempCore();
    await send(a, b, forum.id);
    await call(a, 'paragraphs:setSources', { id, keyMessageIds: [m1] });
    await call(b, 'paragraphs:setSources', { id, keyMessageIds: [m1] });
    await send(a, b, forum.id);
    await send(b, a, forum.id);
    expect(a.db.prepare('SELECT count(*) FROM paragraph_sources WHERE paragraph_id = ? AND deleted = 0').pluck().get(id)).toBe(1);
    expect(forumTables(a)).toEqual(forumTables(b));
  });
});
