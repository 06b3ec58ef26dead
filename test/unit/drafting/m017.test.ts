import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Forum } from '../../../shared/forum';
import type { OutcomeDocument } from '../../../shared/outcome';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { buildOutcomeModel } from '../../../main/core/exports/outcomeModel';
import { migrations } from '../../../main/core/store/migrations';
import { m017DocumentFrame } from '../../../main/core/store/migrations/m017_documentFrame';
import { tempDir } from '../helpers/tempCore';
import { call } from './draftingFixture';

/** A database left at schema 16 by an older Plenary: a forum with plain co-organisers, a Consensus and a concept note. */
function version16(file: string): void {
  const db = new Database(file);
  for (const migration of migrations.slice(0, 16)) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare(
    `INSERT INTO forums (id, title, languages, source_language, start_date, end_date, time_zone, outcome_kind, co_organisers, venue)
     VALUES ('forum-0001', '{"en":"Kept"}', '["en","zh"]', 'en', '2026-03-02', '2026-03-04', 'UTC', 'consensus', '["UN-Habitat","Songyang County"]', '{"en":"Songyang"}')`,
  ).run();
  const doc = db.prepare(
    `INSERT INTO outcome_documents (id, forum_id, kind, title, place, start_date, end_date, co_organisers, numbering) VALUES (?, 'forum-0001', ?, ?, '{"en":"Songyang"}', '2026-03-02', '2026-03-04', '["UN-Habitat","Songyang County"]', 'ordinal')`,
  );
  doc.run('forum-0001', 'consensus', '{"en":"Consensus","zh":"共识"}');
  doc.run('note-0001', 'concept_note', '{"en":"Concept note","zh":"概念说明"}');
  db.prepare(`INSERT INTO outcome_paragraphs (id, forum_id, document_id, kind, position, text, status) VALUES ('para-0001', 'forum-0001', 'forum-0001', 'numbered', 'a0', '{"en":"First, a point.","zh":"第一，一点。"}', 'agreed')`).run();
  db.close();
}

describe('m017 document frame', () => {
  it('is registered as migration 17', () => {
    expect(migrations[16]).toBe(m017DocumentFrame);
  });

  it('upgrades a version-16 database: documents print as before, their switches following their kind, co-organisers as entered in every language', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v16.sqlite');
    version16(file);
    const ctx = await openCore(file, { backupDir: path.join(dir, 'backups') });
    try {
      const forum = await call<Forum>(ctx, 'forums:get', { id: 'forum-0001' });
      expect(forum.coOrganiserNames).toEqual({});
      const consensus = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: 'forum-0001' });
      expect(consensus).toMatchObject({ participation: true, closingLine: true, contacts: [], coOrganiserNames: {} });
      const note = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: 'note-0001' });
      expect(note).toMatchObject({ participation: false, closingLine: false });
      const zh = buildOutcomeModel(ctx.db, { documentId: 'forum-0001', languages: ['zh'], variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true }).columns[0];
      expect(zh?.coOrganisers).toBe('联合主办方：UN-Habitat、Songyang County');
      expect(zh?.closing?.text).toContain('Songyang');
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeCore(ctx);
    }
  });
});
