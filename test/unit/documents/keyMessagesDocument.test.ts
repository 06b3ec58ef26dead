import { describe, expect, it } from 'vitest';
import type { DraftParagraph, OutcomeDocument, ParagraphSource } from '../../../shared/outcome';
import { writeRow } from '../../../main/core/store/changeLog';
import { snapshot, tempCore } from '../helpers/tempCore';
import { addKeyMessage, addSession, trilingualForum } from '../drafting/draftingFixture';
import { call, documentOf, flags, forumWithMessages, generate, outline, refusal, validated } from './keyMessagesFixture';

const expectedOutline = [
  '# Opening',
  '- Unified territories.',
  '- Care at the heart.',
  '# Intermediary cities',
  '- Intermediary cities link.',
  '# Water and food',
  '- Water for all settlements.',
];

describe('generating the Key messages document', () => {
  it('puts a heading per session and its validated messages under it, in agenda order', async () => {
    const { ctx, forum, sessions, messages } = await forumWithMessages();
    const result = await generate(ctx, forum.id);
    expect(result).toMatchObject({ created: true, added: 7, updated: 0, keptEdited: 0, withdrawn: 0 });
    expect(await outline(ctx, result.documentId)).toEqual(expectedOutline);
    const document = await documentOf(ctx, result.documentId);
    expect(document.kind).toBe('key_messages');
    expect(document.title).toEqual(forum.title);
    // Every language the session title and the key message have.
    const [opening, unified, care] = document.paragraphs;
    expect(opening?.text).toEqual({ en: 'Opening', zh: '开幕式', es: 'Apertura' });
    expect(care?.text).toEqual({ en: 'Care at the heart.', es: 'El cuidado en el centro.' });
    // Provenance: each message paragraph draws on its key message (and so on its session).
    expect(unified?.keyMessageIds).toEqual([messages.unified]);
    expect(care?.sessionIds).toEqual([sessions.first]);
    const sources = await call<ParagraphSource[]>(ctx, 'paragraphs:sources', { id: care?.id });
    expect(sources.map((s) => s.keyMessageId)).toEqual([messages.care]);
    // A heading links its session through the generation record.
    const heading = ctx.db.prepare('SELECT session_id, key_message_id FROM generated_paragraphs WHERE paragraph_id = ?').get(opening?.id);
    expect(heading).toEqual({ session_id: sessions.first, key_message_id: null });
    expect(await flags(ctx, result.documentId)).toEqual([]);
  });

  it('changes nothing when run again with nothing new', async () => {
    const { ctx, forum } = await forumWithMessages();
    await generate(ctx, forum.id);
    const before = snapshot(ctx);
    const again = await generate(ctx, forum.id);
    expect(again).toMatchObject({ created: false, added: 0, updated: 0, keptEdited: 0, withdrawn: 0 });
    expect(snapshot(ctx)).toBe(before);
  });

  it('adds a new validated message in its place, and a new session before the next one', async () => {
    const { ctx, forum, sessions } = await forumWithMessages();
    const { documentId } = await generate(ctx, forum.id);
    validated(ctx, forum.id, sessions.first, { en: 'Between the two.' }, 'a1V');
    const lunch = addSession(ctx, forum.id, 'Health', '2026-03-02', '12:00');
    validated(ctx, forum.id, lunch, { en: 'Health across the continuum.' }, 'a1');
    const result = await generate(ctx, forum.id);
    expect(result).toMatchObject({ added: 3, updated: 0, keptEdited: 0 });
    expect(await outline(ctx, documentId)).toEqual([
      '# Opening',
      '- Unified territories.',
      '- Between the two.',
      '- Care at the heart.',
      '# Health',
      '- Health across the continuum.',
      '# Intermediary cities',
      '- Intermediary cities link.',
      '# Water and food',
      '- Water for all settlements.',
    ]);
  });

  it('refreshes an untouched paragraph whose key message changed', async () => {
    const { ctx, forum, messages } = await forumWithMessages();
    const { documentId } = await generate(ctx, forum.id);
    await call(ctx, 'keyMessages:update', { id: messages.care, text: { en: 'Care, at the very heart.', zh: '关怀为本。' } });
    expect((await flags(ctx, documentId)).map((f) => f.state)).toEqual(['refresh']);
    const result = await generate(ctx, forum.id);
    expect(result).toMatchObject({ added: 0, updated: 1, keptEdited: 0 });
    const care = (await documentOf(ctx, documentId)).paragraphs[2];
    expect(care?.text).toEqual({ en: 'Care, at the very heart.', zh: '关怀为本。', es: 'El cuidado en el centro.' });
    expect(await flags(ctx, documentId)).toEqual([]);
  });

  it('keeps an edited paragraph whose key message changed, and flags it with the new text', async () => {
    const { ctx, forum, messages } = await forumWithMessages();
    const { documentId } = await generate(ctx, forum.id);
    const care = (await documentOf(ctx, documentId)).paragraphs[2] as DraftParagraph;
    await call(ctx, 'paragraphs:update', { id: care.id, text: { en: 'Care, as the drafters put it.' } });
    await call(ctx, 'keyMessages:update', { id: messages.care, text: { en: 'Care, as the rapporteur now says.', es: 'El cuidado, dice ahora.' } });
    const result = await generate(ctx, forum.id);
    // English is kept (edited); Spanish, untouched, follows the key message.
    expect(result).toMatchObject({ added: 0, updated: 1, keptEdited: 0 });
    const after = (await documentOf(ctx, documentId)).paragraphs[2];
    expect(after?.text).toEqual({ en: 'Care, as the drafters put it.', es: 'El cuidado, dice ahora.' });
    const [flag] = await flags(ctx, documentId);
    expect(flag).toMatchObject({ paragraphId: care.id, state: 'changed', languages: ['en'], keyMessageId: messages.care });
    expect(flag?.sourceText.en).toBe('Care, as the rapporteur now says.');
    // Run again: nothing more to refresh; the edit is counted as kept.
    expect(await generate(ctx, forum.id)).toMatchObject({ updated: 0, keptEdited: 1 });
    // "Keep my text" clears the flag until the key message changes again.
    await call(ctx, 'documents:keepEdited', { paragraphId: care.id });
    expect(await flags(ctx, documentId)).toEqual([]);
    expect(await generate(ctx, forum.id)).toMatchObject({ updated: 0, keptEdited: 0 });
    expect((await documentOf(ctx, documentId)).paragraphs[2]?.text.en).toBe('Care, as the drafters put it.');
  });

  it('clears the flag when the drafters take the key message text', async () => {
    const { ctx, forum, messages } = await forumWithMessages();
    const { documentId } = await generate(ctx, forum.id);
    const care = (await documentOf(ctx, documentId)).paragraphs[2] as DraftParagraph;
    await call(ctx, 'paragraphs:update', { id: care.id, text: { en: 'Edited.' } });
    await call(ctx, 'keyMessages:update', { id: messages.care, text: { en: 'New wording.' } });
    expect((await flags(ctx, documentId)).map((f) => f.state)).toEqual(['changed']);
    await call(ctx, 'paragraphs:update', { id: care.id, text: { en: 'New wording.' } });
    expect(await flags(ctx, documentId)).toEqual([]);
  });

  it('keeps paragraphs the drafters wrote where they put them', async () => {
    const { ctx, forum, sessions } = await forumWithMessages();
    const { documentId } = await generate(ctx, forum.id);
    const [, unified] = (await documentOf(ctx, documentId)).paragraphs;
    const intro = await call<DraftParagraph>(ctx, 'paragraphs:create', { documentId, after: null, kind: 'plain', text: { en: 'Introduction.' } });
    const comment = await call<DraftParagraph>(ctx, 'paragraphs:create', { documentId, after: unified?.id, kind: 'plain', text: { en: 'A comment of ours.' } });
    validated(ctx, forum.id, sessions.first, { en: 'Last of the opening.' }, 'a3');
    const newSession = addSession(ctx, forum.id, 'Before all', '2026-03-01', '09:00');
    validated(ctx, forum.id, newSession, { en: 'Earliest.' }, 'a1');
    await generate(ctx, forum.id);
    expect(await outline(ctx, documentId)).toEqual([
      '- Introduction.',
      '# Before all',
      '- Earliest.',
      '# Opening',
      '- Unified territories.',
      '- A comment of ours.',
      '- Care at the heart.',
      '- Last of the opening.',
      '# Intermediary cities',
      '- Intermediary cities link.',
      '# Water and food',
      '- Water for all settlements.',
    ]);
    const ids = (await documentOf(ctx, documentId)).paragraphs.map((p) => p.id);
    expect(ids).toContain(intro.id);
    expect(ids).toContain(comment.id);
  });

  it('flags, never deletes, a paragraph whose key message is no longer validated', async () => {
    const { ctx, forum, messages } = await forumWithMessages();
    const { documentId } = await generate(ctx, forum.id);
    await call(ctx, 'keyMessages:update', { id: messages.cities, status: 'draft' });
    await call(ctx, 'keyMessages:setDeleted', { id: messages.water, deleted: true });
    const result = await generate(ctx, forum.id);
    // The two messages, and the headings of the sessions left without any.
    expect(result).toMatchObject({ added: 0, updated: 0, withdrawn: 4 });
    expect(await outline(ctx, documentId)).toEqual(expectedOutline);
    const withdrawn = (await flags(ctx, documentId)).filter((f) => f.state === 'withdrawn');
    expect(withdrawn.map((f) => f.keyMessageId)).toEqual([null, messages.cities, null, messages.water]);
    expect(withdrawn[1]?.sourceText.en).toBe('Intermediary cities link.');
  });

  it('uses an existing Key messages document of the forum', async () => {
    const { ctx, forum } = await forumWithMessages();
    const made = await call<OutcomeDocument>(ctx, 'outcome:create', {
      forumId: forum.id,
      document: { kind: 'key_messages', title: { en: 'IFURL key messages' }, subtitle: {}, place: {}, startDate: '2026-03-02', endDate: '2026-03-04', coOrganisers: [], preamble: {}, leadIn: {}, closing: {}, numbering: 'none' },
    });
    const result = await generate(ctx, forum.id);
    expect(result).toMatchObject({ documentId: made.id, created: false, added: 7 });
  });

  it('generates into the Key messages document named, and refuses another kind, changing nothing', async () => {
    const { ctx, forum } = await forumWithMessages();
    const frame = { title: { en: 'Second' }, subtitle: {}, place: {}, startDate: '2026-03-02', endDate: '2026-03-04', coOrganisers: [], preamble: {}, leadIn: {}, closing: {}, numbering: 'none' };
    const first = await call<OutcomeDocument>(ctx, 'outcome:create', { forumId: forum.id, document: { ...frame, kind: 'key_messages' } });
    const second = await call<OutcomeDocument>(ctx, 'outcome:create', { forumId: forum.id, document: { ...frame, kind: 'key_messages' } });
    const consensus = await call<OutcomeDocument>(ctx, 'outcome:create', { forumId: forum.id, document: { ...frame, kind: 'consensus' } });
    expect(await call(ctx, 'documents:generateKeyMessages', { forumId: forum.id, documentId: second.id })).toMatchObject({ documentId: second.id, added: 7 });
    expect((await documentOf(ctx, first.id)).paragraphs).toEqual([]);
    const before = snapshot(ctx);
    const error = await refusal(ctx, 'documents:generateKeyMessages', { forumId: forum.id, documentId: consensus.id });
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'documentId', message: 'validation.invalid' }] });
    expect(snapshot(ctx)).toBe(before);
  });
});

describe('refusing to generate', () => {
  it('refuses an unknown forum, changing nothing', async () => {
    const ctx = await tempCore();
    const before = snapshot(ctx);
    expect(await refusal(ctx, 'documents:generateKeyMessages', { forumId: 'forum-0000-missing' })).toMatchObject({ code: 'not_found' });
    expect(await refusal(ctx, 'documents:generateKeyMessages', { forumId: '' })).toMatchObject({ code: 'invalid_input' });
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses a forum with no validated key messages, with a clear message, changing nothing', async () => {
    const { ctx, forum } = await trilingualForum();
    const session = addSession(ctx, forum.id, 'Opening', '2026-03-02', '09:00');
    const draft = addKeyMessage(ctx, forum.id, session, { en: 'Not yet validated.' });
    writeRow(ctx, 'key_messages', draft, { status: 'draft' });
    const before = snapshot(ctx);
    const error = await refusal(ctx, 'documents:generateKeyMessages', { forumId: forum.id });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/no validated key messages/);
    expect(error.issues).toEqual([{ path: 'forumId', message: 'validation.noValidatedKeyMessages' }]);
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses flags for an unknown document and "keep my text" for a paragraph that was not generated', async () => {
    const { ctx, forum } = await forumWithMessages();
    const { documentId } = await generate(ctx, forum.id);
    const mine = await call<DraftParagraph>(ctx, 'paragraphs:create', { documentId, after: null, kind: 'plain', text: { en: 'Ours.' } });
    const before = snapshot(ctx);
    expect(await refusal(ctx, 'documents:generatedFlags', { documentId: 'no-such-document' })).toMatchObject({ code: 'not_found' });
    expect(await refusal(ctx, 'documents:keepEdited', { paragraphId: mine.id })).toMatchObject({ code: 'invalid_input' });
    expect(snapshot(ctx)).toBe(before);
  });
});

describe('taking a generation back', () => {
  it('removes the paragraphs it added, which come back when generated again; a paragraph the drafters deleted stays deleted', async () => {
    const { ctx, forum, sessions } = await forumWithMessages();
    const { documentId } = await generate(ctx, forum.id);
    const late = validated(ctx, forum.id, sessions.later, { en: 'A late one.' }, 'a2');
    const second = await generate(ctx, forum.id);
    expect(second.addedIds).toHaveLength(1);
    await call(ctx, 'documents:takeBackGenerated', { documentId, paragraphIds: second.addedIds });
    expect(await outline(ctx, documentId)).toEqual(expectedOutline);
    // The drafters delete one generated paragraph themselves.
    const [, unified] = (await documentOf(ctx, documentId)).paragraphs;
    await call(ctx, 'paragraphs:setDeleted', { id: unified?.id, deleted: true });
    const third = await generate(ctx, forum.id);
    expect(third).toMatchObject({ added: 1 });
    const lines = await outline(ctx, documentId);
    expect(lines).toContain('- A late one.');
    expect(lines).not.toContain('- Unified territories.');
    expect((await documentOf(ctx, documentId)).paragraphs.find((p) => p.text.en === 'A late one.')?.keyMessageIds).toEqual([late]);
  });

  it('refuses edited or foreign paragraphs, changing nothing', async () => {
    const { ctx, forum } = await forumWithMessages();
    const { documentId, addedIds } = await generate(ctx, forum.id);
    const [first, second] = addedIds;
    await call(ctx, 'paragraphs:update', { id: second, text: { en: 'Edited.' } });
    const mine = await call<DraftParagraph>(ctx, 'paragraphs:create', { documentId, after: null, kind: 'plain', text: { en: 'Ours.' } });
    const before = snapshot(ctx);
    const error = await refusal(ctx, 'documents:takeBackGenerated', { documentId, paragraphIds: [first, second, mine.id] });
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'paragraphIds.1' }, { path: 'paragraphIds.2' }] });
    expect(snapshot(ctx)).toBe(before);
  });
});
