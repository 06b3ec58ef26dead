import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addSecondForum, cli } from '../helpers/cli';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { participationStats } from '../../../main/core/store/participationStats';
import { participationStats as statsSchema } from '../../../shared/participationStats';
import { tempDir } from '../helpers/tempCore';

async function demoDatabase(): Promise<string> {
  const db = path.join(tempDir(), 'stats.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  return db;
}

describe('plenary stats', () => {
  it('prints the figures as JSON that parses and matches the core', async () => {
    const db = await demoDatabase();
    const result = await cli('stats', '--json', '--db', db);
    expect(result).toMatchObject({ code: 0, err: '' });
    const printed = statsSchema.parse(JSON.parse(result.out));
    expect(printed).toMatchObject({ participants: 200, internationalOrganisations: 18, countries: 17 });
    const ctx = await openCore(db);
    try {
      const forumId = ctx.db.prepare('SELECT id FROM forums').pluck().get() as string;
      expect(printed).toEqual(participationStats(ctx.db, forumId));
      expect(JSON.parse((await cli('stats', '--json', '--forum', forumId, '--db', db)).out)).toEqual(printed);
    } finally {
      closeCore(ctx);
    }
  });

  it('prints the sentence in the language asked for, then the tables', async () => {
    const db = await demoDatabase();
    const english = await cli('stats', '--db', db);
    expect(english.code).toBe(0);
    const lines = english.out.split('\n');
    expect(lines[0]).toBe('200 participants, 18 international organisations, 17 countries');
    expect(english.out).toMatch(/^ {2}Participants +200$/m);
    expect(english.out).toMatch(/^ {2}International organisations +18$/m);
    expect(english.out).toMatch(/^Participants by region\n {2}Africa +17 +8\.5%$/m);
    expect(english.out).toMatch(/^ {2}China \(CN\) +100 +50%$/m);
    expect(english.out).toMatch(/^ {2}2026-11-23 09:00 Opening Ceremony and High-Level Dialogue +9 /m);
    expect(english.out).toContain('Gender balance: speakers against all participants');

    expect((await cli('stats', '--lang', 'ru', '--db', db)).out.split('\n')[0]).toBe('200 участников, 18 международных организаций, 17 стран');
    expect((await cli('stats', '--lang', 'ar', '--db', db)).out.split('\n')[0]).toBe('200 مشارك، 18 منظمةً دوليةً، 17 دولةً');
    const chinese = await cli('stats', '--lang', 'zh', '--db', db);
    expect(chinese.out.split('\n')[0]).toBe('200名与会者、18个国际组织、17个国家');
    expect(chinese.out).toContain('与会者（按地区）');
  });

  it.each([
    [['--lang', 'xx'], /--lang must be one of ar, zh, en, fr, ru, es, not "xx"/],
    [['--lang', 'EN'], /--lang must be one of/],
    [['--lang'], /Option '--lang' argument/],
    [['--colour'], /Unknown option '--colour'/],
  ])('refuses %j with exit code 2, creating no database', async (args, message) => {
    const db = path.join(tempDir(), 'never.sqlite');
    const result = await cli('stats', ...args, '--db', db);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).toContain('Usage: plenary stats');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('asks which forum when there are several, and says so for an unknown one', async () => {
    const db = await demoDatabase();
    await addSecondForum(db);
    const ambiguous = await cli('stats', '--db', db);
    expect(ambiguous).toMatchObject({ code: 2, err: expect.stringMatching(/holds 2 forums: say which with --forum ID/) });
    const unknown = await cli('stats', '--forum', 'no-such-forum', '--db', db);
    expect(unknown).toMatchObject({ code: 2, err: expect.stringMatching(/There is no forum no-such-forum in this database/) });
    const missing = path.join(tempDir(), 'typo.sqlite');
    expect((await cli('stats', '--db', missing)).code).toBe(1);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('asks for a forum in a database that holds none', async () => {
    const db = path.join(tempDir(), 'empty.sqlite');
    const ctx = await openCore(db);
    closeCore(ctx);
    const result = await cli('stats', '--db', db, '--lang', 'fr');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/holds no forum yet: create one in the app, or run `plenary demo`/);
  });
});
