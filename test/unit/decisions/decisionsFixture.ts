import type { CoreContext } from '../../../main/core/coreContext';
import { invoke } from '../../../main/core/commands/invoke';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { importBytes } from '../helpers/exchange';
import { tempCore } from '../helpers/tempCore';

/** A laptop whose wall clock the test sets (and jumps), with the demo forum (delegations from 17 countries). */
export interface ClockedLaptop {
  ctx: CoreContext;
  forumId: string;
  documentId: string;
  paragraphIds: string[];
  clock: { now: number };
}

export const startOfForum = Date.parse('2026-03-02T09:00:00Z');

/** With `joining`, a second laptop that takes the first one's forum from its bundle (no forum of its own). */
export async function clockedLaptop(joining?: ClockedLaptop): Promise<ClockedLaptop> {
  const clock = { now: startOfForum };
  const ctx = await tempCore({ wallClock: () => clock.now });
  if (joining) {
    await importBytes(ctx, exportBundle(joining.ctx, { forumId: joining.forumId }).bytes);
    return { ...joining, ctx, clock };
  }
  const forum = createDemoForum(ctx);
  const doc = await invoke(ctx, 'outcome:get', { documentId: forum.id });
  return { ctx, forumId: forum.id, documentId: forum.id, paragraphIds: doc.paragraphs.map((p) => p.id), clock };
}

export const hours = (n: number): number => n * 3_600_000;
