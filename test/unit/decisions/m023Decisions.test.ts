import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { invoke } from '../../../main/core/commands/invoke';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { m023Decisions } from '../../../main/core/store/migrations/m023_decisions';
import { databaseBefore, insertDocument } from '../helpers/databaseBefore';
import { tempDir } from '../helpers/tempCore';

/** A database an older Plenary left just before m023, holding a document with one paragraph. */
function beforeM023(file: string): void {
  databaseBefore(file, m023Decisions, ['en', 'fr'], (db) => insertDocument(db, [['para-0001', { en: 'First.' }, 'agreed']]));
}

describe('m023 decisions', () => {
  it('comes at its number in the list', () => {
    expect(migrations[m023Decisions.version - 1]).toBe(m023Decisions);
    expect(m023Decisions.version).toBeLessThanOrEqual(latestVersion);
  });

  it('upgrades a database: the document has no decisions yet, and one can be recorded', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    beforeM023(file);
    const ctx = await openCore(file, { backupDir: path.join(dir, 'backups') });
    try {
      expect(await invoke(ctx, 'decisions:get', { documentId: 'forum-0001' })).toMatchObject({ decisions: [], statements: [], silence: [] });
      const decided = await invoke(ctx, 'decisions:consensus', { documentId: 'forum-0001', paragraphId: 'para-0001' });
      expect(decided.decisions).toEqual([expect.objectContaining({ paragraphId: 'para-0001', method: 'consensus', adopted: true })]);
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeCore(ctx);
    }
  });
});
