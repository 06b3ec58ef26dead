import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../shared/capture';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { m026LeanChangeIndexes } from '../../../main/core/store/migrations/m026_leanChangeIndexes';
import { databaseBefore } from '../helpers/databaseBefore';
import { tempDir } from '../helpers/tempCore';
import { call } from '../drafting/draftingFixture';

const created = '2026-03-02T09:10:00.000Z';

/** A database an older Plenary left just before m026: a note written, then edited twice, on one laptop. */
function beforeM026(file: string): void {
  databaseBefore(file, m026LeanChangeIndexes, ['en'], (db) => {
    // This laptop is the one that wrote the note (only a note's author edits it).
    db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', 'old-laptop')").run();
    db.prepare(`INSERT INTO sessions (id, forum_id, day, start_time, end_time, kind, title) VALUES ('session-0001', 'forum-0001', '2026-03-02', '09:00', '10:00', 'plenary', '{"en":"S"}')`).run();
    const log = db.prepare("INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells, parents) VALUES ('old-laptop', ?, 'notes', 'note-0001', 'forum-0001', ?, ?)");
    log.run('001772442600000-0000', JSON.stringify({ forum_id: 'forum-0001', session_id: 'session-0001', lang: 'en', text: 'First', created_at: created, author: 'old-laptop', deleted: 0 }), '{"text":[]}');
    log.run('001772442660000-0000', '{"text":"Second"}', '{"text":["old-laptop/001772442600000-0000"]}');
    log.run('001772442720000-0000', '{"text":"Third"}', '{"text":["old-laptop/001772442660000-0000"]}');
    db.prepare(`INSERT INTO notes (id, forum_id, session_id, lang, text, created_at, author, deleted) VALUES ('note-0001', 'forum-0001', 'session-0001', 'en', 'Third', ?, 'old-laptop', 0)`).run(created);
  });
}

describe('m026 lean change log indexes', () => {
  it('takes the version of its place in the list', () => {
    expect(m026LeanChangeIndexes.version).toBe(migrations.indexOf(m026LeanChangeIndexes) + 1);
    expect(m026LeanChangeIndexes.version).toBeLessThanOrEqual(latestVersion);
  });

  it('upgrades a database: one unique index in clock order, and the next save replaces the version on screen', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    beforeM026(file);
    const ctx = await openCore(file, { backupDir: path.join(dir, 'backups') });
    try {
      const indexes = ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'changes' AND sql IS NOT NULL").pluck().all();
      expect(indexes).toEqual(['changes_by_row']);
      const columns = ctx.db.prepare("SELECT name FROM pragma_index_info('changes_by_row') ORDER BY seqno").pluck().all();
      expect(columns).toEqual(['tbl', 'row_id', 'hlc', 'device']);
      expect(ctx.db.prepare("SELECT \"unique\" FROM pragma_index_list('changes') WHERE name = 'changes_by_row'").pluck().get()).toBe(1);

      const saved = await call<Note>(ctx, 'notes:update', { id: 'note-0001', text: 'Fourth' });
      expect(saved.text).toBe('Fourth');
      expect(saved.alternatives).toEqual([]);
      const parents = ctx.db.prepare("SELECT parents FROM changes WHERE row_id = 'note-0001' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
      expect(JSON.parse(parents)).toEqual({ text: ['old-laptop/001772442720000-0000'] });

      // Still unique: the same change again is refused by the index, as an import relies on.
      const again = ctx.db.prepare("INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells) VALUES ('old-laptop', '001772442720000-0000', 'notes', 'note-0001', 'forum-0001', '{}') ON CONFLICT DO NOTHING");
      expect(again.run().changes).toBe(0);
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeCore(ctx);
    }
  });
});
