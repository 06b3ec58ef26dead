import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import {
  foldedSortKey,
  m005ParticipantIndexes,
  participantSortColumns,
} from '../../../main/core/store/migrations/m005_participantIndexes';
import { openDatabase } from '../../../main/core/store/openDatabase';
import { deferSortIndexes } from '../../../main/core/store/participants';
import { tempDir } from '../helpers/tempCore';

/** A database left at schema 4 (before this migration) by an older Plenary, with people in it. */
function version4(file: string): void {
  const db = new Database(file);
  for (const migration of migrations.slice(0, 4)) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare(`INSERT INTO forums (id, title) VALUES ('forum-0001', '{"en":"Kept"}')`).run();
  const insert = db.prepare('INSERT INTO participants (id, forum_id, name, organisation, country, checked_in_at) VALUES (?, ?, ?, ?, ?, ?)');
  insert.run('p1', 'forum-0001', 'Zoë Adams', 'Université de Lyon', 'FR', null);
  insert.run('p2', 'forum-0001', 'élise Martin', '', null, '2026-03-02T08:00:00.000Z');
  insert.run('p3', 'forum-0001', 'Ana Silva', 'UN-Habitat', 'BR', null);
  db.close();
}

const indexNames = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name GLOB 'participants_by_*_key' ORDER BY name").pluck().all();

/** A database at schema 4 with m005 applied, whether or not the list of migrations has it yet. */
function withM005(file: string): Database.Database {
  version4(file);
  const db = new Database(file);
  m005ParticipantIndexes.up(db);
  return db;
}

describe('m005 participant sort indexes', () => {
  it('is registered as migration 5 and upgrades a version-4 database, keeping its people', async () => {
    expect(migrations[4], 'add m005ParticipantIndexes to main/core/store/migrations/index.ts').toBe(m005ParticipantIndexes);
    const dir = tempDir();
    const file = path.join(dir, 'v4.sqlite');
    version4(file);
    const db = await openDatabase(file, { backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(indexNames(db)).toEqual(participantSortColumns.map((c) => `participants_by_${c}_key`).sort());
    expect(db.prepare('SELECT id FROM participants ORDER BY id').pluck().all()).toEqual(['p1', 'p2', 'p3']);
    db.close();
  });

  it('folds every accented Latin letter it lists as the Unicode decomposition does', () => {
    const db = new Database(':memory:');
    const key = db.prepare(`SELECT ${foldedSortKey('v')} FROM (SELECT ? AS v)`).pluck();
    const special: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ŀ: 'l', ı: 'i', þ: 'th', ħ: 'h', ŧ: 't', ĸ: 'k', ŋ: 'n', ŉ: 'n' };
    for (let code = 0xc0; code <= 0x17f; code++) {
      const letter = String.fromCodePoint(code);
      if (letter === '×' || letter === '÷') continue;
      const lower = letter.toLowerCase();
      const expected = special[lower] ?? special[letter] ?? lower.normalize('NFKD').replace(/\p{M}/gu, '');
      expect(key.get(`x${letter}y`), `U+${code.toString(16)} ${letter}`).toBe(`x${expected.toLowerCase()}y`);
    }
    expect(key.get('')).toBe(String.fromCodePoint(0x10ffff));
    expect(key.get(null)).toBe(String.fromCodePoint(0x10ffff));
    expect(key.get('王小明')).toBe('王小明');
    expect(key.get('Šárka ŽIŽKOVÁ-Øberg')).toBe('sarka zizkova-oberg');
    db.close();
  });

  it('sets the sort indexes aside for a bulk write and builds them again as they were', () => {
    const db = withM005(path.join(tempDir(), 'defer.sqlite'));
    const schema = () => db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();
    const before = schema();
    expect(() => deferSortIndexes(db, () => 0)).toThrow(/transaction/);
    const seen = db.transaction(() =>
      deferSortIndexes(db, () => {
        db.prepare("INSERT INTO participants (id, forum_id, name) VALUES ('p4', 'forum-0001', 'Ángel Ruiz')").run();
        return indexNames(db);
      }),
    )();
    expect(seen).toEqual([]);
    expect(schema()).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // A failed write undoes the removal too.
    expect(() =>
      db.transaction(() =>
        deferSortIndexes(db, () => {
          throw new Error('row 12 refused');
        }),
      )(),
    ).toThrow(/row 12/);
    expect(schema()).toEqual(before);
    db.close();
  });
});
