import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DraftParagraph, OutcomeDocument } from '../../../shared/outcome';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { m007Drafting } from '../../../main/core/store/migrations/m007_drafting';
import { openDatabase } from '../../../main/core/store/openDatabase';
import { tempDir } from '../helpers/tempCore';
import { call, documentInput } from './draftingFixture';

/** A database left at schema 6 by an older Plenary: a draft of two points, one drawing on a key message. */
function version6(file: string): void {
  const db = new Database(file);
  for (const migration of migrations.slice(0, 6)) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare(
    `INSERT INTO forums (id, title, languages, source_language, start_date, end_date, time_zone, outcome_kind)
     VALUES ('forum-0001', '{"en":"Kept"}', '["en","zh","es"]', 'en', '2026-03-02', '2026-03-04', 'UTC', 'consensus')`,
  ).run();
  db.prepare(
    `INSERT INTO sessions (id, forum_id, day, start_time, end_time, kind, title) VALUES ('sess-0001', 'forum-0001', '2026-03-02', '09:00', '10:30', 'plenary', '{"en":"Opening"}')`,
  ).run();
  db.prepare(`INSERT INTO key_messages (id, forum_id, session_id, text, position) VALUES ('msg-0001', 'forum-0001', 'sess-0001', '{"en":"Broadband."}', 'a0')`).run();
  const paragraph = db.prepare('INSERT INTO outcome_paragraphs (id, forum_id, position, text, status) VALUES (?, ?, ?, ?, ?)');
  paragraph.run('para-0001', 'forum-0001', 'a0000', JSON.stringify({ en: 'First, villages need broadband.', zh: '第一，村庄需要宽带。' }), 'agreed');
  paragraph.run('para-0002', 'forum-0001', 'a0001', JSON.stringify({ en: 'Second, markets.' }), 'draft');
  db.prepare(`INSERT INTO paragraph_sources (id, forum_id, paragraph_id, key_message_id) VALUES ('link-0001', 'forum-0001', 'para-0001', 'msg-0001')`).run();
  db.close();
}

describe('m007 drafting', () => {
  it('is registered as migration 7', () => {
    expect(migrations[6]).toBe(m007Drafting);
  });

  it('upgrades a version-6 database: paragraphs keep their text, are numbered points of no document yet, and the new tables exist', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v6.sqlite');
    version6(file);
    const db = await openDatabase(file, { backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare('SELECT id, document_id, kind, status, text FROM outcome_paragraphs ORDER BY id').all()).toEqual([
      { id: 'para-0001', document_id: null, kind: 'numbered', status: 'agreed', text: JSON.stringify({ en: 'First, villages need broadband.', zh: '第一，村庄需要宽带。' }) },
      { id: 'para-0002', document_id: null, kind: 'numbered', status: 'draft', text: JSON.stringify({ en: 'Second, markets.' }) },
    ]);
    for (const table of ['outcome_documents', 'amendments', 'stances']) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['outcome_paragraphs_by_document', 'paragraph_sources_by_paragraph', 'amendments_by_paragraph', 'stances_by_paragraph']));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('gives the paragraphs from before documents to the forum’s first document once it is created, and can reorder them', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v6.sqlite');
    version6(file);
    const ctx = await openCore(file, { backupDir: path.join(dir, 'backups') });
    try {
      const document = await call<OutcomeDocument>(ctx, 'outcome:create', { forumId: 'forum-0001', document: documentInput });
      expect(document.id).toBe('forum-0001');
      expect(document.paragraphs.map((p) => [p.id, p.number, p.status, p.keyMessageIds, p.sessionIds, p.translations])).toEqual([
        ['para-0001', 1, 'agreed', ['msg-0001'], ['sess-0001'], { zh: 'current', es: 'missing' }],
        ['para-0002', 2, 'draft', [], [], { zh: 'missing', es: 'missing' }],
      ]);
      // Positions the old demo wrote ('a0000') are renumbered on the first move, through the log.
      const moved = await call<DraftParagraph>(ctx, 'paragraphs:move', { id: 'para-0002', after: null, before: 'para-0001' });
      expect(moved).toMatchObject({ documentId: 'forum-0001', number: 1 });
      const added = await call<DraftParagraph>(ctx, 'paragraphs:create', { documentId: 'forum-0001', after: 'para-0001', kind: 'plain', text: { en: 'We thank our hosts.' } });
      const after = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: 'forum-0001' });
      expect(after.paragraphs.map((p) => p.id)).toEqual(['para-0002', 'para-0001', added.id]);
      expect(await call(ctx, 'forums:overview', { id: 'forum-0001' })).toMatchObject({ counts: { paragraphs: 3 }, paragraphs: [{ id: 'para-0002' }, { id: 'para-0001' }, { id: added.id }] });
    } finally {
      closeCore(ctx);
    }
  });
});
