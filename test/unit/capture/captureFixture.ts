import { randomUUID } from 'node:crypto';
import type { Note } from '../../../shared/capture';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { agendaForum, call, createSession, sessionInput } from '../agenda/agendaFixture';

/**
 * A forum with four people, two sessions to take notes in, a break, and a second forum whose
 * participant must never be accepted as a speaker here.
 */
export async function captureForum() {
  const { ctx, forum, people } = await agendaForum();
  const plenary = await createSession(ctx, forum.id, sessionInput({ roles: [{ participantId: people[0] as string, role: 'speaker' }] }));
  const workshop = await createSession(ctx, forum.id, sessionInput({ startTime: '11:00', endTime: '12:30', kind: 'parallel', title: { en: 'Rural broadband' } }));
  const coffee = await createSession(ctx, forum.id, sessionInput({ startTime: '10:30', endTime: '11:00', kind: 'break', title: { en: 'Coffee' } }));
  const otherForum = randomUUID();
  writeRow(ctx, 'forums', otherForum, { title: { en: 'Another forum' }, languages: ['en'], source_language: 'en', deleted: 0 });
  const stranger = randomUUID();
  writeRow(ctx, 'participants', stranger, { forum_id: otherForum, name: 'Someone Else', deleted: 0 });
  return { ctx, forum, people, plenary: plenary.id, workshop: workshop.id, coffee: coffee.id, stranger };
}

export const createNote = (ctx: CoreContext, input: Record<string, unknown>) => call<Note>(ctx, 'notes:create', { lang: 'en', ...input });
export const updateNote = (ctx: CoreContext, input: Record<string, unknown>) => call<Note>(ctx, 'notes:update', input);
export const listNotes = (ctx: CoreContext, sessionId: string) => call<Note[]>(ctx, 'notes:list', { sessionId });

/** A note as another laptop would have written it and a sync brought it here. */
export function foreignNote(ctx: CoreContext, forumId: string, sessionId: string, text = 'Written elsewhere.'): string {
  const id = randomUUID();
  writeRow(ctx, 'notes', id, {
    forum_id: forumId,
    session_id: sessionId,
    lang: 'en',
    text,
    created_at: '2026-03-02T09:05:00.000Z',
    tags: [],
    key_point: 0,
    author: 'another-laptop-device-id',
    deleted: 0,
  });
  return id;
}
