import { describe, expect, it } from 'vitest';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { CoreError } from '../../../main/core/errors';
import { writeRow } from '../../../main/core/store/changeLog';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { readBundle, type VerifiedBundle } from '../../../main/core/sync/readBundle';
import { mutations, seededRandom } from '../helpers/mutations';
import { tempCore } from '../helpers/tempCore';
import { cleanMessage } from './refusal';
import { importBytes } from '../helpers/exchange';

/** Each mutation is read; it must come back unchanged in content, or refused in plain words. */
function fuzz(bytes: Uint8Array, original: VerifiedBundle, seed: number, runs: number) {
  const r = seededRandom(seed);
  const outcomes = { accepted: 0, refused: 0 };
  for (let run = 0; run < runs; run++) {
    const [label, mutate] = mutations[run % mutations.length] ?? mutations[0]!;
    const mutated = mutate(bytes, r);
    let read: VerifiedBundle | undefined;
    try {
      read = readBundle(mutated);
    } catch (error) {
      expect(error, `${label}, run ${run}`).toBeInstanceOf(CoreError);
      expect((error as CoreError).code).toBe('bundle_rejected');
      cleanMessage((error as CoreError).message);
      outcomes.refused += 1;
      continue;
    }
    expect(read, `${label}, run ${run}: accepted, so it must carry exactly the same`).toEqual(original);
    outcomes.accepted += 1;
  }
  return outcomes;
}

describe('a bundle mutated at random', () => {
  it('is read to the same content or refused with a clean message, never anything else (small bundle)', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const forum = createDemoForum(a);
    await importBytes(b, exportBundle(a, { forumId: forum.id }).bytes);
    await importBytes(a, exportBundle(b, { forumId: forum.id }).bytes);
    writeRow(a, 'notes', 'fuzz-note', { forum_id: forum.id, lang: 'en', text: 'Water rights were raised twice.', tags: ['theme:water'], deleted: 0 });
    const { bytes } = exportBundle(a, { forumId: forum.id, forPeer: b.deviceId });
    const outcomes = fuzz(bytes, readBundle(bytes), 20260301, 350);
    expect(outcomes.refused).toBeGreaterThan(outcomes.accepted);
  });

  it('is read to the same content or refused with a clean message, never anything else (the demo forum)', async () => {
    const a = await tempCore();
    const forum = createDemoForum(a);
    const { bytes } = exportBundle(a, { forumId: forum.id });
    const outcomes = fuzz(bytes, readBundle(bytes), 12, 150);
    expect(outcomes.refused).toBeGreaterThan(outcomes.accepted);
  });
});
