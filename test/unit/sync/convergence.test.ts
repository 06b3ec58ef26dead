import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { chooseProse, proseVersions } from '../../../main/core/store/proseVersions';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { forumInput } from '../../../shared/forum';
import { tempCore, validForum } from '../helpers/tempCore';
import { forumTables } from './forumTables';
import { importBytes } from '../helpers/exchange';
import { seededRandom } from '../helpers/mutations';

const random = seededRandom;

async function send(from: CoreContext, to: CoreContext, forumId: string, forPeer: boolean) {
  let bytes: Uint8Array;
  try {
    bytes = exportBundle(from, { forumId, ...(forPeer ? { forPeer: to.deviceId } : {}) }).bytes;
  } catch {
    return; // nothing new for that peer
  }
  await importBytes(to, bytes);
}

function randomEdit(laptop: CoreContext, forumId: string, rng: ReturnType<typeof random>, serial: number) {
  const sessions = laptop.db.prepare('SELECT id FROM sessions WHERE forum_id = ?').pluck().all(forumId) as string[];
  const paragraphs = laptop.db.prepare('SELECT id FROM outcome_paragraphs WHERE forum_id = ?').pluck().all(forumId) as string[];
  const base = { forum_id: forumId };
  const notes = laptop.db.prepare('SELECT id FROM notes WHERE forum_id = ?').pluck().all(forumId) as string[];
  switch (rng.int(10)) {
    case 7:
      writeRow(laptop, 'notes', `n-${laptop.deviceId.slice(0, 4)}-${serial}`, { ...base, text: `Note ${serial}`, lang: 'en', deleted: 0 });
      break;
    case 8: // prose edited, perhaps concurrently with another laptop
      if (notes.length) writeRow(laptop, 'notes', rng.pick(notes), { text: `Edit ${serial}` });
      break;
    case 9: // someone settles the versions
      if (notes.length) chooseProse(laptop, 'notes', rng.pick(notes), 'text', `Chosen ${serial}`);
      break;
    case 0:
      writeRow(laptop, 'sessions', `s-${laptop.deviceId.slice(0, 4)}-${serial}`, { ...base, title: { en: `Session ${serial}` }, kind: 'parallel', deleted: 0 });
      break;
    case 1:
      if (sessions.length) writeRow(laptop, 'sessions', rng.pick(sessions), { title: { [rng.pick(['en', 'es'])]: `Renamed ${serial}` } });
      break;
    case 2:
      if (sessions.length) writeRow(laptop, 'sessions', rng.pick(sessions), { deleted: rng.int(2), room: { en: `Room ${rng.int(5)}` } });
      break;
    case 3:
      writeRow(laptop, 'outcome_paragraphs', `p-${laptop.deviceId.slice(0, 4)}-${serial}`, { ...base, text: { en: `Point ${serial}` }, position: `a${rng.int(1000)}`, status: 'draft', deleted: 0 });
      break;
    case 4: // reorder
      if (paragraphs.length) writeRow(laptop, 'outcome_paragraphs', rng.pick(paragraphs), { position: `a${rng.int(1000)}` });
      break;
    case 5:
      writeRow(laptop, 'forums', forumId, { theme: { [rng.pick(['en', 'es'])]: `Theme ${serial}` }, end_date: `2026-03-0${4 + rng.int(5)}` });
      break;
    default:
      writeRow(laptop, 'participants', `u-${laptop.deviceId.slice(0, 4)}-${serial}`, { ...base, name: `Person ${serial}`, country: rng.pick(['CN', 'MX', 'KE']), roles: ['participant'], deleted: 0 });
  }
}

describe('laptops exchanging bundles', () => {
  it.each([1, 2, 3, 4, 5])('converge on the same forum whatever the order and repetition (seed %i)', async (seed) => {
    const rng = random(seed);
    const count = 3 + rng.int(8);
    const laptops: CoreContext[] = [];
    for (let i = 0; i < count; i++) {
      const skew = (rng.next() - 0.5) * 20 * 60 * 1000; // clocks up to ten minutes apart
      laptops.push(await tempCore({ wallClock: () => Date.now() + skew }));
    }
    const first = laptops[0] as CoreContext;
    const forumId = createForum(first, forumInput.parse(validForum)).id;
    for (const other of laptops.slice(1)) await send(first, other, forumId, false);

    let serial = 0;
    for (let round = 0; round < 12; round++) {
      for (let edits = rng.int(6); edits > 0; edits--) randomEdit(rng.pick(laptops), forumId, rng, serial++);
      for (let exchanges = rng.int(4); exchanges > 0; exchanges--) {
        const from = rng.pick(laptops);
        const to = rng.pick(laptops.filter((l) => l !== from));
        await send(from, to, forumId, rng.next() < 0.5);
        if (rng.next() < 0.2) await send(from, to, forumId, false); // the same stick, imported twice
      }
    }
    // At the end of the day everyone hands everything to everyone, in a random order.
    const pairs = laptops.flatMap((from) => laptops.filter((to) => to !== from).map((to) => [from, to] as const));
    for (let pass = 0; pass < 2; pass++) {
      for (const [from, to] of [...pairs].sort(() => rng.next() - 0.5)) await send(from, to, forumId, rng.next() < 0.5);
    }
    // Every version of every note that nobody settled is still there, the same on each laptop.
    const noteIds = first.db.prepare('SELECT id FROM notes ORDER BY id').pluck().all() as string[];
    const versions = (laptop: CoreContext) => noteIds.map((id) => proseVersions(laptop, 'notes', id, 'text'));
    for (const laptop of laptops.slice(1)) expect(versions(laptop)).toEqual(versions(first));
    const reference = forumTables(first);
    for (const laptop of laptops.slice(1)) {
      const mine = forumTables(laptop);
      for (const table of Object.keys(reference)) expect(mine[table], table).toEqual(reference[table]);
    }
  }, 60_000);
});
