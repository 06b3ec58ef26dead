import { randomUUID } from 'node:crypto';
import type { CommandName } from '../../../shared/ipc';
import type { KeyMessage } from '../../../shared/keyMessages';
import type { Result } from '../../../shared/result';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { tempCore, validForum } from '../helpers/tempCore';
import { importBytes } from '../helpers/exchange';

/** Runs a command through dispatch (validation included) and returns its value, or throws its message. */
export async function call<T = KeyMessage>(ctx: CoreContext, name: CommandName, input: unknown): Promise<T> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The envelope itself, for bad inputs. */
export const attempt = (ctx: CoreContext, name: CommandName, input: unknown): Promise<Result<unknown>> => dispatch(ctx, 'cli', name, input);

export function addSession(ctx: CoreContext, forumId: string, day = '2026-03-02', startTime = '09:00'): string {
  const id = randomUUID();
  writeRow(ctx, 'sessions', id, {
    forum_id: forumId,
    day,
    start_time: startTime,
    end_time: '23:00',
    kind: 'plenary',
    title: { en: `Session at ${day} ${startTime}` },
    deleted: 0,
  });
  return id;
}

let minute = 0;

/** A note written straight through the change log (the notes store belongs to the capture screen). */
export function addNote(
  ctx: CoreContext,
  forumId: string,
  sessionId: string,
  text: string,
  options: { lang?: string; speakerId?: string; speakerName?: string } = {},
): string {
  const id = randomUUID();
  minute += 1;
  writeRow(ctx, 'notes', id, {
    forum_id: forumId,
    session_id: sessionId,
    speaker_id: options.speakerId ?? null,
    speaker_name: options.speakerName ?? null,
    lang: options.lang ?? 'en',
    text,
    created_at: new Date(Date.UTC(2026, 2, 2, 9) + minute * 60_000).toISOString(),
    tags: [],
    key_point: 0,
    author: ctx.deviceId,
    deleted: 0,
  });
  return id;
}

/** A forum in English and Spanish with two sessions (morning, afternoon), a speaker and notes. */
export async function keyMessageForum(ctx?: CoreContext) {
  const core = ctx ?? (await tempCore());
  const forum = createForum(core, validForum);
  const morning = addSession(core, forum.id, '2026-03-02', '09:00');
  const afternoon = addSession(core, forum.id, '2026-03-02', '14:00');
  const speaker = randomUUID();
  writeRow(core, 'participants', speaker, { forum_id: forum.id, name: 'Ana García', deleted: 0 });
  const notes = [
    addNote(core, forum.id, morning, 'Villages lose their young people to the cities.', { speakerId: speaker }),
    addNote(core, forum.id, morning, 'Los mercados locales sostienen la economía rural.', { lang: 'es', speakerName: 'Don Luis' }),
    addNote(core, forum.id, morning, 'Broadband reaches only a third of rural homes.'),
  ];
  const later = [addNote(core, forum.id, afternoon, 'Heritage tourism can pay for restoration.')];
  return { ctx: core, forum, morning, afternoon, speaker, notes, later };
}

/** Hands one laptop's changes to another, as a USB stick would. */
export async function send(from: CoreContext, to: CoreContext, forumId: string): Promise<void> {
  const { bytes } = exportBundle(from, { forumId });
  await importBytes(to, bytes);
}
