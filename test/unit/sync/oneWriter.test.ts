import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { importBundle } from '../../../main/core/sync/importBundle';
import { startHttpServer, type RunningServer } from '../../../main/core/transport/httpServer';
import { participantsCsv } from '../../bench/syntheticForum';
import { tempCore, tempDir, validForum } from '../helpers/tempCore';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function forumWithSession(ctx: CoreContext, title: string) {
  const forum = await invoke(ctx, 'forums:create', { ...validForum, title: { en: title } });
  const session = await invoke(ctx, 'sessions:create', {
    forumId: forum.id,
    session: { day: '2026-03-02', startTime: '09:00', endTime: '10:30', kind: 'plenary', title: { en: 'Opening' }, room: {}, description: {}, roles: [] },
  });
  return { forumId: forum.id, sessionId: session.id };
}

/**
 * The longest run of one table's changes in the log with no change of another table between
 * them: a transaction that held the write lock for the whole import leaves one run of them all.
 */
function longestRun(ctx: CoreContext, table: string, among: string[]): number {
  const tables = ctx.db.prepare(`SELECT tbl FROM changes WHERE tbl IN (${among.map(() => '?').join(', ')}) ORDER BY seq`).pluck().all(...among) as string[];
  let longest = 0;
  let run = 0;
  for (const tbl of tables) {
    run = tbl === table ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

describe('one writer', () => {
  it('imports 25,000 people through the HTTP server while the screens save a note every 20 ms, three times over', async () => {
    const ctx = await tempCore();
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Plenary</title>');
    server = await startHttpServer({ ctx, staticDir });
    const call = async (name: string, body: unknown) => {
      const response = await fetch(`http://127.0.0.1:${server?.port}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server?.token}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
    };
    const file = { fileName: 'participants.csv', data: Buffer.from(participantsCsv(25_000), 'utf8').toString('base64') };

    for (const round of [1, 2, 3]) {
      const { forumId, sessionId } = await forumWithSession(ctx, `Forum ${round}`);
      const saves: Array<Promise<{ status: number; body: { ok: boolean } }>> = [];
      let importing = true;
      const typing = (async () => {
        for (let i = 0; importing || i < 3; i++) {
          saves.push(call('notes:create', { id: randomUUID(), sessionId, lang: 'en', text: `Round ${round}, note ${i}` }));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const imported = await call('participants:import', { forumId, file, duplicates: 'skip' });
      importing = false;
      await typing;
      const saved = await Promise.all(saves);

      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ ok: true, value: { created: 24_743, skipped: 257 } });
      expect(saved.every((s) => s.status === 200 && s.body.ok)).toBe(true);
      expect(ctx.db.prepare('SELECT count(*) FROM participants WHERE forum_id = ?').pluck().get(forumId)).toBe(24_743);
      expect(ctx.db.prepare('SELECT count(*) FROM notes WHERE session_id = ?').pluck().get(sessionId)).toBe(saved.length);
    }
    // The notes were written between the import's slices, not after it: no run of participant
    // changes anywhere near a whole import went by without a note landing.
    expect(longestRun(ctx, 'participants', ['participants', 'notes'])).toBeLessThan(24_743 / 4);
  }, 300_000);

  it('applies a large bundle in short transactions while someone uses the screens, referenced rows first, with the same result', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const { forumId, sessionId } = await forumWithSession(a, 'Workshop');
    for (let i = 0; i < 6000; i++) await invoke(a, 'notes:create', { sessionId, lang: 'en', text: `Note ${i}` });
    // Someone at the screens while it imports: the slices stay short (sliceBudget.ts).
    const asking = setInterval(() => void invoke(b, 'forums:list', {}), 5);
    const result = await importBundle(b, exportBundle(a, { forumId }).bytes, { trustNewDevice: true }).finally(() => clearInterval(asking));
    expect(result.transactions).toBeGreaterThan(2);
    expect(b.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(6000);
    const tables = (db: CoreContext['db']) => db.prepare('SELECT id, forum_id, session_id, text FROM notes ORDER BY id').all();
    expect(tables(b.db)).toEqual(tables(a.db));
  }, 120_000);
});
