import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { snapshot, validForum } from '../helpers/tempCore';
import { agendaForum, createSession, sessionInput } from './agendaFixture';

/** A forum with a session, a deleted person, and a person from another forum, to aim bad input at. */
async function setUp() {
  const { ctx, forum, people } = await agendaForum();
  const session = await createSession(ctx, forum.id, sessionInput());
  const gone = randomUUID();
  writeRow(ctx, 'participants', gone, { forum_id: forum.id, name: 'Gone Person', deleted: 0 });
  writeRow(ctx, 'participants', gone, { deleted: 1 });
  const other = createForum(ctx, validForum);
  const stranger = randomUUID();
  writeRow(ctx, 'participants', stranger, { forum_id: other.id, name: 'Someone Else', deleted: 0 });
  return { ctx, forum, people, session, gone, stranger };
}

type SetUp = Awaited<ReturnType<typeof setUp>>;
type Case = [label: string, command: string, payload: (s: SetUp) => unknown, code: string, issues?: Array<{ path: string; message: string }>];

const create = (s: SetUp, session: unknown) => ({ forumId: s.forum.id, session });
const withSession = (over: Record<string, unknown>) => ({ ...sessionInput(), ...over });

const cases: Case[] = [
  ['an unknown participant', 'sessions:create', (s) => create(s, withSession({ roles: [{ participantId: 'nobody-at-all', role: 'chair' }] })), 'invalid_input', [{ path: 'roles.0.participantId', message: 'validation.invalid' }]],
  ['a deleted participant', 'sessions:create', (s) => create(s, withSession({ roles: [{ participantId: s.people[0], role: 'chair' }, { participantId: s.gone, role: 'speaker' }] })), 'invalid_input', [{ path: 'roles.1.participantId', message: 'validation.invalid' }]],
  ['a participant of another forum', 'sessions:update', (s) => ({ id: s.session.id, session: withSession({ roles: [{ participantId: s.stranger, role: 'rapporteur' }] }) }), 'invalid_input', [{ path: 'roles.0.participantId', message: 'validation.invalid' }]],
  ['a title in a language the forum does not work in', 'sessions:create', (s) => create(s, withSession({ title: { en: 'Opening', de: 'Eröffnung' } })), 'invalid_input', [{ path: 'title.de', message: 'validation.notWorkingLanguage' }]],
  ['a room and a description in other languages', 'sessions:update', (s) => ({ id: s.session.id, session: withSession({ room: { zh: '大厅' }, description: { ru: 'Описание' } }) }), 'invalid_input', [{ path: 'room.zh', message: 'validation.notWorkingLanguage' }, { path: 'description.ru', message: 'validation.notWorkingLanguage' }]],
  ['no title in the source language', 'sessions:create', (s) => create(s, withSession({ title: { es: 'Apertura' } })), 'invalid_input', [{ path: 'title.en', message: 'validation.sessionTitleRequired' }]],
  ['a source title of blanks only', 'sessions:update', (s) => ({ id: s.session.id, session: withSession({ title: { en: '   ' } }) }), 'invalid_input', [{ path: 'title.en', message: 'validation.sessionTitleRequired' }]],
  ['an end before the start', 'sessions:create', (s) => create(s, withSession({ startTime: '10:30', endTime: '09:00' })), 'invalid_input', [{ path: 'session.endTime', message: 'validation.endTimeBeforeStart' }]],
  ['an end equal to the start', 'sessions:update', (s) => ({ id: s.session.id, session: withSession({ startTime: '10:30', endTime: '10:30' }) }), 'invalid_input', [{ path: 'session.endTime', message: 'validation.endTimeBeforeStart' }]],
  ['a time without a leading zero', 'sessions:create', (s) => create(s, withSession({ startTime: '9:00' })), 'invalid_input', [{ path: 'session.startTime', message: 'validation.time' }]],
  ['hour 24', 'sessions:create', (s) => create(s, withSession({ endTime: '24:00' })), 'invalid_input', [{ path: 'session.endTime', message: 'validation.time' }]],
  ['minute 60', 'sessions:create', (s) => create(s, withSession({ startTime: '09:60' })), 'invalid_input'],
  ['seconds', 'sessions:create', (s) => create(s, withSession({ startTime: '09:00:00' })), 'invalid_input'],
  ['a time in the 12-hour clock', 'sessions:create', (s) => create(s, withSession({ endTime: '10:30 PM' })), 'invalid_input'],
  ['a day not in the calendar', 'sessions:create', (s) => create(s, withSession({ day: '2026-02-30' })), 'invalid_input', [{ path: 'session.day', message: 'validation.date' }]],
  ['an unknown kind', 'sessions:create', (s) => create(s, withSession({ kind: 'banquet' })), 'invalid_input', [{ path: 'session.kind', message: 'validation.required' }]],
  ['an unknown role', 'sessions:create', (s) => create(s, withSession({ roles: [{ participantId: s.people[0], role: 'keynote' }] })), 'invalid_input'],
  ['the same person twice in one role', 'sessions:create', (s) => create(s, withSession({ roles: [{ participantId: s.people[0], role: 'speaker' }, { participantId: s.people[0], role: 'speaker' }] })), 'invalid_input', [{ path: 'session.roles.1', message: 'validation.duplicateRole' }]],
  ['a title too long', 'sessions:create', (s) => create(s, withSession({ title: { en: 'x'.repeat(301) } })), 'invalid_input', [{ path: 'session.title.en', message: 'validation.tooLong' }]],
  ['a language key that is not a tag', 'sessions:create', (s) => create(s, withSession({ title: { en: 'Opening', 'EN_gb': 'Opening' } })), 'invalid_input'],
  ['an unknown forum', 'sessions:create', () => ({ forumId: 'no-such-forum', session: sessionInput() }), 'not_found'],
  ['an unknown session id', 'sessions:update', () => ({ id: 'no-such-session', session: sessionInput() }), 'not_found'],
  ['deleting an unknown session', 'sessions:setDeleted', () => ({ id: 'no-such-session', deleted: true }), 'not_found'],
  ['an id with SQL in it', 'sessions:setDeleted', () => ({ id: "x' OR 1=1 --", deleted: true }), 'invalid_input', [{ path: 'id', message: 'validation.id' }]],
  ['an extra key on the session', 'sessions:create', (s) => create(s, withSession({ id: 'chosen-by-me' })), 'invalid_input'],
  ['an extra key on the payload', 'sessions:update', (s) => ({ id: s.session.id, session: sessionInput(), forumId: s.forum.id }), 'invalid_input'],
  ['an extra key on a role', 'sessions:create', (s) => create(s, withSession({ roles: [{ participantId: s.people[0], role: 'chair', name: 'Ana' }] })), 'invalid_input'],
  ['a missing field', 'sessions:create', (s) => create(s, { ...sessionInput(), roles: undefined }), 'invalid_input'],
  ['a session that is a string', 'sessions:create', (s) => create(s, 'DROP TABLE sessions'), 'invalid_input'],
  ['deleted as a string', 'sessions:setDeleted', (s) => ({ id: s.session.id, deleted: 'yes' }), 'invalid_input'],
  ['the agenda of an unknown forum', 'agenda:get', () => ({ forumId: 'no-such-forum' }), 'not_found'],
  ['"me" as an unknown person', 'agenda:setMe', (s) => ({ forumId: s.forum.id, participantId: 'nobody-at-all' }), 'not_found'],
  ['"me" as a person of another forum', 'agenda:setMe', (s) => ({ forumId: s.forum.id, participantId: s.stranger }), 'not_found'],
  ['"me" in an unknown forum', 'agenda:setMe', () => ({ forumId: 'no-such-forum', participantId: null }), 'not_found'],
];

describe('bad session input', () => {
  it.each(cases)('refuses %s with a clear error and changes nothing', async (_label, command, payload, code, issues) => {
    const s = await setUp();
    const before = snapshot(s.ctx);
    const result = await dispatch(s.ctx, 'cli', command, payload(s));
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) {
      expect(result.error.message.length).toBeGreaterThan(10);
      if (issues) expect(result.error.issues).toEqual(issues);
    }
    expect(snapshot(s.ctx)).toBe(before);
  });

  it('names every problem at once, in words', async () => {
    const s = await setUp();
    const before = snapshot(s.ctx);
    const result = await dispatch(s.ctx, 'cli', 'sessions:create', create(s, withSession({
      title: { fr: 'Ouverture', de: 'Eröffnung' },
      roles: [{ participantId: s.gone, role: 'chair' }],
    })));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/title\.de is in a language that is not one of the forum's working languages \(en, es, fr\)/);
      expect(result.error.message).toMatch(/title in the forum's source language \(en\) is required/);
      expect(result.error.message).toMatch(/roles\.0: no participant .* in this forum/);
      expect(result.error.issues?.map((i) => i.path)).toEqual(['title.de', 'title.en', 'roles.0.participantId']);
    }
    expect(snapshot(s.ctx)).toBe(before);
  });
});
