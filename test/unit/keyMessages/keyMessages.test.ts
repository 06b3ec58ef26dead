import { describe, expect, it } from 'vitest';
import type { KeyMessage } from '../../../shared/keyMessages';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { writeRow } from '../../../main/core/store/changeLog';
import { snapshot, tempCore } from '../helpers/tempCore';
import { addNote, attempt, call, keyMessageForum } from './keyMessageFixture';

const changesOf = (ctx: Awaited<ReturnType<typeof keyMessageForum>>['ctx'], rowId: string) =>
  (ctx.db.prepare("SELECT cells FROM changes WHERE tbl = 'key_messages' AND row_id = ? ORDER BY seq").pluck().all(rowId) as string[]).map(
    (cells) => JSON.parse(cells) as Record<string, unknown>,
  );

describe('promoting notes to key messages', () => {
  it('makes a draft from one note, its text and speaker kept as the source', async () => {
    const { ctx, forum, morning, notes, speaker } = await keyMessageForum();
    const message = await call(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [notes[0]] });
    expect(message).toMatchObject({
      sessionId: morning,
      text: { en: 'Villages lose their young people to the cities.' },
      theme: '',
      status: 'draft',
      alternatives: {},
    });
    expect(message.sources).toEqual([
      { noteId: notes[0], sessionId: morning, text: 'Villages lose their young people to the cities.', lang: 'en', speakerId: speaker, speakerName: 'Ana García' },
    ]);
    expect(await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId: forum.id, sessionId: morning })).toEqual([message]);
  });

  it('joins several notes per language, in the order they were taken, and links every one', async () => {
    const { ctx, morning, notes } = await keyMessageForum();
    const [young = '', markets = '', broadband = ''] = notes;
    const message = await call(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [broadband, markets, young] });
    expect(message.text).toEqual({
      en: 'Villages lose their young people to the cities.\nBroadband reaches only a third of rural homes.',
      es: 'Los mercados locales sostienen la economía rural.',
    });
    expect(message.sources.map((s) => [s.noteId, s.speakerName])).toEqual([
      [young, 'Ana García'],
      [markets, 'Don Luis'],
      [broadband, ''],
    ]);
  });

  it('takes the text given instead, and puts each new message last', async () => {
    const { ctx, morning, notes } = await keyMessageForum();
    const first = await call(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [notes[0]] });
    const second = await call(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [notes[2]], text: { en: ' Connect rural homes. ', es: '' } });
    expect(second.text).toEqual({ en: 'Connect rural homes.' });
    expect(second.position > first.position).toBe(true);
  });

  it.each([
    ['a note of another session', (f: Fixture) => ({ sessionId: f.morning, noteIds: [f.notes[0], f.later[0]] }), 'noteIds.1'],
    ['an unknown note', (f: Fixture) => ({ sessionId: f.morning, noteIds: ['no-such-note-id'] }), 'noteIds.0'],
    ['no notes at all', (f: Fixture) => ({ sessionId: f.morning, noteIds: [] }), 'noteIds'],
    ['an extra key', (f: Fixture) => ({ sessionId: f.morning, noteIds: [f.notes[0]], theme: 'Youth' }), ''],
    ['a malformed id', (f: Fixture) => ({ sessionId: f.morning, noteIds: ['bad id!'] }), 'noteIds.0'],
  ])('refuses %s and changes nothing', async (_name, input, path) => {
    const fixture = await keyMessageForum();
    const before = snapshot(fixture.ctx);
    const result = await attempt(fixture.ctx, 'keyMessages:promote', input(fixture));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => i.path)).toContain(path);
    expect(snapshot(fixture.ctx)).toBe(before);
  });

  it('refuses a deleted note, naming it, and changes nothing', async () => {
    const { ctx, morning, notes } = await keyMessageForum();
    writeRow(ctx, 'notes', notes[1] ?? '', { deleted: 1 });
    const before = snapshot(ctx);
    const result = await attempt(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [notes[0], notes[1]] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'noteIds.1', message: 'validation.invalid' }] } });
    if (!result.ok) expect(result.error.message).toContain('deleted');
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses an unknown session as not found', async () => {
    const { ctx, notes } = await keyMessageForum();
    const before = snapshot(ctx);
    expect(await attempt(ctx, 'keyMessages:promote', { sessionId: 'no-such-session', noteIds: [notes[0]] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(snapshot(ctx)).toBe(before);
  });
});

type Fixture = Awaited<ReturnType<typeof keyMessageForum>>;

describe('editing key messages', () => {
  it('writes only the languages, theme and status that changed', async () => {
    const { ctx, morning, notes } = await keyMessageForum();
    const message = await call(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [notes[0]], text: { en: 'Keep young people in villages.', es: 'Retener a los jóvenes.' } });
    const updated = await call(ctx, 'keyMessages:update', {
      id: message.id,
      text: { en: 'Keep young people in villages.', es: 'Retener a los jóvenes en los pueblos.' },
      theme: 'Youth',
      status: 'draft',
    });
    expect(updated).toMatchObject({ text: { en: 'Keep young people in villages.', es: 'Retener a los jóvenes en los pueblos.' }, theme: 'Youth', status: 'draft' });
    expect(changesOf(ctx, message.id).at(-1)).toEqual({ 'text@es': 'Retener a los jóvenes en los pueblos.', theme: 'Youth' });

    const validated = await call(ctx, 'keyMessages:update', { id: message.id, status: 'validated', text: { es: '' } });
    expect(validated).toMatchObject({ text: { en: 'Keep young people in villages.' }, status: 'validated' });
    expect(changesOf(ctx, message.id).at(-1)).toEqual({ 'text@es': '', status: 'validated' });

    const count = changesOf(ctx, message.id).length;
    await call(ctx, 'keyMessages:update', { id: message.id, theme: 'Youth', status: 'validated' });
    expect(changesOf(ctx, message.id)).toHaveLength(count);
  });

  it.each([
    ['removes its last language', { text: { en: '' } }, 'text'],
    ['has an unknown status', { status: 'final' }, 'status'],
    ['has an over-long theme', { theme: 'x'.repeat(121) }, 'theme'],
    ['has an extra key', { position: 'a5' }, ''],
  ])('refuses an update that %s, changing nothing', async (_name, patch, path) => {
    const { ctx, morning, notes } = await keyMessageForum();
    const message = await call(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [notes[0]] });
    const before = snapshot(ctx);
    const result = await attempt(ctx, 'keyMessages:update', { id: message.id, ...patch });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.issues?.map((i) => i.path)).toContain(path);
    expect(snapshot(ctx)).toBe(before);
  });

  it('deletes with undo', async () => {
    const { ctx, forum, morning, notes } = await keyMessageForum();
    const message = await call(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [notes[0]] });
    expect(await call(ctx, 'keyMessages:setDeleted', { id: message.id, deleted: true })).toEqual({ id: message.id, deleted: true });
    expect(await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId: forum.id })).toEqual([]);
    expect(await attempt(ctx, 'keyMessages:update', { id: message.id, theme: 'Youth' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await call(ctx, 'keyMessages:setDeleted', { id: message.id, deleted: false });
    expect(await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId: forum.id })).toEqual([message]);
  });
});

describe('unknown forums, sessions and messages', () => {
  it.each([
    ['keyMessages:list', { forumId: 'no-such-forum' }],
    ['keyMessages:duplicates', { forumId: 'no-such-forum' }],
    ['keyMessages:update', { id: 'no-such-message', theme: 'Youth' }],
    ['keyMessages:move', { id: 'no-such-message', after: null, before: null }],
    ['keyMessages:setDeleted', { id: 'no-such-message', deleted: true }],
  ] as const)('%s answers not_found and changes nothing', async (name, input) => {
    const { ctx } = await keyMessageForum();
    const before = snapshot(ctx);
    expect(await attempt(ctx, name, input)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(snapshot(ctx)).toBe(before);
  });

  it('lists no session of another forum, and hides the messages of a deleted session', async () => {
    const { ctx, forum, morning, afternoon, later } = await keyMessageForum();
    const other = await keyMessageForum(ctx);
    expect(await attempt(ctx, 'keyMessages:list', { forumId: other.forum.id, sessionId: morning })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await call(ctx, 'keyMessages:promote', { sessionId: afternoon, noteIds: [later[0]] });
    writeRow(ctx, 'sessions', afternoon, { deleted: 1 });
    expect(await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId: forum.id })).toEqual([]);
  });
});

describe('merging key messages', () => {
  it('keeps both sets of sources on one message, across sessions, and tombstones the other', async () => {
    const { ctx, forum, morning, afternoon, notes, later } = await keyMessageForum();
    const keep = await call(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [notes[0], notes[2]] });
    const other = await call(ctx, 'keyMessages:promote', { sessionId: afternoon, noteIds: [later[0]] });
    const twin = await call(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [notes[2]] });
    const merged = await call(ctx, 'keyMessages:merge', { keepId: keep.id, mergeId: other.id, text: { en: 'Young people stay where heritage pays.' } });
    expect(merged.sessionId).toBe(morning);
    expect(merged.text).toEqual({ en: 'Young people stay where heritage pays.' });
    expect(merged.sources.map((s) => [s.noteId, s.sessionId])).toEqual([
      [notes[0], morning],
      [notes[2], morning],
      [later[0], afternoon],
    ]);
    const row = ctx.db.prepare('SELECT deleted, merged_into FROM key_messages WHERE id = ?').get(other.id);
    expect(row).toEqual({ deleted: 1, merged_into: keep.id });
    expect((await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId: forum.id })).map((m) => m.id)).toEqual([keep.id, twin.id]);

    // A source the kept message already has is not linked twice.
    const sourceRows = () => ctx.db.prepare('SELECT count(*) FROM key_message_sources WHERE key_message_id = ?').pluck().get(keep.id);
    expect(sourceRows()).toBe(3);
    await call(ctx, 'keyMessages:merge', { keepId: keep.id, mergeId: twin.id });
    expect(sourceRows()).toBe(3);

    // Undo: the merged message is back with its own source, and the kept one gives back the copy.
    await call(ctx, 'keyMessages:setDeleted', { id: other.id, deleted: false });
    const list = await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId: forum.id });
    expect(list.map((m) => [m.id, m.sources.length])).toEqual([
      [keep.id, 2],
      [other.id, 1],
    ]);
    expect(ctx.db.prepare('SELECT merged_into FROM key_messages WHERE id = ?').pluck().get(other.id)).toBeNull();
  });

  it.each([
    ['a message into itself', (k: string) => ({ keepId: k, mergeId: k }), 'invalid_input'],
    ['an unknown message', (k: string) => ({ keepId: k, mergeId: 'no-such-message' }), 'not_found'],
    ['with an extra key', (k: string, m: string) => ({ keepId: k, mergeId: m, sources: [] }), 'invalid_input'],
  ])('refuses to merge %s, changing nothing', async (_name, input, code) => {
    const { ctx, morning, notes } = await keyMessageForum();
    const keep = await call(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [notes[0]] });
    const other = await call(ctx, 'keyMessages:promote', { sessionId: morning, noteIds: [notes[1]] });
    const before = snapshot(ctx);
    expect(await attempt(ctx, 'keyMessages:merge', input(keep.id, other.id))).toMatchObject({ ok: false, error: { code } });
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses to merge messages of two forums, or one already merged', async () => {
    const ctx = await tempCore();
    const one = await keyMessageForum(ctx);
    const two = await keyMessageForum(ctx);
    const a = await call(ctx, 'keyMessages:promote', { sessionId: one.morning, noteIds: [one.notes[0]] });
    const b = await call(ctx, 'keyMessages:promote', { sessionId: two.morning, noteIds: [two.notes[0]] });
    const c = await call(ctx, 'keyMessages:promote', { sessionId: one.morning, noteIds: [one.notes[1]] });
    await call(ctx, 'keyMessages:merge', { keepId: a.id, mergeId: c.id });
    const before = snapshot(ctx);
    expect(await attempt(ctx, 'keyMessages:merge', { keepId: a.id, mergeId: b.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'mergeId' }] },
    });
    expect(await attempt(ctx, 'keyMessages:merge', { keepId: c.id, mergeId: a.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(snapshot(ctx)).toBe(before);
  });
});

describe('the demo forum', () => {
  it('lists its 34 key messages with their sources, in agenda order', async () => {
    const ctx = await tempCore();
    const forum = createDemoForum(ctx);
    const list = await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId: forum.id });
    expect(list).toHaveLength(34);
    expect(list.every((m) => m.sources.length > 0 && m.sources.every((s) => s.text !== '' && s.sessionId === m.sessionId))).toBe(true);
    // 81 links to 74 notes; the demo leaves the speaker of some unknown (remarks from the floor).
    const sources = list.flatMap((m) => m.sources);
    expect(sources).toHaveLength(81);
    expect(new Set(sources.map((s) => s.noteId)).size).toBe(74);
    expect(sources.filter((s) => s.speakerId !== null && s.speakerName !== '')).toHaveLength(68);
    expect(list.every((m) => Object.values(m.text).some((t) => t !== ''))).toBe(true);
    const sessions = ctx.db.prepare('SELECT id FROM sessions WHERE forum_id = ? ORDER BY day, start_time, id').pluck().all(forum.id) as string[];
    const order = list.map((m) => sessions.indexOf(m.sessionId));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('promotes after demo messages whose positions fractional-indexing refuses, keeping their order', async () => {
    const ctx = await tempCore();
    const forum = createDemoForum(ctx);
    const [first] = await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId: forum.id });
    if (!first) throw new Error('the demo has key messages');
    const session = await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId: forum.id, sessionId: first.sessionId });
    // Keys ending in zero ('a0000') are ones fractional-indexing will not generate next to.
    expect(session.some((m) => m.position.endsWith('0'))).toBe(true);
    const note = addNote(ctx, forum.id, first.sessionId, 'One more point from the floor.');
    const added = await call(ctx, 'keyMessages:promote', { sessionId: first.sessionId, noteIds: [note] });
    const after = await call<KeyMessage[]>(ctx, 'keyMessages:list', { forumId: forum.id, sessionId: first.sessionId });
    expect(after.map((m) => m.id)).toEqual([...session.map((m) => m.id), added.id]);
    const positions = after.map((m) => m.position);
    expect(positions.every((p, i) => i === 0 || (positions[i - 1] ?? '') < p)).toBe(true);
    expect(positions.some((p) => p.endsWith('0') && p.length > 2)).toBe(false);
  });
});
