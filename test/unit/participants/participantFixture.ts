import { expect } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import type { Participant, ParticipantInput, ParticipantPage, ParticipantQuery } from '../../../shared/participants';
import { tempCore, validForum } from '../helpers/tempCore';

/** A command that must succeed, through the same door (and validation) as every transport. */
export async function must<T>(ctx: CoreContext, name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

export const person = (overrides: Partial<ParticipantInput> = {}): ParticipantInput => ({
  name: 'Ana Silva',
  organisation: 'UN-Habitat',
  position: '',
  orgType: 'un_international',
  country: 'BR',
  gender: 'female',
  roles: ['speaker'],
  email: 'ana.silva@example.org',
  languages: ['pt', 'en'],
  ...overrides,
});

export async function forumWithPeople(people: Array<Partial<ParticipantInput>> = [], options: { wallClock?: () => number } = {}) {
  const ctx = await tempCore(options);
  const forum = await must<{ id: string }>(ctx, 'forums:create', validForum);
  const created: Participant[] = [];
  for (const p of people) {
    created.push(await must<Participant>(ctx, 'participants:create', { forumId: forum.id, participant: person(p) }));
  }
  return { ctx, forumId: forum.id, created };
}

export async function query(ctx: CoreContext, input: ParticipantQuery): Promise<ParticipantPage> {
  return must<ParticipantPage>(ctx, 'participants:query', input);
}

export async function names(ctx: CoreContext, input: ParticipantQuery): Promise<string[]> {
  const page = await query(ctx, { limit: 1000, ...input });
  expect(page.rows.length).toBeLessThanOrEqual(page.total);
  return page.rows.map((p) => p.name);
}
