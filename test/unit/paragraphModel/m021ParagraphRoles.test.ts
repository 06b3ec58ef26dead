import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutcomeDocument } from '../../../shared/outcome';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { m021ParagraphRoles } from '../../../main/core/store/migrations/m021_paragraphRoles';
import { tempDir } from '../helpers/tempCore';
import { call } from '../drafting/draftingFixture';

/** A database an older Plenary left just before m021, holding a document of two paragraphs. */
function beforeM021(file: string): void {
  const db = new Database(file);
  const index = migrations.indexOf(m021ParagraphRoles);
  for (const migration of migrations.slice(0, index)) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare(
    `INSERT INTO forums (id, title, languages, source_language, start_date, end_date, time_zone, outcome_kind)
     VALUES ('forum-0001', '{"en":"Kept"}', '["en","fr"]', 'en', '2026-03-02', '2026-03-04', 'UTC', 'consensus')`,
  ).run();
  db.prepare(`INSERT INTO outcome_documents (id, forum_id, kind, title, numbering) VALUES ('forum-0001', 'forum-0001', 'consensus', '{"en":"Doc"}', 'numbers')`).run();
  const paragraph = db.prepare("INSERT INTO outcome_paragraphs (id, forum_id, document_id, kind, position, text, status) VALUES (?, 'forum-0001', 'forum-0001', 'numbered', ?, ?, ?)");
  paragraph.run('para-0001', 'a0', JSON.stringify({ en: 'Recalling, first.' }), 'agreed');
  paragraph.run('para-0002', 'a1', JSON.stringify({ en: 'Decides, second.' }), 'draft');
  db.close();
}

describe('m021 paragraph roles', () => {
  it('takes the version of its place in the list (the lead places it at merge)', () => {
    expect(m021ParagraphRoles.version).toBe(migrations.indexOf(m021ParagraphRoles) + 1);
    expect(m021ParagraphRoles.version).toBeLessThanOrEqual(latestVersion);
  });

  it('upgrades a database: paragraphs keep their text and status, with no role, level 0, no alternatives, numbered together', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    beforeM021(file);
    const ctx = await openCore(file, { backupDir: path.join(dir, 'backups') });
    try {
      const doc = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: 'forum-0001' });
      expect(doc).toMatchObject({ roleNumbering: 'together', openingStyle: 'italic', counts: { agreed: 1, adRef: 0, bracketed: 0, open: 1 } });
      expect(doc.paragraphs.map((p) => [p.id, p.number, p.status, p.role, p.level, p.alternativeOf, p.proposers])).toEqual([
        ['para-0001', 1, 'agreed', null, 0, null, []],
        ['para-0002', 2, 'draft', null, 0, null, []],
      ]);
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeCore(ctx);
    }
  });
});
