import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addSecondForum, cli } from '../helpers/cli';
import type { Agenda } from '../../../shared/agenda';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { tempDir } from '../helpers/tempCore';
import { call } from './agendaFixture';

/** A database holding the demo forum; a session edited so one Spanish title is missing and a room is double-booked. */
async function demoDatabase() {
  const db = path.join(tempDir(), 'agenda.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  const ctx = await openCore(db);
  try {
    const [forum] = await call<Array<{ id: string }>>(ctx, 'forums:list', {});
    const agenda = await call<Agenda>(ctx, 'agenda:get', { forumId: forum?.id ?? '' });
    const [first] = agenda.sessions;
    if (!first) throw new Error('the demo has sessions');
    const { id, translations: _t, roles, ...rest } = first;
    await call(ctx, 'sessions:update', {
      id,
      session: {
        ...rest,
        title: { en: 'Opening of the Forum', zh: first.title.zh ?? '' },
        roles: roles.map(({ participantId, role }) => ({ participantId, role })),
      },
    });
    await call(ctx, 'sessions:create', {
      forumId: agenda.forum.id,
      session: { ...rest, startTime: '10:00', endTime: '10:20', kind: 'side_event', title: { en: 'Press briefing' }, description: {}, roles: [] },
    });
    return { db, agenda };
  } finally {
    closeCore(ctx);
  }
}

describe('plenary agenda show', () => {
  it('prints the agenda grouped by day, in the source language by default', async () => {
    const { db, agenda } = await demoDatabase();
    const result = await cli('agenda', 'show', '--db', db);
    expect(result).toMatchObject({ code: 0, err: '' });
    const lines = result.out.split('\n');
    expect(lines[0]).toBe('Forum on Urban-Rural Linkages');
    expect(lines).toContain('Monday, 23 November 2026');
    expect(lines).toContain('Wednesday, 25 November 2026');
    expect(result.out).toMatch(/^09:00–10:30 {2}\[Plenary\] Opening of the Forum — Main Hall, Songyang Cultural Centre$/m);
    expect(result.out).toMatch(/^10:30–11:00 {2}\[Break\] .+ — Foyer, Songyang Cultural Centre$/m);
    expect(result.out).toMatch(/^ {13}Chair: .+\n {13}Moderator: .+\n {13}Speakers: .+, .+\n {13}Rapporteurs: .+, .+$/m);
    expect(result.out).toMatch(/^ {13}Rapporteur: [^,]+$/m);
    expect(result.out).not.toMatch(/\(en\)/);
    expect(result.out).toMatch(/\nWarnings:\n- Main Hall, Songyang Cultural Centre is booked for overlapping sessions: 2026-11-23 09:00–10:30 Opening of the Forum; 2026-11-23 10:00–10:20 Press briefing\n- No rapporteur: 2026-11-23 10:00–10:20 Press briefing$/);
    expect(agenda.sessions.length).toBeGreaterThan(10);
  });

  it('prints in another working language, marking where the source text stands in', async () => {
    const { db } = await demoDatabase();
    const result = await cli('agenda', 'show', '--db', db, '--lang', 'es');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toContain('lunes, 23 de noviembre de 2026');
    expect(result.out).not.toMatch(/is not a working language/);
    // The opening's Spanish title was removed: the English one stands in, marked.
    expect(result.out).toMatch(/^09:00–10:30 {2}\[Plenary\] Opening of the Forum \(en\) — .+$/m);
    // Everything else is in Spanish, unmarked.
    const marked = result.out.split('\n').filter((line) => line.includes('(en)'));
    expect(marked).toHaveLength(2);
    const zh = await cli('agenda', 'show', '--db', db, '--lang', 'zh');
    expect(zh.out.split('\n')).toContain('2026年11月23日星期一');
    expect(zh.out).toMatch(/^09:00–10:30 {2}\[Plenary\] [^(]+ — .+$/m);
  });

  it('says so when the language is not a working language, and falls back everywhere', async () => {
    const { db } = await demoDatabase();
    const result = await cli('agenda', 'show', '--db', db, '--lang', 'fr');
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe('Forum on Urban-Rural Linkages (en)');
    expect(lines[1]).toBe('fr is not a working language of this forum (en, zh, es): texts are shown in en.');
    expect(lines).toContain('lundi 23 novembre 2026');
    expect(result.out).toMatch(/^09:00–10:30 {2}\[Plenary\] Opening of the Forum \(en\) — Main Hall, Songyang Cultural Centre \(en\)$/m);
  });

  it('prints the agenda as JSON', async () => {
    const { db } = await demoDatabase();
    const result = await cli('agenda', 'show', '--db', db, '--json');
    const agenda = JSON.parse(result.out) as Agenda;
    expect(agenda.forum.title.en).toBe('Forum on Urban-Rural Linkages');
    // The English title changed after the Chinese one was written; the Spanish one was removed.
    expect(agenda.sessions[0]?.translations.title).toEqual({ zh: 'outdated', es: 'missing' });
    expect(agenda.sessions[0]?.translations.room).toEqual({ zh: 'current', es: 'current' });
    expect(agenda.warnings.map((w) => w.kind)).toEqual(['roomDoubleBooked', 'noRapporteur']);
  });

  it('asks which forum when there are several, and takes --forum', async () => {
    const { db, agenda } = await demoDatabase();
    await addSecondForum(db);
    expect(await cli('agenda', 'show', '--db', db)).toMatchObject({ code: 2, err: expect.stringMatching(/holds 2 forums: say which with --forum ID/) });
    const chosen = await cli('agenda', 'show', '--db', db, '--forum', agenda.forum.id);
    expect(chosen).toMatchObject({ code: 0, out: expect.stringMatching(/Press briefing/) });
    expect(await cli('agenda', 'show', '--db', db, '--forum', 'no-such-forum')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/There is no forum no-such-forum in this database/),
    });
  });

  it('says there are no sessions yet', async () => {
    const db = path.join(tempDir(), 'empty.sqlite');
    const ctx = await openCore(db);
    try {
      await call(ctx, 'forums:create', {
        title: { en: 'Expert Group Meeting' },
        theme: {},
        venue: {},
        startDate: '2026-05-04',
        endDate: '2026-05-05',
        timeZone: 'Africa/Nairobi',
        coOrganisers: [],
        languages: ['en', 'fr'],
        sourceLanguage: 'en',
        outcomeKind: 'key_messages',
      });
    } finally {
      closeCore(ctx);
    }
    const result = await cli('agenda', 'show', '--db', db);
    expect(result.code).toBe(0);
    expect(result.out).toBe('Expert Group Meeting\n4–5 May 2026\nTimes in Africa/Nairobi.\n\nNo sessions yet.');
  });

  it.each([
    [['--lang', 'Spanish'], /--lang must be a language code such as en, zh or es, not "Spanish"/],
    [['--lang', 'e'], /--lang must be a language code/],
    [['--lang', 'en-ab-cd'], /--lang must be a language code/],
    [['--lang'], /Option '--lang'/],
    [['--forum', "x' OR 1=1"], /--forum must be a forum id/],
    [['--colour'], /Unknown option '--colour'/],
    [['extra'], /positional argument/],
  ])('refuses %j with usage, exit code 2, and no database created', async (argv, message) => {
    const db = path.join(tempDir(), 'untouched.sqlite');
    const result = await cli('agenda', 'show', ...argv, '--db', db);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).toMatch(/Usage: plenary agenda show/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('does not create a database where a mistyped --db points', async () => {
    const db = path.join(tempDir(), 'typo.sqlite');
    expect(await cli('agenda', 'show', '--db', db)).toMatchObject({ code: 1, err: expect.stringMatching(/There is no database at/) });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('lists its options in its help', async () => {
    const help = await cli('agenda', 'show', '--help');
    expect(help.code).toBe(0);
    for (const option of ['--db', '--forum', '--lang', '--json']) expect(help.out).toContain(option);
  });
});
