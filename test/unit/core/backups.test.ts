import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { CoreError } from '../../../main/core/errors';
import { backupDatabase } from '../../../main/core/store/backupDatabase';
import { backupForImport } from '../../../main/core/workers/backupForImport';
import { CoreWorker } from '../../../main/core/workers/coreWorker';
import { defaultWorkerScript } from '../../../main/core/workers/workerScript';
import { migrations } from '../../../main/core/store/migrations';
import { openDatabase } from '../../../main/core/store/openDatabase';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { importBundle } from '../../../main/core/sync/importBundle';
import { snapshot, tempCore, tempDir } from '../helpers/tempCore';

const mode = (file: string) => fs.statSync(file).mode & 0o777;
const listing = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
const stamp = (iso: string) => iso.replace(/[:.]/g, '-');

describe('backups', () => {
  it('are whole databases under their final name, 0600 in a 0700 folder, with nothing half-written beside them', async () => {
    const ctx = await tempCore();
    createDemoForum(ctx);
    const dir = path.join(tempDir(), 'backups');
    const backup = await backupDatabase(ctx.db, ctx.databasePath, dir, 'before-import', { now: Date.parse('2026-03-02T08:00:00.000Z') });
    expect(path.basename(backup)).toBe('plenary-2026-03-02T08-00-00-000Z-before-import.sqlite');
    expect(listing(dir)).toEqual([path.basename(backup)]);
    expect(mode(backup)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM participants').pluck().get()).toBe(200);
    copy.close();
  });

  it('go beside the database by default; the database and its -wal and -shm are the owner’s alone too', async () => {
    const dir = tempDir();
    const ctx = await openCore(path.join(dir, 'plenary.sqlite'));
    try {
      for (const suffix of ['', '-wal', '-shm']) expect(mode(`${ctx.databasePath}${suffix}`), suffix || 'database').toBe(0o600);
      const backup = await backupDatabase(ctx.db, ctx.databasePath, undefined, 'before-import');
      expect(path.dirname(backup)).toBe(path.join(dir, 'backups'));
    } finally {
      closeCore(ctx);
    }
  });

  it('keep the newest ten and the newest of each of the last thirty days; other files in the folder are left alone', async () => {
    const ctx = await tempCore();
    const dir = path.join(tempDir(), 'backups');
    fs.mkdirSync(dir);
    // Two a day (01:00 and 09:00 UTC) from 15 February to 31 March, and a few files that are not ours.
    const day = (n: number) => new Date(Date.UTC(2026, 1, 15 + n)).toISOString().slice(0, 10);
    const name = (date: string, hour: string) => `plenary-${stamp(`${date}T${hour}:00:00.000Z`)}-before-import.sqlite`;
    const days = Array.from({ length: 45 }, (_, n) => day(n));
    expect(days.at(-1)).toBe('2026-03-31');
    const others = ['notes.txt', `other-${stamp('2026-01-01T00:00:00.000Z')}-before-import.sqlite`, 'plenary-by-hand.sqlite'];
    for (const file of [...days.flatMap((d) => [name(d, '01'), name(d, '09')]), ...others]) fs.writeFileSync(path.join(dir, file), 'x');

    const made = await backupDatabase(ctx.db, ctx.databasePath, dir, 'before-import', { now: Date.parse('2026-03-31T12:00:00.000Z') });

    const newestTen = [path.basename(made), ...['31', '30', '29', '28'].flatMap((d) => [name(`2026-03-${d}`, '09'), name(`2026-03-${d}`, '01')]), name('2026-03-27', '09')];
    const dailyBefore = days.filter((d) => d >= '2026-03-02' && d < '2026-03-27').map((d) => name(d, '09'));
    expect(dailyBefore).toHaveLength(25);
    expect(listing(dir)).toEqual([...newestTen, ...dailyBefore, ...others].sort());
  });

  it('keep what the option says, for the backup a migration makes too', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v7.sqlite');
    const old = new Database(file);
    for (const migration of migrations.slice(0, 7)) {
      migration.up(old);
      old.pragma(`user_version = ${migration.version}`);
    }
    old.close();
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    const earlier = ['plenary-2026-01-01T00-00-00-000Z-before-import.sqlite', 'plenary-2026-01-02T00-00-00-000Z-before-import.sqlite'];
    for (const name of earlier) fs.writeFileSync(path.join(backups, name.replace('plenary', 'v7')), 'x');
    const db = await openDatabase(file, { backupDir: backups, backupRetention: { newest: 1, dailyDays: 0 } });
    db.close();
    expect(listing(backups)).toEqual([expect.stringMatching(/^v7-\d{4}-.*-before-v\d+\.sqlite$/)]);
  });

  it('remove a copy a crash left half-written once it is an hour old, and leave a recent one (perhaps still being written)', async () => {
    const ctx = await tempCore();
    const dir = path.join(tempDir(), 'backups');
    fs.mkdirSync(dir);
    const crashed = `plenary-${stamp('2026-03-31T10:00:00.000Z')}-before-import.sqlite.partial-0a1b2c3d`;
    const recent = `plenary-${stamp('2026-03-31T11:30:00.000Z')}-before-import.sqlite.partial-4e5f6a7b`;
    for (const file of [crashed, recent]) fs.writeFileSync(path.join(dir, file), 'x');
    const made = await backupDatabase(ctx.db, ctx.databasePath, dir, 'before-import', { now: Date.parse('2026-03-31T12:00:00.000Z') });
    expect(listing(dir)).toEqual([path.basename(made), recent].sort());
  });

  it('that cannot be written change nothing and say why', async () => {
    const ctx = await tempCore();
    const forum = createDemoForum(ctx);
    const bundle = exportBundle(ctx, { forumId: forum.id }).bytes;
    const blocked = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocked, 'not a folder');
    const before = snapshot(ctx);
    const error = await backupDatabase(ctx.db, ctx.databasePath, path.join(blocked, 'backups'), 'before-import').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code: 'backup_failed', message: expect.stringMatching(/could not back up .* so it changed nothing/) });
    // An import that cannot back up imports nothing.
    const other = await tempCore();
    const otherBefore = snapshot(other);
    await expect(importBundle(other, bundle, { trustNewDevice: true, backupDir: path.join(blocked, 'backups') })).rejects.toMatchObject({ code: 'backup_failed' });
    expect(snapshot(other)).toBe(otherBefore);
    expect(snapshot(ctx)).toBe(before);
  });

  it('that fail SQLite’s integrity check are removed, and the error says the database may be damaged', async () => {
    const { file, db, before, backups } = damagedDatabase();
    const error = await backupDatabase(db, file, backups, 'before-import').catch((e: unknown) => e);
    db.close();
    expect(error).toMatchObject({ code: 'backup_failed', message: expect.stringMatching(/failed SQLite's integrity check \(.*t_by_x.*\).*may be damaged/) });
    expect(listing(backups)).toEqual([]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('the copy a backup starts from', () => {
  const countIn = (file: string, table: string) => {
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      return copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    } finally {
      copy.close();
    }
  };

  it('is the database file itself once the WAL is written back: what only the WAL held is in it, and SQLite’s backup API is not needed', async () => {
    const ctx = await tempCore();
    createDemoForum(ctx);
    // Pages the demo forum wrote are still in the WAL: a copy of the file alone would lack them.
    expect(fs.statSync(`${ctx.databasePath}-wal`).size).toBeGreaterThan(0);
    const backupApi = vi.spyOn(ctx.db, 'backup');
    const backup = await backupDatabase(ctx.db, ctx.databasePath, path.join(tempDir(), 'backups'), 'before-import');
    expect(backupApi).not.toHaveBeenCalled();
    expect(listing(path.dirname(backup))).toEqual([path.basename(backup)]);
    expect(countIn(backup, 'participants')).toBe(200);
    expect(mode(backup)).toBe(0o600);
    // SQLite's own checkpoints are back on afterwards.
    expect(ctx.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('is made again through SQLite’s backup API when something is checkpointed into the file while it is copied', async () => {
    const ctx = await tempCore();
    const forum = createDemoForum(ctx);
    const backupApi = vi.spyOn(ctx.db, 'backup');
    const making = backupDatabase(ctx.db, ctx.databasePath, path.join(tempDir(), 'backups'), 'before-import');
    // The copy is under way off the main thread: a participant erased meanwhile checkpoints the WAL.
    const person = ctx.db.prepare('SELECT id FROM participants WHERE forum_id = ? LIMIT 1').pluck().get(forum.id) as string;
    expect(await invoke(ctx, 'participants:erase', { id: person })).toMatchObject({ erased: true });
    const backup = await making;
    expect(backupApi).toHaveBeenCalledTimes(1);
    // SQLite's backup API copied the database as it stood when it ran: after the erasure.
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM participants WHERE id = ? AND erased = 1').pluck().get(person)).toBe(1);
    copy.close();
  });

  it('is made through SQLite’s backup API while a reader still needs pages only the WAL holds', async () => {
    const ctx = await tempCore();
    createDemoForum(ctx);
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const reader = new Database(ctx.databasePath, { readonly: true });
    reader.exec('BEGIN');
    expect(reader.prepare('SELECT count(*) FROM forums').pluck().get()).toBe(1);
    await invoke(ctx, 'forums:create', {
      title: { en: 'Second forum' }, theme: {}, venue: {}, startDate: '2026-11-23', endDate: '2026-11-24',
      timeZone: 'UTC', coOrganisers: [], languages: ['en'], sourceLanguage: 'en', outcomeKind: 'declaration',
    });
    const backupApi = vi.spyOn(ctx.db, 'backup');
    const backup = await backupDatabase(ctx.db, ctx.databasePath, path.join(tempDir(), 'backups'), 'before-import');
    reader.exec('COMMIT');
    reader.close();
    expect(backupApi).toHaveBeenCalledTimes(1);
    expect(countIn(backup, 'forums')).toBe(2);
  });
});

describe('the check of a large backup', () => {
  it('runs on the second worker thread for an import, and a whole copy is kept', async () => {
    const ctx = await tempCore();
    createDemoForum(ctx);
    const dir = path.join(tempDir(), 'backups');
    const backup = await backupForImport(ctx, dir, 'before-import', 0);
    expect(listing(dir)).toEqual([path.basename(backup)]);
    const copy = new Database(backup, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM participants').pluck().get()).toBe(200);
    copy.close();
  });

  it('finds a damaged copy on the worker thread too: removed, and the problem named', async () => {
    const { file, db, before, backups } = damagedDatabase();
    const worker = new CoreWorker({ script: defaultWorkerScript(), databasePath: file });
    const asked: string[] = [];
    const checkElsewhere = async (copy: string) => {
      asked.push(copy);
      return (await worker.run('backup:check', { copy })).problem ?? undefined;
    };
    try {
      const error = await backupDatabase(db, file, backups, 'before-import', { checkElsewhere, checkHereUpTo: 0 }).catch((e: unknown) => e);
      expect(asked).toHaveLength(1);
      expect(error).toMatchObject({ code: 'backup_failed', message: expect.stringMatching(/failed SQLite's integrity check \(.*t_by_x.*\)/) });
      expect(listing(backups)).toEqual([]);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
      // A copy under the size is checked where it was made: the thread is not asked.
      await backupDatabase(db, file, backups, 'before-import', { checkElsewhere }).catch(() => undefined);
      expect(asked).toHaveLength(1);
    } finally {
      db.close();
      await worker.close();
    }
  });

  it('that cannot run (the thread fails to start) keeps no copy and says why', async () => {
    const ctx = await tempCore();
    createDemoForum(ctx);
    const before = snapshot(ctx);
    const dir = path.join(tempDir(), 'backups');
    const broken = new CoreWorker({ script: path.join(tempDir(), 'missing-worker.cjs'), databasePath: ctx.databasePath });
    const error = await backupDatabase(ctx.db, ctx.databasePath, dir, 'before-import', {
      checkHereUpTo: 0,
      checkElsewhere: async (copy) => (await broken.run('backup:check', { copy })).problem ?? undefined,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'backup_failed', message: expect.stringMatching(/background worker stopped unexpectedly/) });
    expect(listing(dir)).toEqual([]);
    expect(snapshot(ctx)).toBe(before);
  });
});

describe('a worker thread', () => {
  it('answers a job whose database cannot be opened, and goes on to the next', async () => {
    const ctx = await tempCore();
    createDemoForum(ctx);
    const copy = await backupDatabase(ctx.db, ctx.databasePath, path.join(tempDir(), 'backups'), 'before-import');
    const worker = new CoreWorker({ script: defaultWorkerScript(), databasePath: path.join(tempDir(), 'gone.sqlite') });
    try {
      await expect(worker.run('xliff:plan', { forumId: 'f', xml: '<xliff/>' })).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/unable to open/i) });
      // The check needs no connection to the database: it still runs on the same thread.
      expect(await worker.run('backup:check', { copy })).toEqual({ problem: null });
    } finally {
      await worker.close();
    }
  });
});

/** A file whose index claims to be on one column while it holds another: damaged, yet it opens. */
function damagedDatabase() {
  const dir = tempDir();
  const file = path.join(dir, 'damaged.sqlite');
  const setup = new Database(file);
  setup.pragma('journal_mode = WAL');
  setup.exec('CREATE TABLE t (x, y); CREATE INDEX t_by_x ON t (x);');
  const insert = setup.prepare('INSERT INTO t VALUES (?, ?)');
  for (let i = 0; i < 100; i++) insert.run(i, -i);
  setup.unsafeMode(true);
  setup.pragma('writable_schema = ON');
  setup.prepare("UPDATE sqlite_schema SET sql = 'CREATE INDEX t_by_x ON t (y)' WHERE name = 't_by_x'").run();
  setup.close();
  return { file, db: new Database(file), before: fs.readFileSync(file), backups: path.join(dir, 'backups') };
}

describe('an import that fails after its backup', () => {
  it('of participants leaves no backup behind, and no participant', async () => {
    const ctx = await tempCore();
    const forum = createDemoForum(ctx);
    // A real failure inside the import's transaction, as a full disk would give.
    ctx.db.exec(`CREATE TEMP TRIGGER refuse AFTER INSERT ON participants WHEN new.name = 'Boom Ba' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const before = snapshot(ctx);
    const csv = Buffer.from('Name,Organisation\nAna Lima,UN-Habitat\nBoom Ba,Somewhere\n');
    const result = await dispatch(ctx, 'cli', 'participants:import', { forumId: forum.id, file: { fileName: 'people.csv', data: csv.toString('base64') } });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/stopped before it finished .* and was undone/) } });
    expect(listing(path.join(path.dirname(ctx.databasePath), 'backups'))).toEqual([]);
    expect(snapshot(ctx)).toBe(before);
    // The same import, once it can succeed, keeps its backup.
    ctx.db.exec('DROP TRIGGER temp.refuse');
    expect(await dispatch(ctx, 'cli', 'participants:import', { forumId: forum.id, file: { fileName: 'people.csv', data: csv.toString('base64') } })).toMatchObject({ ok: true });
    expect(listing(path.join(path.dirname(ctx.databasePath), 'backups'))).toEqual([expect.stringMatching(/-before-participant-import\.sqlite$/)]);
  });

  it('of a bundle leaves no backup behind, and no change', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const forum = createDemoForum(a);
    const bundle = exportBundle(a, { forumId: forum.id }).bytes;
    b.db.exec(`CREATE TEMP TRIGGER refuse AFTER INSERT ON changes WHEN new.tbl = 'notes' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const before = snapshot(b);
    const backups = path.join(tempDir(), 'backups');
    await expect(importBundle(b, bundle, { trustNewDevice: true, backupDir: backups })).rejects.toMatchObject({ code: 'bundle_rejected' });
    expect(listing(backups)).toEqual([]);
    expect(snapshot(b)).toBe(before);
  });
});
