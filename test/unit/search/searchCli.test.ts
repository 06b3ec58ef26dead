import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { markMatches } from '../../../main/core/cli/searchCommands';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { searchResults } from '../../../shared/search';
import { tempDir } from '../helpers/tempCore';
import { note, searchForum } from './searchFixture';

async function demoDatabase(): Promise<string> {
  const db = path.join(tempDir(), 'search.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  return db;
}

describe('plenary search', () => {
  it('prints the groups that found something, matches marked', async () => {
    const db = await demoDatabase();
    const result = await cli('search', '乡村', '--db', db, '--limit', '2');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Notes \(2 of \d+\)\n {2}.*«乡村».*\[zh\]$/m);
    expect(result.out).toMatch(/^\nKey messages \(2 of \d+\)\n {2}.*«乡村».*\[zh\]\n {2}.*«乡村».*\[zh\]$/m);
    expect(result.out).toMatch(/^\nSessions \(2 of \d+\)$/m);
    expect((await cli('search', '乡村振兴', '--db', db)).out).toMatch(/^ {2}«乡村振兴»是城市与乡村的共同议程.*\[zh\]$/m);

    const words = await cli('search', 'rural', 'REVITALISATION', '--db', db);
    expect(words.code).toBe(0);
    expect(words.out).toMatch(/«rural» «revitalisation»|«Rural» «revitalisation»/);
  });

  it('prints JSON that fits the contract', async () => {
    const db = await demoDatabase();
    const result = await cli('search', 'UN-Habitat', '--json', '--db', db);
    expect(result.code).toBe(0);
    const parsed = searchResults.parse(JSON.parse(result.out));
    expect(parsed.query).toBe('UN-Habitat');
    expect(parsed.totals.notes).toBeGreaterThan(0);
    expect(parsed.notes.length).toBeLessThanOrEqual(20);
  });

  it('says "No results" and succeeds when nothing matches, FTS syntax included', async () => {
    const db = await demoDatabase();
    for (const query of ['zzzqqq', '"NEAR(*', 'AND OR )zz']) {
      const result = await cli('search', query, '--db', db);
      expect(result, query).toMatchObject({ code: 0, err: '' });
      expect(result.out).toBe(`No results for “${query}”.`);
    }
  });

  it('searches the forum named, and asks which when there are several', async () => {
    const db = path.join(tempDir(), 'two.sqlite');
    const ctx = await openCore(db);
    const a = await searchForum(ctx);
    const b = await searchForum(ctx);
    note(a, 'Tenure in the first forum.');
    note(b, 'Tenure in the second forum.');
    closeCore(ctx);
    expect(await cli('search', 'tenure', '--db', db)).toMatchObject({ code: 2, err: expect.stringMatching(/holds 2 forums: say which with --forum ID/) });
    expect((await cli('search', 'tenure', '--forum', b.forumId, '--db', db)).out).toBe('Notes (1)\n  «Tenure» in the second forum.  [en]');
    expect(await cli('search', 'tenure', '--forum', 'no-such-forum', '--db', db)).toMatchObject({ code: 2, err: expect.stringMatching(/There is no forum no-such-forum in this database/) });
  });

  it.each([
    [[], /Name at least 1 query/],
    [['rural', '--limit', '0'], /--limit must be a whole number from 1 to 100, not "0"/],
    [['rural', '--limit', '101'], /--limit must be a whole number from 1 to 100/],
    [['rural', '--limit', 'ten'], /--limit must be a whole number/],
    [['rural', '--limit'], /Option '--limit' argument/],
    [['rural', '--colour'], /Unknown option '--colour'/],
    [['-rural'], /Unknown option '-r'/],
  ])('refuses %j with exit code 2, creating no database', async (args, message) => {
    const db = path.join(tempDir(), 'never.sqlite');
    const result = await cli('search', ...args, '--db', db);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).toContain('Usage: plenary search');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('refuses a blank query, and takes one starting with - after --', async () => {
    const db = await demoDatabase();
    expect(await cli('search', '  ', '--db', db)).toMatchObject({ code: 2, err: expect.stringMatching(/Say what to search for/) });
    expect((await cli('search', '--db', db, '--', '-Habitat')).code).toBe(0);
  });

  it('does not create a database where a mistyped --db points', async () => {
    const db = path.join(tempDir(), 'typo.sqlite');
    expect(await cli('search', 'rural', '--db', db)).toMatchObject({ code: 1, err: expect.stringMatching(/There is no database at/) });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('marks matches on one line', () => {
    expect(markMatches({ text: 'a\nRural  b rural', matches: [[2, 7], [11, 16]] })).toBe('a «Rural» b «rural»');
  });
});
