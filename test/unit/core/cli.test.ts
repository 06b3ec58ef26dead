import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/core/cli/runCli';
import { tempDir } from '../helpers/tempCore';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

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

  it('says so when there are no forums', async () => {
    const result = await cli('forums', 'list', '--db', path.join(tempDir(), 'empty.sqlite'));
    expect(result).toMatchObject({ code: 0, out: expect.stringMatching(/No forums yet/) });
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
