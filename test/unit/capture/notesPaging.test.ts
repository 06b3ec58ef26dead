import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import type { Note } from '../../../shared/capture';
import { call } from '../agenda/agendaFixture';
import { snapshot } from '../helpers/tempCore';
import { captureForum, listNotes } from './captureFixture';

type Page = { before?: { createdAt: string; id: string }; limit?: number };
const page = (ctx: CoreContext, sessionId: string, options: Page) => call<Note[]>(ctx, 'notes:list', { sessionId, ...options });
const cursor = (note: Note | undefined) => ({ createdAt: note?.createdAt ?? '', id: note?.id ?? '' });

/**
 * Notes written straight through the change log so that their start times can be chosen: three
 * started at the same instant (told apart by id, written out of id order), a deleted one, and one
 * in another session.
 */
async function pagedSession() {
  const made = await captureForum();
  const { ctx, forum, plenary, workshop } = made;
  const note = (id: string, createdAt: string, sessionId = plenary, deleted = 0) =>
    writeRow(ctx, 'notes', id, { forum_id: forum.id, session_id: sessionId, lang: 'en', text: `Note ${id}`, created_at: createdAt, tags: [], key_point: 0, author: ctx.deviceId, deleted });
  note('note-0001', '2026-03-02T09:00:00.000Z');
  note('note-0002', '2026-03-02T09:01:00.000Z');
  note('note-tie-c', '2026-03-02T09:02:00.000Z');
  note('note-tie-a', '2026-03-02T09:02:00.000Z');
  note('note-tie-b', '2026-03-02T09:02:00.000Z');
  note('note-gone', '2026-03-02T09:03:00.000Z', plenary, 1);
  note('note-0003', '2026-03-02T09:04:00.000Z');
  note('note-0004', '2026-03-02T09:05:00.000Z');
  note('note-elsewhere', '2026-03-02T09:06:00.000Z', workshop);
  return made;
}

const order = ['note-0001', 'note-0002', 'note-tie-a', 'note-tie-b', 'note-tie-c', 'note-0003', 'note-0004'];
const ids = (notes: Note[]) => notes.map((n) => n.id);

describe('notes:list in pages', () => {
  it('lists every live note oldest first, ties by id, when no limit is given', async () => {
    const { ctx, plenary } = await pagedSession();
    expect(ids(await listNotes(ctx, plenary))).toEqual(order);
  });

  it('gives the newest notes first, still in chronological order', async () => {
    const { ctx, plenary } = await pagedSession();
    expect(ids(await page(ctx, plenary, { limit: 2 }))).toEqual(['note-0003', 'note-0004']);
    expect(ids(await page(ctx, plenary, { limit: 1000 }))).toEqual(order);
  });

  it('walks back through the session page by page, splitting notes started at the same instant', async () => {
    const { ctx, plenary } = await pagedSession();
    const all = await listNotes(ctx, plenary);
    for (const limit of [1, 2, 3, 4]) {
      const seen: Note[] = [];
      let next = await page(ctx, plenary, { limit });
      while (next.length > 0) {
        expect(next.length).toBeLessThanOrEqual(limit);
        seen.unshift(...next);
        next = await page(ctx, plenary, { before: cursor(next[0]), limit });
      }
      // The same notes as the whole list, with the same details, none twice and none missed.
      expect(seen).toEqual(all);
    }
  });

  it('gives the notes before a cursor in the middle of a tie', async () => {
    const { ctx, plenary } = await pagedSession();
    expect(ids(await page(ctx, plenary, { before: { createdAt: '2026-03-02T09:02:00.000Z', id: 'note-tie-b' }, limit: 10 }))).toEqual([
      'note-0001',
      'note-0002',
      'note-tie-a',
    ]);
    expect(ids(await page(ctx, plenary, { before: { createdAt: '2026-03-02T09:02:00.000Z', id: 'note-tie-b' } }))).toEqual(['note-0001', 'note-0002', 'note-tie-a']);
  });

  it('accepts a cursor that is no longer a note (deleted since) and gives nothing before the first', async () => {
    const { ctx, plenary } = await pagedSession();
    expect(ids(await page(ctx, plenary, { before: { createdAt: '2026-03-02T09:03:00.000Z', id: 'note-gone' }, limit: 2 }))).toEqual(['note-tie-b', 'note-tie-c']);
    expect(await page(ctx, plenary, { before: cursor((await listNotes(ctx, plenary))[0]), limit: 5 })).toEqual([]);
  });

  it('reads the page through the notes_by_forum_session index', async () => {
    const { ctx } = await pagedSession();
    const plan = (sql: string) => (ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('f', 's', 'c', 'c', 'i', 5) as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    const detail = plan(`SELECT n.id FROM notes n WHERE n.forum_id = ? AND n.session_id = ? AND n.deleted = 0 AND n.created_at <= ? AND (n.created_at < ? OR n.id < ?)
      ORDER BY n.created_at DESC, n.id DESC LIMIT ?`);
    expect(detail).toContain('USING INDEX notes_by_forum_session (forum_id=? AND session_id=? AND created_at<?)');
    expect(detail).not.toMatch(/SCAN n\b/);
  });
});

describe('bad paging input', () => {
  const cases: Array<[label: string, input: (sessionId: string) => unknown, path: string, code: string]> = [
    ['a limit of 0', (sessionId) => ({ sessionId, limit: 0 }), 'limit', 'invalid_input'],
    ['a limit of 1,001', (sessionId) => ({ sessionId, limit: 1001 }), 'limit', 'invalid_input'],
    ['a negative limit', (sessionId) => ({ sessionId, limit: -5 }), 'limit', 'invalid_input'],
    ['a fractional limit', (sessionId) => ({ sessionId, limit: 2.5 }), 'limit', 'invalid_input'],
    ['a limit given as text', (sessionId) => ({ sessionId, limit: '20' }), 'limit', 'invalid_input'],
    ['a cursor without an id', (sessionId) => ({ sessionId, before: { createdAt: '2026-03-02T09:00:00.000Z' } }), 'before.id', 'invalid_input'],
    ['a cursor with an empty time', (sessionId) => ({ sessionId, before: { createdAt: '', id: 'note-0001' } }), 'before.createdAt', 'invalid_input'],
    ['a cursor with an unknown field', (sessionId) => ({ sessionId, before: { createdAt: '2026-03-02T09:00:00.000Z', id: 'note-0001', rowid: 3 } }), 'before', 'invalid_input'],
    ['a cursor that is a string', (sessionId) => ({ sessionId, before: 'note-0001' }), 'before', 'invalid_input'],
    ['an unknown field', (sessionId) => ({ sessionId, offset: 200 }), '', 'invalid_input'],
  ];

  it.each(cases)('refuses %s with a clear error and changes nothing', async (_label, input, path, code) => {
    const { ctx, plenary } = await pagedSession();
    const before = snapshot(ctx);
    const result = await dispatch(ctx, 'cli', 'notes:list', input(plenary));
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) {
      expect(result.error.message.length).toBeGreaterThan(10);
      if (path) expect(result.error.issues?.map((i) => i.path)).toContain(path);
    }
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses a page of a session that does not exist and changes nothing', async () => {
    const { ctx } = await pagedSession();
    const before = snapshot(ctx);
    const result = await dispatch(ctx, 'cli', 'notes:list', { sessionId: 'no-such-session', limit: 10 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(snapshot(ctx)).toBe(before);
  });
});
