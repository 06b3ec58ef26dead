import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { maxNoteLength } from '../../../shared/capture';
import { call } from '../agenda/agendaFixture';
import { snapshot } from '../helpers/tempCore';
import { captureForum, createNote, foreignNote } from './captureFixture';

interface Ids {
  plenary: string;
  note: string;
  gone: string;
  foreign: string;
  deletedSession: string;
  stranger: string;
  removedPerson: string;
}

type Case = [label: string, command: string, input: (ids: Ids) => unknown, code: string, issue?: { path: string; message: string }];

const longText = 'x'.repeat(maxNoteLength + 1);

const cases: Case[] = [
  ['an empty note', 'notes:create', ({ plenary }) => ({ sessionId: plenary, lang: 'en', text: '' }), 'invalid_input', { path: 'text', message: 'validation.noteEmpty' }],
  ['a note of spaces and line breaks', 'notes:create', ({ plenary }) => ({ sessionId: plenary, lang: 'en', text: ' \n\t ' }), 'invalid_input', { path: 'text', message: 'validation.noteEmpty' }],
  ['a note of 100,001 characters', 'notes:create', ({ plenary }) => ({ sessionId: plenary, lang: 'en', text: longText }), 'invalid_input', { path: 'text', message: 'validation.noteTooLong' }],
  ['an edit to 100,001 characters', 'notes:update', ({ note }) => ({ id: note, text: longText }), 'invalid_input', { path: 'text', message: 'validation.noteTooLong' }],
  ['an edit that empties the note', 'notes:update', ({ note }) => ({ id: note, text: '   ' }), 'invalid_input', { path: 'text', message: 'validation.noteEmpty' }],
  ['a tag with an unknown prefix', 'notes:create', ({ plenary }) => ({ sessionId: plenary, lang: 'en', text: 'x', tags: ['odd:11'] }), 'invalid_input', { path: 'tags.0', message: 'validation.tag' }],
  ['a tag with no prefix', 'notes:update', ({ note }) => ({ id: note, tags: ['sdg:11', 'housing'] }), 'invalid_input', { path: 'tags.1', message: 'validation.tag' }],
  ['an SDG that does not exist', 'notes:create', ({ plenary }) => ({ sessionId: plenary, lang: 'en', text: 'x', tags: ['sdg:18'] }), 'invalid_input', { path: 'tags.0', message: 'validation.tag' }],
  ['a Goal 11 target that does not exist', 'notes:update', ({ note }) => ({ id: note, tags: ['theme:water', 'sdg:11.d'] }), 'invalid_input', { path: 'tags.1', message: 'validation.tag' }],
  ['a URL-GP principle that does not exist', 'notes:update', ({ note }) => ({ id: note, tags: ['urlgp:p11'] }), 'invalid_input', { path: 'tags.0', message: 'validation.tag' }],
  ['an empty theme', 'notes:update', ({ note }) => ({ id: note, tags: ['theme:'] }), 'invalid_input', { path: 'tags.0', message: 'validation.tag' }],
  ['51 tags', 'notes:update', ({ note }) => ({ id: note, tags: Array.from({ length: 51 }, (_, i) => `theme:t${i}`) }), 'invalid_input', { path: 'tags', message: 'validation.tooMany' }],
  ['a speaker from another forum', 'notes:create', ({ plenary, stranger }) => ({ sessionId: plenary, lang: 'en', text: 'x', speakerId: stranger }), 'invalid_input', { path: 'speakerId', message: 'validation.invalid' }],
  ['a speaker who was deleted', 'notes:update', ({ note, removedPerson }) => ({ id: note, speakerId: removedPerson }), 'invalid_input', { path: 'speakerId', message: 'validation.invalid' }],
  ['a speaker who does not exist', 'notes:update', ({ note }) => ({ id: note, speakerId: 'no-such-person' }), 'invalid_input', { path: 'speakerId', message: 'validation.invalid' }],
  ['a speaker id that is no id', 'notes:create', ({ plenary }) => ({ sessionId: plenary, lang: 'en', text: 'x', speakerId: 'Ana' }), 'invalid_input', { path: 'speakerId', message: 'validation.id' }],
  ['an overlong speaker name', 'notes:create', ({ plenary }) => ({ sessionId: plenary, lang: 'en', text: 'x', speakerName: 'N'.repeat(201) }), 'invalid_input', { path: 'speakerName', message: 'validation.tooLong' }],
  ['a language that is no tag', 'notes:create', ({ plenary }) => ({ sessionId: plenary, lang: 'English', text: 'x' }), 'invalid_input', { path: 'lang', message: 'validation.languageTag' }],
  ['no language', 'notes:create', ({ plenary }) => ({ sessionId: plenary, text: 'x' }), 'invalid_input', { path: 'lang', message: 'validation.invalid' }],
  ['a session that does not exist', 'notes:create', () => ({ sessionId: 'no-such-session', lang: 'en', text: 'x' }), 'not_found'],
  ['a deleted session', 'notes:create', ({ deletedSession }) => ({ sessionId: deletedSession, lang: 'en', text: 'x' }), 'not_found'],
  ['an id that is no id', 'notes:create', ({ plenary }) => ({ id: 'a b', sessionId: plenary, lang: 'en', text: 'x' }), 'invalid_input', { path: 'id', message: 'validation.id' }],
  ['an unknown field', 'notes:create', ({ plenary }) => ({ sessionId: plenary, lang: 'en', text: 'x', author: 'me' }), 'invalid_input'],
  ['an unknown field on an edit', 'notes:update', ({ note }) => ({ id: note, createdAt: '2020-01-01T00:00:00Z' }), 'invalid_input'],
  ['an edit of a note that does not exist', 'notes:update', () => ({ id: 'no-such-note', text: 'x' }), 'not_found'],
  ['an edit of a deleted note', 'notes:update', ({ gone }) => ({ id: gone, text: 'x' }), 'not_found'],
  ['a retried create of a deleted note', 'notes:create', ({ gone, plenary }) => ({ id: gone, sessionId: plenary, lang: 'en', text: 'x' }), 'not_found'],
  ['deleting a note that does not exist', 'notes:setDeleted', () => ({ id: 'no-such-note', deleted: true }), 'not_found'],
  ['an edit of another laptop’s note', 'notes:update', ({ foreign }) => ({ id: foreign, text: 'x' }), 'invalid_input', { path: 'id', message: 'validation.notYours' }],
  ['deleting another laptop’s note', 'notes:setDeleted', ({ foreign }) => ({ id: foreign, deleted: true }), 'invalid_input', { path: 'id', message: 'validation.notYours' }],
  ['listing a session that does not exist', 'notes:list', () => ({ sessionId: 'no-such-session' }), 'not_found'],
  ['progress of a forum that does not exist', 'capture:progress', () => ({ forumId: 'no-such-forum' }), 'not_found'],
  ['catalogues asked with an argument', 'catalogues:get', () => ({ language: 'en' }), 'invalid_input'],
];

async function setting() {
  const made = await captureForum();
  const { ctx, forum, plenary, people } = made;
  const note = await createNote(ctx, { sessionId: plenary, text: 'Kept as it is.', tags: ['sdg:11'] });
  const gone = await createNote(ctx, { sessionId: plenary, text: 'Deleted.' });
  await call(ctx, 'notes:setDeleted', { id: gone.id, deleted: true });
  const deletedSession = made.workshop;
  await call(ctx, 'sessions:setDeleted', { id: deletedSession, deleted: true });
  const removedPerson = people[3] as string;
  await call(ctx, 'participants:setDeleted', { id: removedPerson, deleted: true });
  const ids: Ids = { plenary, note: note.id, gone: gone.id, foreign: foreignNote(ctx, forum.id, plenary), deletedSession, stranger: made.stranger, removedPerson };
  return { ctx, ids };
}

describe('bad input to capture', () => {
  it.each(cases)('refuses %s with a clear error and changes nothing', async (_label, command, input, code, issue) => {
    const { ctx, ids } = await setting();
    const payload = input(ids);
    const before = snapshot(ctx);
    const result = await dispatch(ctx, 'cli', command, payload);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) {
      expect(result.error.message.length).toBeGreaterThan(10);
      if (issue) expect(result.error.issues).toContainEqual(issue);
    }
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses a client id already used in another session', async () => {
    const made = await captureForum();
    const note = await createNote(made.ctx, { sessionId: made.plenary, text: 'Here.' });
    const before = snapshot(made.ctx);
    const result = await dispatch(made.ctx, 'cli', 'notes:create', { id: note.id, sessionId: made.workshop, lang: 'en', text: 'There.' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'id', message: 'validation.invalid' }] } });
    expect(snapshot(made.ctx)).toBe(before);
  });

  it('accepts a note of exactly 100,000 characters', async () => {
    const { ctx, plenary } = await captureForum();
    const note = await createNote(ctx, { sessionId: plenary, text: 'y'.repeat(maxNoteLength) });
    expect(note.text).toHaveLength(maxNoteLength);
  });
});
