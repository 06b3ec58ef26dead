import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { migrations } from '../../../main/core/store/migrations';
import { m022Issuances } from '../../../main/core/store/migrations/m022_issuances';
import { tempDir } from '../helpers/tempCore';

/** A database an older Plenary left just before m022, holding a document of one paragraph. */
function beforeM022(file: string): void {
  const db = new Database(file);
  for (const migration of migrations.slice(0, migrations.indexOf(m022Issuances))) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare(
    `INSERT INTO forums (id, title, languages, source_language, start_date, end_date, time_zone, outcome_kind)
     VALUES ('forum-0001', '{"en":"Kept"}', '["en","fr"]', 'en', '2026-03-02', '2026-03-04', 'UTC', 'consensus')`,
  ).run();
  db.prepare(`INSERT INTO outcome_documents (id, forum_id, kind, title, numbering) VALUES ('forum-0001', 'forum-0001', 'consensus', '{"en":"Doc"}', 'numbers')`).run();
  db.prepare("INSERT INTO outcome_paragraphs (id, forum_id, document_id, kind, position, text, status) VALUES ('para-0001', 'forum-0001', 'forum-0001', 'numbered', 'a0', ?, 'agreed')").run(
    JSON.stringify({ en: 'Recalling, first.', fr: 'Rappelant, premier.' }),
  );
  db.close();
}

describe('m022 issuances', () => {
  it('upgrades a database: no issuance yet, the document issues and lists as before', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    beforeM022(file);
    const ctx = await openCore(file, { backupDir: path.join(dir, 'backups') });
    try {
      expect(ctx.db.prepare('SELECT count(*) FROM issuances').pluck().get()).toBe(0);
      const list = await invoke(ctx, 'outcome:issuances', { documentId: 'forum-0001' });
      expect(list).toMatchObject({ issuances: [], conflicts: [], next: { kind: 'original', symbol: '', revises: null } });
      const issued = await invoke(ctx, 'outcome:issue', { documentId: 'forum-0001', symbol: 'EGM/2026/L.1' });
      expect(issued).toMatchObject({ languages: ['en', 'fr'], paragraphs: 1, damaged: false });
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeCore(ctx);
    }
  });
});
