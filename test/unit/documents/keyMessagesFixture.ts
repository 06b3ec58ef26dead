import type { KeyMessagesGeneration, GeneratedFlag } from '../../../shared/keyMessagesDocument';
import type { OutcomeDocument } from '../../../shared/outcome';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { addKeyMessage, addSession, call, trilingualForum } from '../drafting/draftingFixture';

export { call, refusal, send, addSession } from '../drafting/draftingFixture';

/** A key message that counts: validated, at the given place in its session's order. */
export function validated(ctx: CoreContext, forumId: string, sessionId: string, text: Record<string, string>, position: string): string {
  const id = addKeyMessage(ctx, forumId, sessionId, text);
  writeRow(ctx, 'key_messages', id, { status: 'validated', position });
  return id;
}

export const generate = (ctx: CoreContext, forumId: string) => call<KeyMessagesGeneration>(ctx, 'documents:generateKeyMessages', { forumId });
export const flags = (ctx: CoreContext, documentId: string) => call<GeneratedFlag[]>(ctx, 'documents:generatedFlags', { documentId });
export const documentOf = (ctx: CoreContext, documentId: string) => call<OutcomeDocument>(ctx, 'outcome:get', { documentId });

/** The document as "kind: text in English" lines, in order. */
export async function outline(ctx: CoreContext, documentId: string): Promise<string[]> {
  return (await documentOf(ctx, documentId)).paragraphs.map((p) => `${p.kind === 'heading' ? '#' : '-'} ${p.text.en ?? ''}`);
}

/**
 * Two sessions on two days, entered out of agenda order, with validated messages (also entered
 * out of their order), a draft message that must not appear, and a session with none.
 */
export async function forumWithMessages(ctx?: CoreContext) {
  const { ctx: core, forum } = await trilingualForum(ctx);
  const later = addSession(core, forum.id, 'Water and food', '2026-03-03', '09:00');
  const first = addSession(core, forum.id, 'Opening', '2026-03-02', '09:00');
  const afternoon = addSession(core, forum.id, 'Intermediary cities', '2026-03-02', '14:00');
  addSession(core, forum.id, 'Empty session', '2026-03-02', '16:00');
  writeRow(core, 'sessions', first, { title: { zh: '开幕式', es: 'Apertura' } });
  const messages = {
    water: validated(core, forum.id, later, { en: 'Water for all settlements.' }, 'a1'),
    care: validated(core, forum.id, first, { en: 'Care at the heart.', es: 'El cuidado en el centro.' }, 'a2'),
    unified: validated(core, forum.id, first, { en: 'Unified territories.' }, 'a1'),
    cities: validated(core, forum.id, afternoon, { en: 'Intermediary cities link.' }, 'a1'),
  };
  addKeyMessage(core, forum.id, afternoon, { en: 'A draft nobody validated.' });
  return { ctx: core, forum, sessions: { first, afternoon, later }, messages };
}
