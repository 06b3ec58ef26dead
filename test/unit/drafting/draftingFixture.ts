import { randomUUID } from 'node:crypto';
import type { Forum } from '../../../shared/forum';
import type { CommandName } from '../../../shared/ipc';
import type { DraftParagraph, OutcomeDocument, OutcomeDocumentInput } from '../../../shared/outcome';
import type { AppError } from '../../../shared/result';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { tempCore, validForum } from '../helpers/tempCore';
import { importBytes } from '../helpers/exchange';

/** Runs a command through dispatch (validation included) and returns its value, or throws its message. */
export async function call<T>(ctx: CoreContext, name: CommandName, input: unknown): Promise<T> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The error of a command that must fail. */
export async function refusal(ctx: CoreContext, name: CommandName, input: unknown): Promise<AppError> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (result.ok) throw new Error(`${name} was expected to fail`);
  return result.error;
}

export const documentInput: OutcomeDocumentInput = {
  kind: 'communique',
  title: { en: 'Mérida Communiqué', es: 'Comunicado de Mérida' },
  subtitle: { en: 'Keeping villages alive' },
  place: { en: 'Mérida, Yucatán', es: 'Mérida (Yucatán)' },
  startDate: '2026-03-02',
  endDate: '2026-03-04',
  coOrganisers: ['UN-Habitat', 'State Government of Yucatán'],
  preamble: { en: 'We met in Mérida.' },
  leadIn: { en: 'We, the participants, agree as follows:' },
  closing: {},
  numbering: 'ordinal',
};

/** A forum in English (source), Chinese and Spanish, with no document yet. */
export async function trilingualForum(ctx?: CoreContext): Promise<{ ctx: CoreContext; forum: Forum }> {
  const core = ctx ?? (await tempCore());
  const forum = await call<Forum>(core, 'forums:create', { ...validForum, languages: ['en', 'zh', 'es'] });
  return { ctx: core, forum };
}

export async function createDocument(ctx: CoreContext, forumId: string, input: Partial<OutcomeDocumentInput> = {}): Promise<OutcomeDocument> {
  return call<OutcomeDocument>(ctx, 'outcome:create', { forumId, document: { ...documentInput, ...input } });
}

export async function addParagraph(
  ctx: CoreContext,
  documentId: string,
  text: Record<string, string>,
  options: { after?: string | null; kind?: 'numbered' | 'plain' | 'heading'; keyMessageIds?: string[] } = {},
): Promise<DraftParagraph> {
  return call<DraftParagraph>(ctx, 'paragraphs:create', {
    documentId,
    after: options.after ?? null,
    kind: options.kind ?? 'numbered',
    text,
    ...(options.keyMessageIds ? { keyMessageIds: options.keyMessageIds } : {}),
  });
}

/** A document with points one to `count` ("Point 1"...), in that order. */
export async function documentWithPoints(count: number, ctx?: CoreContext) {
  const { ctx: core, forum } = await trilingualForum(ctx);
  const document = await createDocument(core, forum.id);
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) ids.push((await addParagraph(core, document.id, { en: `Point ${i}` }, { after: ids.at(-1) ?? null })).id);
  return { ctx: core, forum, document, ids };
}

export const order = async (ctx: CoreContext, documentId: string) =>
  (await call<OutcomeDocument>(ctx, 'outcome:get', { documentId })).paragraphs.map((p) => p.id);

export function addSession(ctx: CoreContext, forumId: string, title: string, day: string, startTime: string, kind = 'plenary'): string {
  const id = randomUUID();
  writeRow(ctx, 'sessions', id, { forum_id: forumId, day, start_time: startTime, end_time: '23:00', kind, title: { en: title }, deleted: 0 });
  return id;
}

/** A key message straight through the log, with one note (and its speaker) behind it. */
export function addKeyMessage(ctx: CoreContext, forumId: string, sessionId: string, text: Record<string, string>, speakerName = 'Ana García'): string {
  const id = randomUUID();
  const note = randomUUID();
  writeRow(ctx, 'notes', note, {
    forum_id: forumId,
    session_id: sessionId,
    lang: 'en',
    text: `Said: ${text.en ?? ''}`,
    speaker_name: speakerName,
    created_at: '2026-03-02T09:00:00.000Z',
    deleted: 0,
  });
  writeRow(ctx, 'key_messages', id, { forum_id: forumId, session_id: sessionId, text, position: `a${id.slice(0, 4)}`, status: 'draft', deleted: 0 });
  writeRow(ctx, 'key_message_sources', randomUUID(), { forum_id: forumId, key_message_id: id, note_id: note, deleted: 0 });
  return id;
}

/** Hands one laptop's changes to another, as a USB stick would. */
export async function send(from: CoreContext, to: CoreContext, forumId: string): Promise<void> {
  const { bytes } = exportBundle(from, { forumId });
  await importBytes(to, bytes);
}

/** Two laptops holding the same forum and document. */
export async function twoLaptops(points: number) {
  const first = await documentWithPoints(points);
  const other = await tempCore();
  await send(first.ctx, other, first.forum.id);
  return { a: first.ctx, b: other, forum: first.forum, document: first.document, ids: first.ids };
}
