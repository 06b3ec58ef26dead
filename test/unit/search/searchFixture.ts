import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { searchResults, type Highlighted, type SearchResults } from '../../../shared/search';
import { tempCore, validForum } from '../helpers/tempCore';

export async function must<T>(ctx: CoreContext, name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

export interface SearchForum {
  ctx: CoreContext;
  forumId: string;
  sessionId: string;
}

/** A forum (en, es and `languages`) with one session. */
export async function searchForum(ctx?: CoreContext, languages: string[] = []): Promise<SearchForum> {
  const core = ctx ?? (await tempCore());
  const forum = await must<{ id: string }>(core, 'forums:create', { ...validForum, languages: [...new Set(['en', 'es', ...languages])] });
  const sessionId = randomUUID();
  writeRow(core, 'sessions', sessionId, {
    forum_id: forum.id,
    day: '2026-03-02',
    start_time: '09:00',
    end_time: '10:30',
    kind: 'plenary',
    title: { en: 'Opening plenary' },
    deleted: 0,
  });
  return { ctx: core, forumId: forum.id, sessionId };
}

let minute = 0;

/** A note written as the capture screen writes one. */
export function note(f: SearchForum, text: string, lang = 'en', id: string = randomUUID()): string {
  minute += 1;
  writeRow(f.ctx, 'notes', id, {
    forum_id: f.forumId,
    session_id: f.sessionId,
    lang,
    text,
    created_at: new Date(Date.UTC(2026, 2, 2, 9, 0) + minute * 60_000).toISOString(),
    deleted: 0,
  });
  return id;
}

export function keyMessage(f: SearchForum, text: Record<string, string>, id: string = randomUUID()): string {
  writeRow(f.ctx, 'key_messages', id, { forum_id: f.forumId, session_id: f.sessionId, text, position: 'a0', status: 'draft', deleted: 0 });
  return id;
}

export function session(f: SearchForum, title: Record<string, string>, description: Record<string, string> = {}, id: string = randomUUID()): string {
  writeRow(f.ctx, 'sessions', id, {
    forum_id: f.forumId,
    day: '2026-03-03',
    start_time: '11:00',
    end_time: '12:30',
    kind: 'parallel',
    title,
    description,
    deleted: 0,
  });
  return id;
}

export function participant(f: SearchForum, name: string, organisation = '', email: string | null = null, id: string = randomUUID()): string {
  writeRow(f.ctx, 'participants', id, { forum_id: f.forumId, name, organisation, email, roles: [], languages: [], deleted: 0 });
  return id;
}

/** search:query through dispatch; the answer must fit the contract. */
export async function search(f: SearchForum, text: string, limit?: number): Promise<SearchResults> {
  return searchResults.parse(await must(f.ctx, 'search:query', { forumId: f.forumId, text, ...(limit ? { limit } : {}) }));
}

/** The stretches a snippet marks, as text. */
export function marked(snippet: Highlighted): string[] {
  for (const [start, end] of snippet.matches) {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(snippet.text.length);
  }
  return snippet.matches.map(([start, end]) => snippet.text.slice(start, end));
}

/** The note ids of a result, in order. */
export const ids = (hits: Array<{ id: string }>) => hits.map((hit) => hit.id);
