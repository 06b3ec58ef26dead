import { describe, expect, it } from 'vitest';
import { writeRow } from '../../../main/core/store/changeLog';
import { call, createSession, sessionInput } from '../agenda/agendaFixture';
import { captureForum, createNote } from './captureFixture';

type Progress = Array<{ sessionId: string; notes: number; keyMessages: number; validated: number }>;

describe('capture progress', () => {
  it('counts live notes, key messages and validated ones per session, listing sessions with none, and no breaks', async () => {
    const { ctx, forum, plenary, workshop } = await captureForum();
    const later = await createSession(ctx, forum.id, sessionInput({ day: '2026-03-03', title: { en: 'Closing' } }));
    const dropped = await createSession(ctx, forum.id, sessionInput({ day: '2026-03-04', title: { en: 'Cancelled' } }));
    await call(ctx, 'sessions:setDeleted', { id: dropped.id, deleted: true });
    for (const text of ['One.', 'Two.', 'Three.']) await createNote(ctx, { sessionId: plenary, text });
    const gone = await createNote(ctx, { sessionId: plenary, text: 'Deleted.' });
    await call(ctx, 'notes:setDeleted', { id: gone.id, deleted: true });
    await createNote(ctx, { sessionId: workshop, text: 'Only one here.' });
    const message = (id: string, sessionId: string, status: string, deleted = 0) =>
      writeRow(ctx, 'key_messages', id, { forum_id: forum.id, session_id: sessionId, text: { en: id }, position: 'a0', status, deleted });
    message('km-1', plenary, 'validated');
    message('km-2', plenary, 'draft');
    message('km-3', plenary, 'validated', 1);
    message('km-4', workshop, 'draft');

    expect(await call<Progress>(ctx, 'capture:progress', { forumId: forum.id })).toEqual([
      { sessionId: plenary, notes: 3, keyMessages: 2, validated: 1 },
      { sessionId: workshop, notes: 1, keyMessages: 1, validated: 0 },
      { sessionId: later.id, notes: 0, keyMessages: 0, validated: 0 },
    ]);
  });
});
