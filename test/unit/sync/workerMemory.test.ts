import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { forumInput } from '../../../shared/forum';
import { snapshot, tempCore, tempDir, validForum } from '../helpers/tempCore';

const asFile = (name: string, bytes: Uint8Array) => ({ name, data: Buffer.from(bytes).toString('base64') });

/**
 * A laptop whose background thread has less memory than a bundle needs (here made small; on a
 * laptop, a week's relay of fifty laptops can outgrow V8's default): Node stops the thread, the
 * import says so in words a person can act on, nothing is written, and the next import runs on a
 * new thread.
 */
describe('a bundle too large for the background thread’s memory', () => {
  it('is refused as out of memory, changes nothing, and the next import goes in', async () => {
    const origin = await tempCore();
    const forumId = createForum(origin, forumInput.parse(validForum)).id;
    const small = exportBundle(origin, { forumId }).bytes;
    const session = origin.db.prepare('SELECT id FROM sessions WHERE forum_id = ? LIMIT 1').pluck().get(forumId) as string | undefined;
    origin.db.transaction(() => {
      for (let i = 0; i < 40_000; i++) {
        writeRow(origin, 'notes', `note-${i}`, { forum_id: forumId, ...(session ? { session_id: session } : {}), lang: 'en', text: `Point ${i}: rural land markets need clearer rules, and the speakers said why at length.`, deleted: 0 });
      }
    })();
    const large = exportBundle(origin, { forumId }).bytes;

    const laptop = await openCore(path.join(tempDir(), 'plenary.sqlite'), { workerLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 } });
    try {
      const before = snapshot(laptop);
      const refused = await invoke(laptop, 'bundles:import', { files: [asFile('week.plenary', large)], trust: true });
      expect(refused.bundles).toEqual([{ name: 'week.plenary', status: 'refused', error: { code: 'out_of_memory', message: expect.stringMatching(/more memory.*nothing was changed/) } }]);
      expect(snapshot(laptop)).toBe(before);

      const taken = await invoke(laptop, 'bundles:import', { files: [asFile('forum.plenary', small)], trust: true });
      expect(taken.bundles.map((b) => b.status)).toEqual(['imported']);
      expect(laptop.db.prepare('SELECT count(*) FROM forums WHERE id = ?').pluck().get(forumId)).toBe(1);
    } finally {
      closeCore(laptop);
    }
  }, 120_000);
});
