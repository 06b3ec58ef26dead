import { describe, expect, it } from 'vitest';
import type { Note } from '../../../shared/capture';
import { dispatch } from '../../../main/core/commands/dispatch';
import { writeRow } from '../../../main/core/store/changeLog';
import { rowHistory } from '../../../main/core/store/rowHistory';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { call, rebuildFromLog } from '../agenda/agendaFixture';
import { snapshot, tempCore } from '../helpers/tempCore';
import { captureForum, createNote, foreignNote, listNotes, updateNote } from './captureFixture';
import { importBytes } from '../helpers/exchange';

describe('notes', () => {
  it('are created, edited, deleted and restored through the log, which alone rebuilds the same tables', async () => {
    const { ctx, plenary, people } = await captureForum();
    const [ana = ''] = people;
    const first = await createNote(ctx, { sessionId: plenary, text: 'Villages need broadband.', speakerId: ana, tags: ['sdg:11.a', 'theme:connectivity'] });
    expect(first).toMatchObject({
      sessionId: plenary,
      speakerId: ana,
      speakerName: 'Ana García',
      lang: 'en',
      text: 'Villages need broadband.',
      tags: ['sdg:11.a', 'theme:connectivity'],
      keyPoint: false,
      mine: true,
      alternatives: [],
      keyMessageIds: [],
    });
    expect(Date.parse(first.createdAt)).not.toBeNaN();
    const second = await createNote(ctx, { sessionId: plenary, text: 'Schools close when young people leave.', lang: 'fr' });
    const edited = await updateNote(ctx, { id: first.id, text: 'Villages need affordable broadband.', keyPoint: true });
    expect(edited).toMatchObject({ text: 'Villages need affordable broadband.', keyPoint: true, tags: first.tags, speakerId: ana });
    expect(await call(ctx, 'notes:setDeleted', { id: second.id, deleted: true })).toEqual({ id: second.id, deleted: true });
    expect((await listNotes(ctx, plenary)).map((n) => n.id)).toEqual([first.id]);
    await call(ctx, 'notes:setDeleted', { id: second.id, deleted: false });
    const listed = await listNotes(ctx, plenary);
    expect(listed.map((n) => n.text)).toEqual(['Villages need affordable broadband.', 'Schools close when young people leave.']);
    await call(ctx, 'notes:setDeleted', { id: second.id, deleted: true });

    const before = snapshot(ctx);
    const notes = await listNotes(ctx, plenary);
    rebuildFromLog(ctx);
    expect(snapshot(ctx)).toBe(before);
    expect(await listNotes(ctx, plenary)).toEqual(notes);
    // The search index follows the rebuilt rows.
    const found = ctx.db.prepare('SELECT n.id FROM notes_search s JOIN notes n ON n.rowid = s.rowid WHERE notes_search MATCH ?').pluck();
    expect(found.all('"affordable"')).toEqual([first.id]);
  });

  it('write only the cells that changed, so a save while typing logs the text alone', async () => {
    const { ctx, plenary } = await captureForum();
    const note = await createNote(ctx, { sessionId: plenary, text: 'T', tags: ['sdg:11'] });
    await updateNote(ctx, { id: note.id, text: 'Th', lang: 'en', tags: ['sdg:11'], keyPoint: false, speakerId: null, speakerName: '' });
    await updateNote(ctx, { id: note.id, text: 'Th' });
    await updateNote(ctx, { id: note.id, tags: ['sdg:11', 'sdg:11'] });
    const history = rowHistory(ctx.db, 'notes', note.id);
    expect(history.map((c) => Object.keys(c.cells))).toEqual([
      ['forum_id', 'session_id', 'speaker_id', 'speaker_name', 'lang', 'text', 'created_at', 'tags', 'key_point', 'author', 'deleted'],
      ['text'],
    ]);
    // Each edit names the version it replaces, so another laptop's concurrent edit is kept beside it.
    expect(history[1]?.parents).toEqual({ text: [`${history[0]?.device}/${history[0]?.hlc}`] });
  });

  it('are listed in the order they were started, then by id, with only live key messages citing them', async () => {
    const { ctx, forum, plenary, workshop } = await captureForum();
    const times = ['2026-03-02T09:10:00.000Z', '2026-03-02T09:01:00.000Z', '2026-03-02T09:10:00.000Z'];
    const ids = ['note-ccc-3', 'note-bbb-2', 'note-aaa-1'];
    ids.forEach((id, index) =>
      writeRow(ctx, 'notes', id, { forum_id: forum.id, session_id: plenary, lang: 'en', text: id, created_at: times[index], tags: [], key_point: 0, author: ctx.deviceId, deleted: 0 }),
    );
    await createNote(ctx, { sessionId: workshop, text: 'Elsewhere.' });
    const message = (id: string, deleted: number) =>
      writeRow(ctx, 'key_messages', id, { forum_id: forum.id, session_id: plenary, text: { en: id }, position: id, status: 'draft', deleted });
    message('km-live-2', 0);
    message('km-live-1', 0);
    message('km-gone', 1);
    const source = (id: string, messageId: string, noteId: string, deleted: number) =>
      writeRow(ctx, 'key_message_sources', id, { forum_id: forum.id, key_message_id: messageId, note_id: noteId, deleted });
    source('src-1', 'km-live-2', 'note-aaa-1', 0);
    source('src-2', 'km-live-1', 'note-aaa-1', 0);
    source('src-3', 'km-gone', 'note-bbb-2', 0);
    source('src-4', 'km-live-1', 'note-ccc-3', 1);
    const listed = await listNotes(ctx, plenary);
    expect(listed.map((n) => [n.id, n.keyMessageIds])).toEqual([
      ['note-bbb-2', []],
      ['note-aaa-1', ['km-live-1', 'km-live-2']],
      ['note-ccc-3', []],
    ]);
  });

  it('make one note of a create retried with the same id, applying its text', async () => {
    const { ctx, plenary } = await captureForum();
    const id = 'client-made-note-id-1';
    const made = await createNote(ctx, { id, sessionId: plenary, text: 'First words' });
    const retried = await createNote(ctx, { id, sessionId: plenary, text: 'First words, and more' });
    const again = await createNote(ctx, { id, sessionId: plenary, text: 'First words, and more' });
    expect(made.id).toBe(id);
    expect(retried).toEqual({ ...made, text: 'First words, and more' });
    expect(again).toEqual(retried);
    expect(await listNotes(ctx, plenary)).toEqual([retried]);
    expect(rowHistory(ctx.db, 'notes', id)).toHaveLength(2);
  });

  it('attribute a speaker: a listed participant by name, or a name typed on the spot', async () => {
    const { ctx, plenary, people } = await captureForum();
    const [ana = '', wang = ''] = people;
    const listedSpeaker = await createNote(ctx, { sessionId: plenary, text: 'On roads.', speakerId: wang });
    expect(listedSpeaker).toMatchObject({ speakerId: wang, speakerName: 'Wang Wei' });
    const typed = await createNote(ctx, { sessionId: plenary, text: 'From the floor.', speakerName: '  Mayor of Songyang  ' });
    expect(typed).toMatchObject({ speakerId: null, speakerName: 'Mayor of Songyang' });
    const nobody = await createNote(ctx, { sessionId: plenary, text: 'Background.' });
    expect(nobody).toMatchObject({ speakerId: null, speakerName: '' });
    const moved = await updateNote(ctx, { id: typed.id, speakerId: ana });
    expect(moved).toMatchObject({ speakerId: ana, speakerName: 'Ana García' });
    const back = await updateNote(ctx, { id: typed.id, speakerId: null });
    expect(back).toMatchObject({ speakerId: null, speakerName: 'Mayor of Songyang' });
    // The participant's current name is shown, even after they are renamed.
    writeRow(ctx, 'participants', wang, { name: 'WANG Wei' });
    expect((await listNotes(ctx, plenary)).find((n) => n.id === listedSpeaker.id)?.speakerName).toBe('WANG Wei');
  });

  it('take catalogue tags and free themes, once each, and mark key points', async () => {
    const { ctx, plenary } = await captureForum();
    const note = await createNote(ctx, { sessionId: plenary, text: 'Water plans across the territory.', tags: ['nua:72', 'urlgp:p3', 'urlgp:f2', 'theme:water', 'nua:72'], keyPoint: true });
    expect(note.tags).toEqual(['nua:72', 'urlgp:p3', 'urlgp:f2', 'theme:water']);
    expect(note.keyPoint).toBe(true);
    const retagged = await updateNote(ctx, { id: note.id, tags: ['sdg:6'], keyPoint: false });
    expect(retagged).toMatchObject({ tags: ['sdg:6'], keyPoint: false });
  });

  it('refuse edits and deletions of a note written on another laptop, and say so', async () => {
    const { ctx, forum, plenary } = await captureForum();
    const id = foreignNote(ctx, forum.id, plenary);
    expect((await listNotes(ctx, plenary))[0]).toMatchObject({ id, mine: false, text: 'Written elsewhere.' });
    const before = snapshot(ctx);
    for (const [command, input] of [
      ['notes:update', { id, text: 'Overwritten here.' }],
      ['notes:update', { id, keyPoint: true }],
      ['notes:setDeleted', { id, deleted: true }],
      ['notes:create', { id, sessionId: plenary, lang: 'en', text: 'Retried here.' }],
    ] as const) {
      const result = await dispatch(ctx, 'cli', command, input);
      expect(result, command).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'id', message: 'validation.notYours' }] } });
      expect(result.ok ? '' : result.error.message).toMatch(/written on another laptop/);
    }
    expect(snapshot(ctx)).toBe(before);
  });

  it('show the other version of a text edited concurrently on another laptop, until one is chosen', async () => {
    const a = await captureForum();
    const b = await tempCore();
    const send = async (from: typeof a.ctx, to: typeof a.ctx) =>
      importBytes(to, exportBundle(from, { forumId: a.forum.id }).bytes);
    const note = await createNote(a.ctx, { sessionId: a.plenary, text: 'Broadband for villages.' });
    await send(a.ctx, b);
    // Laptop B settles the text its own way while A goes on typing, neither seeing the other.
    writeRow(b, 'notes', note.id, { text: 'Broadband and roads for villages.' });
    await updateNote(a.ctx, { id: note.id, text: 'Broadband for villages, affordable.' });
    await send(b, a.ctx);
    const [shown] = await listNotes(a.ctx, a.plenary);
    expect([shown?.text, ...(shown?.alternatives ?? [])].sort()).toEqual(['Broadband and roads for villages.', 'Broadband for villages, affordable.']);
    expect(shown?.alternatives).toHaveLength(1);
    await call(a.ctx, 'prose:choose', { table: 'notes', rowId: note.id, cell: 'text', text: 'Affordable broadband and roads for villages.' });
    expect(await listNotes(a.ctx, a.plenary)).toMatchObject([{ text: 'Affordable broadband and roads for villages.', alternatives: [] }]);
  });

  it('are saved on every pause in typing without a second note or a lost character', async () => {
    const { ctx, plenary } = await captureForum();
    const sentence = '城乡融合发展需要宽带。';
    let note: Note | undefined;
    for (let end = 1; end <= sentence.length; end++) {
      const text = sentence.slice(0, end);
      note = note ? await updateNote(ctx, { id: note.id, text }) : await createNote(ctx, { sessionId: plenary, text, lang: 'zh' });
    }
    expect(await listNotes(ctx, plenary)).toMatchObject([{ text: sentence, lang: 'zh' }]);
    expect(rowHistory(ctx.db, 'notes', note?.id ?? '')).toHaveLength(sentence.length);
  });
});
