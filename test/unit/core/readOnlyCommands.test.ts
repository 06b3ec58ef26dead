import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliCommands } from '../../../main/core/cli/cliCommands';
import { dispatch } from '../../../main/core/commands/dispatch';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { migrations } from '../../../main/core/store/migrations';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempCore';

/** Each read-only command with what it needs besides --db: `dir` takes the files it writes. */
const invocations: Record<string, (dir: string, bundle: string, documentId: string, sessionId: string) => string[]> = {
  'forums list': () => [],
  'device show': () => [],
  'bundle inspect': (_dir, bundle) => [bundle],
  'agenda show': () => [],
  'participants export': (dir) => ['--out', path.join(dir, 'people.csv')],
  stats: () => [],
  // Two characters: found through a temporary vocabulary table, which a read-only connection may still make.
  search: () => ['宽带'],
  'outcome show': () => [],
  'outcome issuances': () => [],
  'documents list': () => [],
  'roles list': () => [],
  'peers list': () => [],
  'export document': (dir, _bundle, documentId) => ['--document', documentId, '--out', path.join(dir, 'document.md')],
  'export outcome': (dir) => ['--out', path.join(dir, 'outcome.html')],
  'export agenda': (dir) => ['--out', path.join(dir, 'agenda.docx')],
  'export participants': (dir) => ['--out', path.join(dir, 'participants.csv')],
  'export participation': (dir) => ['--out', path.join(dir, 'participation.docx')],
  'export xliff': (dir) => ['--lang', 'es', '--out', path.join(dir, 'es.xlf')],
  'export compilation': (dir) => ['--out', path.join(dir, 'compilation.docx')],
  'speakers list': (_dir, _bundle, _documentId, sessionId) => ['--session', sessionId],
};

/** The database file's bytes and everything beside it: a read-only command changes neither. */
function state(file: string) {
  return { bytes: fs.readFileSync(file), beside: fs.readdirSync(path.dirname(file)).sort() };
}

function expectUnchanged(file: string, before: ReturnType<typeof state>, label: string) {
  const after = state(file);
  expect(after.bytes.equals(before.bytes), `${label}: database bytes`).toBe(true);
  expect(after.beside, `${label}: files beside the database`).toEqual(before.beside);
}

/** A bundle from another laptop, for `bundle inspect`. */
async function otherLaptopsBundle(): Promise<string> {
  const dir = tempDir();
  const db = path.join(dir, 'other.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  const bundle = path.join(dir, 'other.plenary');
  expect((await cli('bundle', 'export', '--db', db, '--out', bundle)).code).toBe(0);
  return bundle;
}

/** A database an older Plenary (schema 7) left, in WAL mode as Plenary writes them. */
function version7(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const migration of migrations.slice(0, 7)) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare(`INSERT INTO forums (id, title, languages, source_language) VALUES ('forum-0001', '{"en":"Kept"}', '["en"]', 'en')`).run();
  db.close();
}

describe('read-only commands', () => {
  it('are every command that only reads the database; the ones that write name themselves', () => {
    expect(cliCommands.filter((c) => c.readOnly).map((c) => c.name).sort()).toEqual(Object.keys(invocations).sort());
    // bundle export creates this laptop's signing key on first use; participants import, import xliff, erase, upgrade, documents generate-key-messages, outcome issue, the decisions and the roles' grants write.
    expect(cliCommands.filter((c) => c.mustExist).map((c) => c.name).sort()).toEqual([
      'bundle export',
      'documents generate-key-messages',
      'import xliff',
      'outcome decide',
      'outcome issue',
      'outcome silence',
      'participants erase',
      'participants import',
      'peers sync',
      'roles grant',
      'roles revoke',
      'upgrade',
    ]);
  });

  it('leave a current database byte for byte as it was, with no backups and nothing beside it', async () => {
    const bundle = await otherLaptopsBundle();
    const file = path.join(tempDir(), 'plenary.sqlite');
    expect((await cli('demo', '--db', file)).code).toBe(0);
    // The demo's first document takes the forum's id.
    const [demo] = JSON.parse((await cli('forums', 'list', '--db', file, '--json')).out) as Array<{ id: string }>;
    const [session] = (JSON.parse((await cli('agenda', 'show', '--db', file, '--json')).out) as { sessions: Array<{ id: string }> }).sessions;
    const out = tempDir();
    const before = state(file);
    for (const [name, extra] of Object.entries(invocations)) {
      const result = await cli(...name.split(' '), '--db', file, ...extra(out, bundle, demo?.id ?? '', session?.id ?? ''));
      expect(result, name).toMatchObject({ code: 0, err: '' });
      expectUnchanged(file, before, name);
    }
    // What they wrote is the owner's alone: exports hold people's names and e-mail addresses.
    const written = fs.readdirSync(out).sort();
    expect(written).toEqual(['agenda.docx', 'compilation.docx', 'document.md', 'es.xlf', 'outcome.html', 'participants.csv', 'participation.docx', 'people.csv']);
    for (const name of written) expect(fs.statSync(path.join(out, name)).mode & 0o777, name).toBe(0o600);
  });

  it('refuse a database an older Plenary wrote, saying how to upgrade it, and leave it byte for byte as it was', async () => {
    const bundle = await otherLaptopsBundle();
    const file = path.join(tempDir(), 'old.sqlite');
    version7(file);
    const out = tempDir();
    const before = state(file);
    for (const [name, extra] of Object.entries(invocations)) {
      const result = await cli(...name.split(' '), '--db', file, ...extra(out, bundle, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'));
      expect(result, name).toMatchObject({ code: 1, err: expect.stringMatching(/written by an older Plenary.*plenary upgrade --db/) });
      expectUnchanged(file, before, name);
    }
    expect(fs.readdirSync(out)).toEqual([]);
    // Upgrading is a write: it backs the file up first, then the read-only commands read it.
    expect(await cli('upgrade', '--db', file)).toMatchObject({ code: 0, out: expect.stringMatching(/is up to date/) });
    expect(fs.readdirSync(path.join(path.dirname(file), 'backups'))).toEqual([expect.stringMatching(/^old-.*-before-v\d+\.sqlite$/)]);
    expect(await cli('forums', 'list', '--db', file)).toMatchObject({ code: 0, out: expect.stringMatching(/Kept/) });
  });

  it('write nothing to a database that has no device id yet, and refuse writes through a read-only core', async () => {
    const file = path.join(tempDir(), 'plenary.sqlite');
    expect((await cli('demo', '--db', file)).code).toBe(0);
    const raw = new Database(file);
    raw.prepare("DELETE FROM meta WHERE key = 'device_id'").run();
    raw.close();
    const before = state(file);
    for (const command of [['forums', 'list'], ['agenda', 'show']]) {
      expect((await cli(...command, '--db', file)).code).toBe(0);
      expectUnchanged(file, before, command.join(' '));
    }
    const ctx = await openCore(file, { readonly: true });
    try {
      expect(ctx.deviceId).toMatch(/^[0-9a-f-]{36}$/);
      const forumId = ctx.db.prepare('SELECT id FROM forums').pluck().get() as string;
      const write = await dispatch(ctx, 'cli', 'sessions:setDeleted', { id: ctx.db.prepare('SELECT id FROM sessions LIMIT 1').pluck().get(), deleted: true });
      expect(write).toMatchObject({ ok: false, error: { message: expect.stringMatching(/readonly database/) } });
      expect((await dispatch(ctx, 'cli', 'forums:get', { id: forumId })).ok).toBe(true);
    } finally {
      closeCore(ctx);
    }
    expectUnchanged(file, before, 'openCore readonly');
  });

  it('create no database where none is', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'missing.sqlite');
    await expect(openCore(file, { readonly: true })).rejects.toMatchObject({ code: 'db_unreadable' });
    expect(await cli('forums', 'list', '--db', file)).toMatchObject({ code: 1, err: expect.stringMatching(/There is no database at .*Check the path given to --db/) });
    expect(await cli('upgrade', '--db', file)).toMatchObject({ code: 1 });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
