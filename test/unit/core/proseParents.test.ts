import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { rowHistory } from '../../../main/core/store/rowHistory';
import { createForum } from '../../../main/core/store/forums';
import { cellHeads, changeId, newerFirst } from '../../../main/core/store/proseHeads';
import { chooseProse } from '../../../main/core/store/proseVersions';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { forumInput } from '../../../shared/forum';
import { tempCore, validForum } from '../helpers/tempCore';
import { importBytes } from '../helpers/exchange';

/** A small deterministic generator, so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

async function send(from: CoreContext, to: CoreContext, forumId: string) {
  await importBytes(to, exportBundle(from, { forumId }).bytes);
}

/** What the edit must name as replaced, worked out from the row's whole history. */
function expectedParents(ctx: CoreContext, table: 'notes' | 'outcome_paragraphs', rowId: string, cell: string, all: boolean): string[] {
  const heads = cellHeads(table, cell, rowHistory(ctx.db, table, rowId));
  return (all ? heads : heads.slice(0, 1)).map(changeId);
}

describe('the versions a prose edit replaces', () => {
  it('are those the whole history gives, on laptops whose clocks disagree, through syncs and choices', async () => {
    const skews = [0, 60 * 60 * 1000, -2 * 60 * 60 * 1000];
    const laptops = await Promise.all(skews.map((skew) => tempCore({ wallClock: () => Date.now() + skew })));
    const [first] = laptops;
    if (!first) throw new Error('no laptop');
    const forumId = createForum(first, forumInput.parse(validForum)).id;
    writeRow(first, 'notes', 'note-1', { forum_id: forumId, text: 'v0', lang: 'en', deleted: 0 });
    writeRow(first, 'outcome_paragraphs', 'p-1', { forum_id: forumId, text: { en: 'e0', fr: 'f0' }, position: 'a0', status: 'draft', deleted: 0 });
    for (const other of laptops.slice(1)) await send(first, other, forumId);
    const next = random(7);
    let skewed = 0;
    let concurrent = 0;
    for (let step = 0; step < 300; step++) {
      const laptop = laptops[Math.floor(next() * laptops.length)] as CoreContext;
      const roll = next();
      if (roll < 0.15) {
        await send(laptop, laptops[Math.floor(next() * laptops.length)] as CoreContext, forumId);
        continue;
      }
      const paragraph = roll < 0.5;
      const table = paragraph ? 'outcome_paragraphs' : 'notes';
      const rowId = paragraph ? 'p-1' : 'note-1';
      const cell = paragraph ? (next() < 0.5 ? 'text@en' : 'text@fr') : 'text';
      const choose = next() < 0.1;
      const want = expectedParents(laptop, table, rowId, cell, choose);
      const history = rowHistory(laptop.db, table, rowId);
      const newest = history.filter((c) => Object.prototype.hasOwnProperty.call(c.cells, cell)).sort(newerFirst)[0];
      // The cases the quick answer must hand over to the history: the newest edit was replaced
      // by an older one (a clock ran ahead), or several versions stand side by side.
      if (newest && changeId(newest) !== want[0] && !choose) skewed++;
      if (cellHeads(table, cell, history).length > 1) concurrent++;
      const text = `step ${step}`;
      if (choose) chooseProse(laptop, table, rowId, cell, text);
      else writeRow(laptop, table, rowId, paragraph ? { text: { [cell.slice(5)]: text } } : { text });
      const [written] = laptop.db.prepare('SELECT parents FROM changes WHERE tbl = ? AND row_id = ? ORDER BY seq DESC LIMIT 1').pluck().all(table, rowId) as string[];
      expect(JSON.parse(written ?? '{}')[cell], `step ${step}`).toEqual(want);
    }
    expect(skewed).toBeGreaterThan(0);
    expect(concurrent).toBeGreaterThan(0);
  }, 60_000);
});
