import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SpeakerList } from '../../../shared/speakers';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { m024Speakers } from '../../../main/core/store/migrations/m024_speakers';
import { databaseBefore } from '../helpers/databaseBefore';
import { tempDir } from '../helpers/tempCore';
import { call } from '../drafting/draftingFixture';

/** A database an older Plenary left just before m024, holding a forum with one session. */
function beforeM024(file: string): void {
  databaseBefore(file, m024Speakers, ['en'], (db) => db.prepare(`INSERT INTO sessions (id, forum_id, day, start_time, end_time, kind, title) VALUES ('session-0001', 'forum-0001', '2026-03-02', '09:00', '10:00', 'plenary', '{"en":"Opening"}')`).run());
}

describe('m024 speakers', () => {
  it('takes the version of its place in the list (the lead places it at merge)', () => {
    expect(m024Speakers.version).toBe(migrations.indexOf(m024Speakers) + 1);
    expect(m024Speakers.version).toBeLessThanOrEqual(latestVersion);
  });

  it('upgrades a database: its sessions get empty speakers lists with the default times, ready to fill', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    beforeM024(file);
    const ctx = await openCore(file, { backupDir: path.join(dir, 'backups') });
    try {
      const ref = { forumId: 'forum-0001', subject: { kind: 'session', id: 'session-0001' } };
      expect(await call<SpeakerList>(ctx, 'speakers:list', ref)).toMatchObject({ current: null, waiting: [], finished: [], times: { statement: 180_000 } });
      const list = await call<SpeakerList>(ctx, 'speakers:add', { ...ref, participantId: null, delegation: 'Kenya', kind: 'statement' });
      expect(list.waiting.map((e) => e.name)).toEqual(['Kenya']);
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeCore(ctx);
    }
  });
});
