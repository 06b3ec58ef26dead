import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { droppedParticipantIndexes, m013LeanParticipantIndexes } from '../../../main/core/store/migrations/m013_leanParticipantIndexes';
import { openDatabase } from '../../../main/core/store/openDatabase';
import { forumOverview } from '../../../main/core/store/forumOverview';
import { listParticipants, participantPageSql, queryParticipants } from '../../../main/core/store/participants';
import { participationStats } from '../../../main/core/store/participationStats';
import { writeRows } from '../../../main/core/store/writeRows';
import { HybridClock } from '../../../main/core/sync/hybridClock';
import { participantQuery, participantSortFields, type ParticipantQuery } from '../../../shared/participants';
import { tempDir } from '../helpers/tempCore';

const forums = ['forum-0001', 'forum-0002'];
const countries = ['FR', 'BR', '', 'KE', null, 'CN'];
const orgTypes = ['academia', 'un_international', null, 'government', ''];
const genders = ['female', 'male', null, 'other'];
const names = ['Zoë Adams', 'élise Martin', 'Ana Silva', 'ŠÁRKA Žižková', '王小明', 'İlkay Şahin', 'Дмитрий Ōno', '', null];

/** A database left at schema 12 by an older Plenary, with people of two forums written through the log. */
function version12(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const migration of migrations.slice(0, 12)) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  const writer = { db, deviceId: 'laptop-0001', clock: new HybridClock(() => 1_767_225_600_000) };
  for (const forumId of forums) db.prepare("INSERT INTO forums (id, title) VALUES (?, '{}')").run(forumId);
  const rows = Array.from({ length: 240 }, (_, i) => ({
    rowId: `p-${String(i).padStart(3, '0')}`,
    values: {
      forum_id: forums[i % 5 === 0 ? 1 : 0],
      name: names[i % names.length] === null ? null : `${names[i % names.length]} ${i % 11}`,
      organisation: i % 4 === 0 ? null : `Organisation ${i % 9}`,
      org_type: orgTypes[i % orgTypes.length],
      country: countries[i % countries.length],
      gender: genders[i % genders.length],
      roles: i % 6 === 0 ? ['speaker'] : ['participant'],
      email: `person${i}@example.org`,
      checked_in_at: i % 3 === 0 ? `2026-03-02T08:${String(i % 60).padStart(2, '0')}:00.000Z` : null,
      deleted: i % 17 === 0 ? 1 : 0,
    },
  }));
  writeRows(writer, 'participants', rows);
  db.close();
}

const filters: Array<Partial<ParticipantQuery>> = [
  {},
  { text: 'organisation 3' },
  { text: 'an' },
  { text: '王' },
  { country: 'FR' },
  { country: '' },
  { orgType: 'academia' },
  { gender: 'female' },
  { checkedIn: true },
  { checkedIn: false, role: 'speaker' },
  { country: 'BR', gender: 'male', text: 'ana' },
];

/** What every screen that reads participants gets: pages in every order, either way, the figures. */
function answers(db: Database.Database): unknown {
  const pages = [];
  for (const forumId of forums) {
    for (const sort of participantSortFields) {
      for (const descending of [false, true]) {
        for (const filter of filters) {
          for (const offset of [0, 7]) pages.push(queryParticipants(db, participantQuery.parse({ forumId, sort, descending, offset, limit: 25, ...filter })));
        }
      }
    }
  }
  return { pages, figures: forums.map((forumId) => [participationStats(db, forumId), forumOverview(db, forumId), listParticipants(db, forumId)]) };
}

function plan(db: Database.Database, sql: string, params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
}

const participantIndexes = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'participants' AND sql IS NOT NULL ORDER BY name").pluck().all();

async function upgraded(): Promise<{ before: unknown; db: Database.Database }> {
  const dir = tempDir();
  const file = path.join(dir, 'v12.sqlite');
  version12(file);
  // Today's queries read columns later migrations add (m014's position): the answers before the
  // upgrade are read from a copy given those columns alone, the v12 indexes left as they were.
  const copy = path.join(dir, 'v12-columns.sqlite');
  fs.copyFileSync(file, copy);
  const old = new Database(copy);
  for (const later of migrations.slice(13)) later.up(old);
  const before = answers(old);
  expect(participantIndexes(old)).toEqual(expect.arrayContaining([...droppedParticipantIndexes]));
  old.close();
  return { before, db: await openDatabase(file, { backupDir: path.join(dir, 'backups') }) };
}

describe('m013 participant indexes the list does not need', () => {
  it('is registered as migration 13', () => {
    expect(migrations[12], 'add m013LeanParticipantIndexes to main/core/store/migrations/index.ts').toBe(m013LeanParticipantIndexes);
  });

  it('upgrades a version-12 database with people: the indexes go, every list, search and figure answers as before', async () => {
    const { before, db } = await upgraded();
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(participantIndexes(db)).toEqual(
      ['checked_in_at', 'country', 'gender', 'name', 'org_type', 'organisation'].map((key) => `participants_by_${key}_key`),
    );
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(answers(db)).toEqual(before);
    db.close();
  });

  it('still reads every sort from its index, and every count and page of a forum through an index', async () => {
    const { db } = await upgraded();
    for (const sort of participantSortFields) {
      for (const descending of [false, true]) {
        for (const filter of [{}, { text: 'organisation' }, { text: 'an' }, { country: 'FR' }, { role: 'speaker' as const, checkedIn: true }]) {
          const label = `${sort} ${descending} ${JSON.stringify(filter)}`;
          const sql = participantPageSql(participantQuery.parse({ forumId: forums[0], sort, descending, ...filter }));
          const detail = plan(db, sql.page.sql, sql.page.params);
          expect(detail, label).toMatch(/SEARCH participants USING (COVERING )?INDEX participants_by_\w+_key \(forum_id=\? AND deleted=\?/);
          expect(detail, label).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
          for (const found of [detail, plan(db, sql.count.sql, sql.count.params)]) expect(found, label).not.toMatch(/SCAN (participants|p)\b(?! USING)/);
        }
      }
    }
    // The figures and the overview read the forum's people through an index too.
    for (const sql of ['SELECT count(*) FROM participants WHERE forum_id = ? AND deleted = 0', "SELECT count(DISTINCT country) FROM participants WHERE forum_id = ? AND deleted = 0 AND coalesce(country, '') <> ''"]) {
      expect(plan(db, sql, [forums[0]])).toMatch(/USING (COVERING )?INDEX participants_by_\w+_key \(forum_id=\? AND deleted=\?\)/);
    }
    db.close();
  });
});
