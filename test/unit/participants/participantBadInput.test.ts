import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { Participant } from '../../../shared/participants';
import { snapshot } from '../helpers/tempCore';
import { forumWithPeople, person } from './participantFixture';

async function setting() {
  const made = await forumWithPeople([{}]);
  const existing = made.created[0] as Participant;
  return { ...made, existing };
}

type Case = [label: string, command: string, input: (ids: { forumId: string; id: string }) => unknown, code: string, issue?: { path: string; message: string }];

const cases: Case[] = [
  ['an unknown forum', 'participants:create', () => ({ forumId: 'no-such-forum', participant: person() }), 'not_found'],
  ['an unassigned country code', 'participants:create', ({ forumId }) => ({ forumId, participant: person({ country: 'XX' }) }), 'invalid_input', { path: 'country', message: 'validation.country' }],
  ['a lower-case country code', 'participants:create', ({ forumId }) => ({ forumId, participant: person({ country: 'fr' }) }), 'invalid_input', { path: 'participant.country', message: 'validation.country' }],
  ['a country name instead of a code', 'participants:create', ({ forumId }) => ({ forumId, participant: person({ country: 'France' }) }), 'invalid_input', { path: 'participant.country', message: 'validation.country' }],
  ['an extra field on the participant', 'participants:create', ({ forumId }) => ({ forumId, participant: { ...person(), checkedInAt: '2026-03-02T08:00:00Z' } }), 'invalid_input'],
  ['an extra field on the command', 'participants:create', ({ forumId }) => ({ forumId, participant: person(), id: 'chosen-id-123' }), 'invalid_input'],
  ['an empty name', 'participants:create', ({ forumId }) => ({ forumId, participant: person({ name: '   ' }) }), 'invalid_input', { path: 'participant.name', message: 'validation.required' }],
  ['an overlong name', 'participants:create', ({ forumId }) => ({ forumId, participant: person({ name: 'N'.repeat(201) }) }), 'invalid_input', { path: 'participant.name', message: 'validation.tooLong' }],
  ['an overlong organisation', 'participants:create', ({ forumId }) => ({ forumId, participant: person({ organisation: 'O'.repeat(301) }) }), 'invalid_input', { path: 'participant.organisation', message: 'validation.tooLong' }],
  ['an invalid email', 'participants:create', ({ forumId }) => ({ forumId, participant: person({ email: 'ana at example.org' }) }), 'invalid_input', { path: 'participant.email', message: 'validation.email' }],
  ['an overlong email', 'participants:create', ({ forumId }) => ({ forumId, participant: person({ email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.org` }) }), 'invalid_input'],
  ['an unknown organisation type', 'participants:create', ({ forumId }) => ({ forumId, participant: { ...person(), orgType: 'ngo' } }), 'invalid_input'],
  ['an unknown gender', 'participants:create', ({ forumId }) => ({ forumId, participant: { ...person(), gender: 'f' } }), 'invalid_input'],
  ['an unknown role', 'participants:create', ({ forumId }) => ({ forumId, participant: { ...person(), roles: ['king'] } }), 'invalid_input'],
  ['a language that is no tag', 'participants:create', ({ forumId }) => ({ forumId, participant: person({ languages: ['English'] }) }), 'invalid_input', { path: 'participant.languages.0', message: 'validation.languageTag' }],
  ['too many languages', 'participants:create', ({ forumId }) => ({ forumId, participant: person({ languages: Array.from({ length: 13 }, (_, i) => `x${String.fromCharCode(97 + i)}`) }) }), 'invalid_input', { path: 'participant.languages', message: 'validation.tooMany' }],
  ['a missing participant', 'participants:create', ({ forumId }) => ({ forumId }), 'invalid_input'],
  ['a string for the roles', 'participants:create', ({ forumId }) => ({ forumId, participant: { ...person(), roles: 'speaker' } }), 'invalid_input'],
  ['an unknown id to update', 'participants:update', () => ({ id: 'no-such-person', participant: person() }), 'not_found'],
  ['an id with SQL in it', 'participants:update', () => ({ id: "x' OR 1=1 --", participant: person() }), 'invalid_input', { path: 'id', message: 'validation.id' }],
  ['an unassigned country on an edit', 'participants:update', ({ id }) => ({ id, participant: person({ country: 'ZZ', name: 'Renamed' }) }), 'invalid_input', { path: 'country', message: 'validation.country' }],
  ['an extra field on an edit', 'participants:update', ({ id }) => ({ id, participant: person(), forumId: 'another-forum' }), 'invalid_input'],
  ['an overlong name on an edit', 'participants:update', ({ id }) => ({ id, participant: person({ name: 'N'.repeat(201) }) }), 'invalid_input'],
  ['an unknown id to get', 'participants:get', () => ({ id: 'no-such-person' }), 'not_found'],
  ['an unknown id to delete', 'participants:setDeleted', () => ({ id: 'no-such-person', deleted: true }), 'not_found'],
  ['a string for deleted', 'participants:setDeleted', ({ id }) => ({ id, deleted: 'yes' }), 'invalid_input'],
  ['an unknown id to check in', 'participants:checkIn', () => ({ id: 'no-such-person', checkedIn: true }), 'not_found'],
  ['a check-in time from outside', 'participants:checkIn', ({ id }) => ({ id, checkedIn: true, at: '2020-01-01T00:00:00Z' }), 'invalid_input'],
  ['a query of an unknown forum', 'participants:query', () => ({ forumId: 'no-such-forum' }), 'not_found'],
  ['an unknown sort field', 'participants:query', ({ forumId }) => ({ forumId, sort: 'email' }), 'invalid_input'],
  ['a page of nothing', 'participants:query', ({ forumId }) => ({ forumId, limit: 0 }), 'invalid_input'],
  ['a page too large', 'participants:query', ({ forumId }) => ({ forumId, limit: 1001 }), 'invalid_input'],
  ['a negative offset', 'participants:query', ({ forumId }) => ({ forumId, offset: -1 }), 'invalid_input'],
  ['an overlong search', 'participants:query', ({ forumId }) => ({ forumId, text: 'x'.repeat(201) }), 'invalid_input', { path: 'text', message: 'validation.tooLong' }],
  ['an unknown filter', 'participants:query', ({ forumId }) => ({ forumId, email: 'a@b.org' }), 'invalid_input'],
  ['a country filter that is no code', 'participants:query', ({ forumId }) => ({ forumId, country: 'Mexico' }), 'invalid_input'],
  ['an export of an unknown forum', 'participants:export', () => ({ forumId: 'no-such-forum', format: 'xlsx' }), 'not_found'],
  ['an export filtered by a country that is no code', 'participants:export', ({ forumId }) => ({ forumId, format: 'csv', filter: { country: 'Mexico' } }), 'invalid_input'],
  ['an export filter with paging in it', 'participants:export', ({ forumId }) => ({ forumId, format: 'csv', filter: { limit: 5 } }), 'invalid_input'],
];

describe('participant commands refuse bad input clearly and change nothing', () => {
  it.each(cases)('%s (%s)', async (_label, command, input, code, issue) => {
    const { ctx, forumId, existing } = await setting();
    const before = snapshot(ctx);
    const result = await dispatch(ctx, 'http', command, input({ forumId, id: existing.id }));
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) {
      expect(result.error.message.length).toBeGreaterThan(10);
      for (const i of result.error.issues ?? []) expect(i.message).toMatch(/^validation\./);
      if (issue) expect(result.error.issues).toContainEqual(issue);
    }
    expect(snapshot(ctx)).toBe(before);
  });

  it('leaves a participant as it was when an edit is refused', async () => {
    const { ctx, existing } = await setting();
    await dispatch(ctx, 'http', 'participants:update', { id: existing.id, participant: person({ country: 'ZZ', name: 'Renamed' }) });
    expect(await dispatch(ctx, 'http', 'participants:get', { id: existing.id })).toEqual({ ok: true, value: existing });
  });
});
