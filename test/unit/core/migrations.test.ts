import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../main/core/errors';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { m001ChangeLogAndForums } from '../../../main/core/store/migrations/m001_changeLogAndForums';
import { openDatabase } from '../../../main/core/store/openDatabase';
import { tempDir } from '../helpers/tempCore';

/** A database left at `version` by an older Plenary, as a fixture to upgrade. */
function fixtureAt(version: number, file: string, fill?: (db: Database.Database) => void): void {
  const db = new Database(file);
  for (const migration of migrations.slice(0, version)) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  fill?.(db);
  db.close();
}

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestVersion).toBe(migrations.length);
  });

  it('create a new database at the latest version with WAL, full sync and foreign keys', async () => {
    const db = await openDatabase(path.join(tempDir(), 'new.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('m001 creates the change log, device state and forums', async () => {
    const file = path.join(tempDir(), 'empty.sqlite');
    const db = new Database(file);
    m001ChangeLogAndForums.up(db);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['changes', 'forums', 'meta', 'settings']);
    db.close();
  });

  it('m002 upgrades a version-1 database, keeps its forum and backs it up first', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v1.sqlite');
    fixtureAt(1, file, (db) => {
      db.prepare(`INSERT INTO changes (device, hlc, tbl, row_id, cells) VALUES ('dev', '000000000000001-0000', 'forums', 'f1', '{"title@en":"Old forum"}')`).run();
      db.prepare(`INSERT INTO forums (id, title, languages, source_language) VALUES ('f1', '{"en":"Old forum"}', '["en"]', 'en')`).run();
    });
    const db = await openDatabase(file, { backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare("SELECT title, preamble FROM forums WHERE id = 'f1'").get()).toEqual({
      title: '{"en":"Old forum"}',
      preamble: '{}',
    });
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
    db.close();
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT count(*) FROM forums').pluck().get()).toBe(1);
    backup.close();
  });

  it('m003 adds local sync state to a version-2 database', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v2.sqlite');
    fixtureAt(2, file, (db) => {
      db.prepare(`INSERT INTO forums (id, title) VALUES ('f1', '{"en":"Kept"}')`).run();
    });
    const db = await openDatabase(file, { backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare('SELECT count(*) FROM known_devices').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM peer_knowledge').pluck().get()).toBe(0);
    expect(db.prepare("SELECT title FROM forums WHERE id = 'f1'").pluck().get()).toBe('{"en":"Kept"}');
    db.close();
  });

  it('m004 gives a version-3 database participant languages, check-in and a search index over existing people', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v3.sqlite');
    fixtureAt(3, file, (db) => {
      db.prepare(`INSERT INTO forums (id, title) VALUES ('f1', '{"en":"Kept"}')`).run();
      db.prepare(`INSERT INTO participants (id, forum_id, name, organisation) VALUES ('p1', 'f1', 'José Núñez', 'Municipalidad')`).run();
    });
    const db = await openDatabase(file, { backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare("SELECT languages, checked_in_at FROM participants WHERE id = 'p1'").get()).toEqual({ languages: '[]', checked_in_at: null });
    const search = db.prepare('SELECT p.id FROM participants_search s JOIN participants p ON p.rowid = s.rowid WHERE participants_search MATCH ?').pluck();
    // Accents and case folded, existing rows indexed, later edits followed.
    expect(search.all('"nunez"')).toEqual(['p1']);
    db.prepare("UPDATE participants SET name = 'Ana Pérez' WHERE id = 'p1'").run();
    expect(search.all('"nunez"')).toEqual([]);
    expect(search.all('"PEREZ"')).toEqual(['p1']);
    db.close();
  });

  it('refuse an SQLite file that another program made, and leave its bytes untouched', async () => {
    const file = path.join(tempDir(), 'someone-elses.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE meta (k, v); INSERT INTO meta VALUES ('owner', 'another app');");
    other.close();
    const before = fs.readFileSync(file);
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect((error as CoreError).code).toBe('db_unreadable');
    expect((error as CoreError).message).toMatch(/not a Plenary database/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuse a database from a newer version and leave its bytes untouched', async () => {
    const file = path.join(tempDir(), 'future.sqlite');
    fixtureAt(latestVersion, file, (db) => db.pragma(`user_version = ${latestVersion + 5}`));
    const before = fs.readFileSync(file);
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('db_newer_version');
    expect((error as CoreError).message).toMatch(/newer version of Plenary/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuse a newer database in WAL mode without leaving files beside it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'future-wal.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE kept (x); INSERT INTO kept VALUES (1);');
    db.pragma(`user_version = ${latestVersion + 1}`);
    db.close();
    const listing = fs.readdirSync(dir).sort();
    const before = fs.readFileSync(file);
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'db_newer_version' });
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuse a file that is not a database and leave its bytes untouched', async () => {
    const file = path.join(tempDir(), 'garbage.sqlite');
    fs.writeFileSync(file, Buffer.from('This is a text file, not SQLite. '.repeat(200)));
    const before = fs.readFileSync(file);
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect((error as CoreError).code).toBe('db_unreadable');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuse a truncated database and leave its bytes untouched', async () => {
    const file = path.join(tempDir(), 'truncated.sqlite');
    fixtureAt(latestVersion, file, (db) => {
      db.exec("CREATE TABLE padding (x); INSERT INTO padding VALUES (randomblob(100000));");
    });
    fs.truncateSync(file, 100);
    const before = fs.readFileSync(file);
    const error = await openDatabase(file).catch((e: unknown) => e);
    expect((error as CoreError).code).toBe('db_unreadable');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
