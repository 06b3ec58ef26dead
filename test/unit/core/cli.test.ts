import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addSecondForum, cli } from '../helpers/cli';
import { runCli } from '../../../main/core/cli/runCli';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { tempDir } from '../helpers/tempCore';

describe('plenary CLI', () => {
  it('creates the demo forum and lists it', async () => {
    const db = path.join(tempDir(), 'cli.sqlite');
    const demo = await cli('demo', '--db', db);
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Created the demo forum: .*Forum on Urban-Rural Linkages/);
    const listed = await cli('forums', 'list', '--db', db);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/Forum on Urban-Rural Linkages\s+\(demo\)/);
    const json = await cli('forums', 'list', '--db', db, '--json');
    expect(JSON.parse(json.out)).toHaveLength(1);
  });

  it('does not create a database where a mistyped --db points', async () => {
    const db = path.join(tempDir(), 'typo.sqlite');
    const result = await cli('forums', 'list', '--db', db);
    expect(result).toMatchObject({ code: 1, err: expect.stringMatching(/There is no database at/) });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('says so when there is no database yet, without creating one, and when there are no forums', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const env = { PLENARY_DB: path.join(tempDir(), 'fresh.sqlite') };
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env };
    expect(await runCli(['forums', 'list'], io)).toBe(1);
    expect(err.join('\n')).toMatch(/There is no database at .*fresh\.sqlite\. Create a forum in the app, or run `plenary demo`/);
    expect(fs.existsSync(env.PLENARY_DB)).toBe(false);
    closeCore(await openCore(env.PLENARY_DB));
    expect(await runCli(['forums', 'list'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/No forums yet/);
  });

  it('prints help for the tool and for each command', async () => {
    expect((await cli('--help')).out).toMatch(/Usage: plenary <command>[\s\S]*forums list[\s\S]*serve/);
    for (const command of [['demo'], ['forums', 'list'], ['serve']]) {
      const help = await cli(...command, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toContain(`Usage: plenary ${command.join(' ')}`);
      expect(help.out).toContain('--db');
    }
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['forums', 'delete'], /Unknown command "forums delete"/],
    [['demo', '--colour'], /Unknown option '--colour'/],
    [['forums', 'list', 'extra'], /positional argument/],
    [['serve', '--port', 'eighty'], /--port must be a whole number/],
    [['serve', '--port', '70000'], /--port must be a whole number/],
    [['demo', '--db'], /argument missing/],
  ])('refuses %j with a clear message, exit code 2, and no database created', async (argv, message) => {
    const dir = tempDir();
    const db = path.join(dir, 'untouched.sqlite');
    const result = await cli(...argv, ...(argv.includes('--db') ? [] : ['--db', db]));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('refuses a database from a newer version without touching it', async () => {
    const db = path.join(tempDir(), 'future.sqlite');
    const raw = new Database(db);
    raw.pragma('user_version = 99');
    raw.close();
    const before = fs.readFileSync(db);
    const result = await cli('forums', 'list', '--db', db);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/newer version of Plenary/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });
});

describe('plenary bundle', () => {
  it('exports a forum on one laptop, inspects and imports it on another', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.sqlite');
    const b = path.join(dir, 'b.sqlite');
    await cli('demo', '--db', a);
    const forumId = (JSON.parse((await cli('forums', 'list', '--db', a, '--json')).out) as Array<{ id: string }>)[0]?.id ?? '';
    const file = path.join(dir, 'a.plenary');
    // With one forum in the database, --forum may be left out.
    const exported = await cli('bundle', 'export', '--db', a, '--out', file);
    expect(forumId).not.toBe('');
    expect(exported).toMatchObject({ code: 0, out: expect.stringMatching(/^Wrote \d+ changes of “Forum on Urban-Rural Linkages”/) });
    // b does not exist yet: inspecting must not create it.
    expect((await cli('bundle', 'inspect', '--db', b, file)).code).toBe(1);
    expect(fs.existsSync(b)).toBe(false);
    const untrusted = await cli('bundle', 'import', '--db', b, file);
    expect(untrusted).toMatchObject({ code: 1, out: expect.stringMatching(/not imported\. This is the first bundle/) });
    const trusted = await cli('bundle', 'import', '--db', b, '--trust', file, file);
    expect(trusted.code).toBe(0);
    expect(trusted.out).toMatch(/added .*200 new participants.*74 new notes.* from .* \([A-Z2-9]{4}-/);
    expect(trusted.out).toMatch(/a\.plenary: skipped\. “[^”]*a\.plenary” is the same file as “[^”]*a\.plenary”; it was read once\./);
    const again = await cli('bundle', 'import', '--db', b, file);
    expect(again).toMatchObject({ code: 0, out: expect.stringMatching(/added nothing new to “Forum on Urban-Rural Linkages”/) });
    expect((await cli('forums', 'list', '--db', b)).out).toMatch(/Forum on Urban-Rural Linkages\s+\(demo\)/);
  });

  it.each([
    [['bundle', 'import'], /Name at least 1 bundle file/],
    [['bundle', 'export', '--forum', 'x'], /--out FILE/],
  ])('refuses %j with usage and exit code 2', async (argv, message) => {
    const result = await cli(...argv, '--db', path.join(tempDir(), 'none.sqlite'));
    expect(result).toMatchObject({ code: 2, err: expect.stringMatching(message) });
  });

  it('asks which forum when the database holds several', async () => {
    const db = path.join(tempDir(), 'two.sqlite');
    await cli('demo', '--db', db);
    await addSecondForum(db);
    const result = await cli('bundle', 'export', '--db', db, '--out', path.join(tempDir(), 'x.plenary'));
    expect(result).toMatchObject({ code: 2, err: expect.stringMatching(/holds 2 forums: say which with --forum ID/) });
  });

  it('reports a file that is not a bundle and changes nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'b.sqlite');
    await cli('demo', '--db', db);
    const junk = path.join(dir, 'minutes.plenary');
    fs.writeFileSync(junk, 'Minutes of the closing plenary.');
    const before = fs.readFileSync(db);
    const result = await cli('bundle', 'import', '--db', db, junk);
    expect(result).toMatchObject({ code: 1, out: expect.stringMatching(/not imported\. The file is not a Plenary bundle/) });
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });
});
