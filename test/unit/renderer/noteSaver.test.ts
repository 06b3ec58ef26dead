import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../shared/capture';
import type { CommandInput } from '../../../shared/ipc';
import { fail, type Result } from '../../../shared/result';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { NoteSaver, type NoteFields, type NoteSaveApi } from '../../../renderer/src/components/capture/noteSaver';
import { snapshot } from '../helpers/tempCore';
import { captureForum, listNotes } from '../capture/captureFixture';
import { MemoryStorage } from './memoryStorage';

/**
 * The real core behind the saver, reached as the HTTP transport would: `down` makes every call
 * fail as an unreachable server does; `delayMs` holds each answer back, as a busy laptop might.
 */
function transport(ctx: CoreContext) {
  const state = { down: false, delayMs: 0, calls: [] as string[] };
  const call = async <T>(name: string, input: unknown): Promise<Result<T>> => {
    state.calls.push(name);
    if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    if (state.down) return fail('internal', "Could not reach Plenary's server: connection refused");
    return (await dispatch(ctx, 'http', name, input)) as Result<T>;
  };
  const api: NoteSaveApi = {
    create: (input: CommandInput<'notes:create'>) => call<Note>('notes:create', input),
    update: (input: CommandInput<'notes:update'>) => call<Note>('notes:update', input),
  };
  return { api, state };
}

const fields = (sessionId: string, patch: Partial<NoteFields> = {}): NoteFields => ({
  sessionId,
  lang: 'en',
  text: '',
  speakerId: null,
  speakerName: '',
  tags: [],
  keyPoint: false,
  ...patch,
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('NoteSaver', () => {
  it('creates the note with its own id at the first non-blank character, then saves the latest text after a pause', async () => {
    const { ctx, plenary } = await captureForum();
    const { api, state } = transport(ctx);
    const saver = new NoteSaver(api, undefined);
    const id = randomUUID();
    saver.open(id, fields(plenary));
    saver.editText(id, '   ');
    await saver.flush();
    expect(state.calls).toEqual([]);
    expect(saver.getStatus().state).toBe('saved');

    const sentence = 'Broadband reached most villages';
    for (let i = 1; i <= sentence.length; i++) saver.editText(id, sentence.slice(0, i));
    expect(saver.getStatus().state).toBe('saving');
    await pause(450);
    await saver.flush();
    // Thirty keystrokes, one request: the pause gathers them.
    expect(state.calls).toEqual(['notes:create']);
    expect(saver.getStatus().state).toBe('saved');
    const [note] = await listNotes(ctx, plenary);
    expect(note).toMatchObject({ id, text: sentence, mine: true });
  });

  it('sends one request at a time and the last text always wins, however slow the answers', async () => {
    const { ctx, plenary } = await captureForum();
    const { api, state } = transport(ctx);
    state.delayMs = 40;
    const saver = new NoteSaver(api, undefined);
    const id = randomUUID();
    saver.open(id, fields(plenary));
    let text = '';
    const flushes: Promise<void>[] = [];
    for (const word of 'one two three four five six seven'.split(' ')) {
      text += `${word} `;
      saver.editText(id, text);
      flushes.push(saver.flush());
      await pause(15);
    }
    saver.setMeta(id, { keyPoint: true, tags: ['sdg:11.3'] });
    await Promise.all(flushes);
    await saver.flush();
    expect(state.calls[0]).toBe('notes:create');
    expect(state.calls.filter((c) => c === 'notes:create')).toHaveLength(1);
    const [note] = await listNotes(ctx, plenary);
    expect(note).toMatchObject({ text: 'one two three four five six seven ', keyPoint: true, tags: ['sdg:11.3'] });
  });

  it('keeps the text while the server is down, says so, keeps a copy, and saves it once the server is back', async () => {
    const { ctx, plenary } = await captureForum();
    const { api, state } = transport(ctx);
    const storage = new MemoryStorage();
    const saver = new NoteSaver(api, storage);
    const id = randomUUID();
    saver.open(id, fields(plenary));
    saver.editText(id, 'Saved before the crash');
    await saver.flush();
    state.down = true;
    saver.editText(id, 'Saved before the crash, and typed after it');
    await saver.flush();
    expect(saver.getStatus().state).toBe('retrying');
    expect(saver.backups(plenary)).toEqual([]);
    // Another page (after a reload) finds the copy of what could not be saved.
    const later = new NoteSaver(api, storage);
    const copies = later.backups(plenary);
    expect(copies.map((c) => c.fields.text)).toEqual(['Saved before the crash, and typed after it']);
    expect((await listNotes(ctx, plenary))[0]?.text).toBe('Saved before the crash');

    state.down = false;
    const notes = await listNotes(ctx, plenary);
    const copy = copies[0];
    if (!copy) throw new Error('no copy');
    later.adopt(copy, notes.find((n) => n.id === copy.id));
    await later.flush();
    expect(later.getStatus().state).toBe('saved');
    expect((await listNotes(ctx, plenary))[0]?.text).toBe('Saved before the crash, and typed after it');
    expect(storage.length).toBe(0);
    // The first page's retry finds nothing left to change.
    await saver.flush();
    expect(saver.getStatus().state).toBe('saved');
    expect(await listNotes(ctx, plenary)).toHaveLength(1);
    saver.dispose();
    later.dispose();
  });

  it('a refused note (over 100,000 characters) says why, changes nothing, and the next edit saves again', async () => {
    const { ctx, plenary } = await captureForum();
    const { api } = transport(ctx);
    const saver = new NoteSaver(api, undefined);
    const id = randomUUID();
    saver.open(id, fields(plenary));
    const before = snapshot(ctx);
    saver.editText(id, 'x'.repeat(100_001));
    await saver.flush();
    expect(saver.getStatus()).toMatchObject({ state: 'rejected', error: { code: 'invalid_input', issues: [{ path: 'text', message: 'validation.noteTooLong' }] } });
    expect(snapshot(ctx)).toBe(before);
    saver.editText(id, 'A shorter note');
    await saver.flush();
    expect(saver.getStatus().state).toBe('saved');
    expect((await listNotes(ctx, plenary))[0]?.text).toBe('A shorter note');
  });

  it('tells subscribers only when the state changes, not on every keystroke', async () => {
    const { ctx, plenary } = await captureForum();
    const { api } = transport(ctx);
    const saver = new NoteSaver(api, undefined);
    const id = randomUUID();
    saver.open(id, fields(plenary));
    let told = 0;
    saver.subscribeStatus(() => told++);
    for (let i = 1; i <= 50; i++) saver.editText(id, 'y'.repeat(i));
    expect(told).toBe(1);
    await saver.flush();
    expect(saver.getStatus().state).toBe('saved');
    expect(told).toBe(2);
  });
});
