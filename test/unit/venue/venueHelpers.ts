import path from 'node:path';
import { expect } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore, type CoreContext } from '../../../main/core/coreContext';
import { venueController, type VenueOptions } from '../../../main/core/venue/venueController';
import { deviceTables, syncedTables, type SyncedTable } from '../../../main/core/store/syncedTables';
import { tempDir } from '../helpers/tempCore';
import { afterEach } from 'vitest';

const opened: CoreContext[] = [];

afterEach(async () => {
  while (opened.length) {
    const ctx = opened.pop();
    if (!ctx) continue;
    await ctx.venue?.close();
    if (ctx.db.open) {
      await ctx.worker.close();
      closeCore(ctx);
    }
  }
});

/** Fast loops for tests: a pull every 200 ms, nudges after 50 ms; no timing is asserted. */
export const testLoop: VenueOptions = { pullIntervalMs: 200, nudgeDelayMs: 50, timeoutMs: 5000 };

/** A laptop: a real database in its own folder, its name set, closed after the test. */
export async function laptop(name: string, file = path.join(tempDir(), 'plenary.sqlite')): Promise<CoreContext> {
  const ctx = await openCore(file);
  opened.push(ctx);
  await invoke(ctx, 'device:rename', { name });
  return ctx;
}

/** Opens the same database again (after closeCore), as a laptop restarted. */
export async function reopen(ctx: CoreContext): Promise<CoreContext> {
  const again = await openCore(ctx.databasePath);
  opened.push(again);
  return again;
}

/** Venue mode on `host` with the fast test loop. */
export async function listen(ctx: CoreContext, host: string, options: VenueOptions = testLoop) {
  return venueController(ctx, options).start({ host });
}

/** `joiner` pairs with `host` (already listening) through the URL and code the host shows. */
export async function pair(joiner: CoreContext, host: CoreContext) {
  const status = await venueController(host).status();
  if (!status.laptopUrl || !status.pairing) throw new Error('host is not listening');
  return venueController(joiner).addPeer(status.laptopUrl, status.pairing.code);
}

/** Every synced table's rows of a forum's data, for "identical on all laptops". */
export function forumState(ctx: CoreContext): string {
  return JSON.stringify(
    (Object.keys(syncedTables) as SyncedTable[])
      .filter((table) => !deviceTables.has(table))
      .sort()
      .map((table) => [table, ctx.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()]),
  );
}

/** Waits (bounded) until `check` holds; fails with `what` when it never does. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, limitMs = 15_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(await check(), what).toBe(true);
}
