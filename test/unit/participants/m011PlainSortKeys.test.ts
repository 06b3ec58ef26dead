import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { reprojectRows } from '../../../main/core/store/changeLog';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { foldedSortKey as m005Key } from '../../../main/core/store/migrations/m005_participantIndexes';
import { m011PlainSortKeys } from '../../../main/core/store/migrations/m011_plainSortKeys';
import { openDatabase } from '../../../main/core/store/openDatabase';
import { blankSortKey, foldedSortKey } from '../../../main/core/store/participantSortKeys';
import { createParticipant, participantPageSql, updateParticipant } from '../../../main/core/store/participants';
import { participantQuery, participantSortFields } from '../../../shared/participants';
import { tempDir } from '../helpers/tempCore';

const people: Array<[id: string, name: string | null, organisation: string | null, country: string | null, checkedIn: string | null]> = [
  ['p1', 'Zoë Adams', 'Université de Lyon', 'FR', null],
  ['p2', 'élise Martin', '', null, '2026-03-02T08:00:00.000Z'],
  ['p3', 'Ana Silva', 'UN-Habitat', 'BR', null],
  ['p4', 'ŠÁRKA Žižková-Øberg', 'Ærø Kommune', 'DK', null],
  ['p5', '王小明', '浙江大学', 'CN', null],
  ['p6', 'İlkay Şahin', null, 'TR', null],
  ['p7', 'Дмитрий Ōno', 'ŁÓDŹ', 'PL', null],
];

/** A database left at schema 7 (before the drafting release's successors) by an older Plenary, with people in it. */
function version7(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const migration of migrations.slice(0, 7)) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare(`INSERT INTO forums (id, title) VALUES ('forum-0001', '{"en":"Kept"}')`).run();
  const insert = db.prepare('INSERT INTO participants (id, forum_id, name, organisation, country, checked_in_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const [id, name, organisation, country, checkedIn] of people) insert.run(id, 'forum-0001', name, organisation, country, checkedIn);
  db.close();
}

/** What m005's index expression made of a value, computed by SQLite as it was. */
function m005Keys(db: Database.Database): (value: string | null) => string {
  const key = db.prepare(`SELECT ${m005Key('v')} FROM (SELECT ? AS v)`).pluck();
  return (value) => key.get(value) as string;
}

const blankInput = { name: '', organisation: '', position: '', orgType: null, country: '', gender: null, roles: [], email: '', languages: [] };

function plan(db: Database.Database, sql: string, params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
}

async function upgraded(): Promise<Database.Database> {
  const dir = tempDir();
  const file = path.join(dir, 'v7.sqlite');
  version7(file);
  return openDatabase(file, { backupDir: path.join(dir, 'backups') });
}

describe('m011 plain sort keys', () => {
  it('is registered as migration 11', () => {
    expect(migrations[10]).toBe(m011PlainSortKeys);
  });

  it('upgrades a version-7 database: its people keep their keys as m005 computed them, in plain columns with plain indexes', async () => {
    const db = await upgraded();
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    const m005 = m005Keys(db);
    const rows = db.prepare('SELECT id, name, organisation, name_key, organisation_key FROM participants ORDER BY id').all() as Array<Record<string, string | null>>;
    expect(rows.map((r) => r.id)).toEqual(people.map(([id]) => id));
    for (const row of rows) {
      expect(row.name_key, String(row.name)).toBe(m005(row.name ?? null));
      expect(row.organisation_key, String(row.organisation)).toBe(m005(row.organisation ?? null));
    }
    const indexes = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name IN ('participants_by_name_key', 'participants_by_organisation_key') ORDER BY name").all();
    expect(indexes).toEqual([
      { name: 'participants_by_name_key', sql: 'CREATE INDEX participants_by_name_key ON participants (forum_id, deleted, name_key, id)' },
      { name: 'participants_by_organisation_key', sql: 'CREATE INDEX participants_by_organisation_key ON participants (forum_id, deleted, organisation_key, id)' },
    ]);
    // Nothing left in the schema that a stock sqlite3 shell's parser chokes on.
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE sql LIKE '%replace(%'").pluck().all()).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('orders an upgraded forum as before: case- and accent-insensitively, blanks last', async () => {
    const db = await upgraded();
    const ordered = (sort: 'name' | 'organisation' | 'checkedInAt' | 'country', descending = false) => {
      const sql = participantPageSql(participantQuery.parse({ forumId: 'forum-0001', sort, descending }));
      return (db.prepare(sql.page.sql).all(...sql.page.params) as Array<{ id: string }>).map((r) => r.id);
    };
    // Cyrillic and Chinese after Latin, as code points order them; SQLite's lower() left Cyrillic as it was.
    expect(ordered('name')).toEqual(['p3', 'p2', 'p6', 'p4', 'p1', 'p7', 'p5']);
    // Blank (empty or none) last, equal blanks by id.
    expect(ordered('organisation')).toEqual(['p4', 'p7', 'p3', 'p1', 'p5', 'p2', 'p6']);
    expect(ordered('organisation', true)).toEqual(['p6', 'p2', 'p5', 'p1', 'p3', 'p7', 'p4']);
    expect(ordered('checkedInAt')).toEqual(['p2', 'p1', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(ordered('country')).toEqual(['p3', 'p5', 'p4', 'p1', 'p7', 'p6', 'p2']);
    db.close();
  });

  it('lets every sort, either way, with and without a search or filter, read its index instead of sorting', async () => {
    const db = await upgraded();
    for (const sort of participantSortFields) {
      for (const descending of [false, true]) {
        for (const extra of [{}, { text: 'ana' }, { text: 'an' }, { country: 'FR' }, { role: 'speaker' as const, checkedIn: true }]) {
          const sql = participantPageSql(participantQuery.parse({ forumId: 'forum-0001', sort, descending, ...extra }));
          const detail = plan(db, sql.page.sql, sql.page.params);
          expect(detail, `${sort} ${descending} ${JSON.stringify(extra)}`).toMatch(/USING (COVERING )?INDEX participants_by_\w+_key/);
          expect(detail, `${sort} ${descending} ${JSON.stringify(extra)}`).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
        }
      }
    }
    db.close();
  });

  it('folds exactly as m005’s SQL did, for every character up to U+024F and mixed text', () => {
    const db = new Database(':memory:');
    const m005 = m005Keys(db);
    for (let code = 0x01; code <= 0x24f; code++) {
      const letter = String.fromCodePoint(code);
      for (const text of [letter, `x${letter}Y`, `${letter}王`]) expect(foldedSortKey(text), `U+${code.toString(16)} in ${text}`).toBe(m005(text));
    }
    for (const text of ['', 'Ana', 'ÀNA', 'Łódź Ōno', 'Дмитрий Ōno', 'Ærø ß', 'ŉ', 'İı', '😀 Émile', 'مريم Ö', '王小明', ' trailing ']) {
      expect(foldedSortKey(text), text).toBe(m005(text));
    }
    expect(foldedSortKey(null)).toBe(m005(null));
    expect(foldedSortKey('')).toBe(blankSortKey);
    db.close();
  });

  it('keeps the keys as people are written through the change log, and rebuilds them from the log alone', async () => {
    const dir = tempDir();
    const ctx = await openCore(path.join(dir, 'keys.sqlite'));
    try {
      ctx.db.prepare(`INSERT INTO forums (id, title) VALUES ('forum-0001', '{"en":"Kept"}')`).run();
      const person = createParticipant(ctx, 'forum-0001', { ...blankInput, name: 'Émile Zola', organisation: 'Académie' });
      const keys = () => ctx.db.prepare('SELECT name_key, organisation_key FROM participants WHERE id = ?').get(person.id);
      expect(keys()).toEqual({ name_key: 'emile zola', organisation_key: 'academie' });
      updateParticipant(ctx, person.id, { ...blankInput, name: 'ÉMILE Żola', organisation: '' });
      expect(keys()).toEqual({ name_key: 'emile zola', organisation_key: blankSortKey });
      ctx.db.prepare("UPDATE participants SET name_key = 'stale', organisation_key = NULL WHERE id = ?").run(person.id);
      reprojectRows(ctx.db, 'participants', [person.id]);
      expect(keys()).toEqual({ name_key: 'emile zola', organisation_key: blankSortKey });
    } finally {
      closeCore(ctx);
    }
  });
});
