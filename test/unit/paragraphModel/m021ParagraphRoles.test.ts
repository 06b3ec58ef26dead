import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutcomeDocument } from '../../../shared/outcome';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { m021ParagraphRoles } from '../../../main/core/store/migrations/m021_paragraphRoles';
import { databaseBefore, insertDocument } from '../helpers/databaseBefore';
import { tempDir } from '../helpers/tempCore';
import { call } from '../drafting/draftingFixture';

/** A database an older Plenary left just before m021, holding a document of two paragraphs. */
function beforeM021(file: string): void {
  databaseBefore(file, m021ParagraphRoles, ['en', 'fr'], (db) => insertDocument(db, [['para-0001', { en: 'Recalling, first.' }, 'agreed'], ['para-0002', { en: 'Decides, second.' }, 'draft']]));
}

describe('m021 paragraph roles', () => {
  it('comes at its number in the list (the lead orders later ones at merge)', () => {
    expect(migrations[m021ParagraphRoles.version - 1]).toBe(m021ParagraphRoles);
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
