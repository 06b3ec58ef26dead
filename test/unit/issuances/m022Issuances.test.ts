import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { m022Issuances } from '../../../main/core/store/migrations/m022_issuances';
import { databaseBefore, insertDocument } from '../helpers/databaseBefore';
import { tempDir } from '../helpers/tempCore';

/** A database an older Plenary left just before m022, holding a document of one paragraph. */
function beforeM022(file: string): void {
  databaseBefore(file, m022Issuances, ['en', 'fr'], (db) => insertDocument(db, [['para-0001', { en: 'Recalling, first.', fr: 'Rappelant, premier.' }, 'agreed']]));
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
