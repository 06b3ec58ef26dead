import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { backupFolder } from '../../../main/core/store/backupDatabase';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { importBundles } from '../../../main/core/sync/importSession';
import { forumInput } from '../../../shared/forum';
import { importBytes } from '../helpers/exchange';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';
import { forumTables } from './forumTables';

interface Day {
  forumId: string;
  base: Uint8Array;
  /** Each laptop's own day of notes, as the bundle it hands in, and its device id. */
  laptops: Array<{ deviceId: string; bytes: Uint8Array }>;
}

/** The secretariat's forum, and `count` rapporteur laptops that each captured a few notes in it. */
async function dayOfCapture(count: number, notesEach = 3): Promise<Day> {
  const origin = await tempCore();
  const forumId = createForum(origin, forumInput.parse(validForum)).id;
  const base = exportBundle(origin, { forumId }).bytes;
  const laptops: Day['laptops'] = [];
  for (let l = 0; l < count; l++) {
    const laptop = await tempCore();
    await importBytes(laptop, base);
    laptop.db.transaction(() => {
      for (let n = 0; n < notesEach; n++) {
        writeRow(laptop, 'notes', `note-${l}-${n}`, { forum_id: forumId, lang: 'en', text: `Laptop ${l}, note ${n}`, deleted: 0 });
      }
      // Everyone edits the forum's theme too: concurrent edits of one cell, settled the same way everywhere.
      writeRow(laptop, 'forums', forumId, { theme: { en: `Theme from laptop ${l}` } });
    })();
    laptops.push({ deviceId: laptop.deviceId, bytes: exportBundle(laptop, { forumId, forPeer: origin.deviceId }).bytes });
  }
  return { forumId, base, laptops };
}

const asFile = (name: string, bytes: Uint8Array) => ({ name, data: Buffer.from(bytes).toString('base64') });
const backups = (ctx: CoreContext) => {
  const dir = backupFolder(ctx.databasePath);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite')).length : 0;
};

/** A secretariat laptop holding the forum, before the day's bundles. */
async function secretariat(day: Day): Promise<CoreContext> {
  const ctx = await tempCore();
  await importBytes(ctx, day.base);
  return ctx;
}

// Fifty laptops each open a database of their own: minutes, not seconds, on a loaded 2-core machine.
describe('an import session (a USB stick of bundles)', () => {
  it('merges 50 laptops’ bundles with one backup, to the same state as importing them one by one', async () => {
    const day = await dayOfCapture(50);
    const session = await secretariat(day);
    const before = backups(session);
    const result = await invoke(session, 'bundles:import', {
      files: day.laptops.map((l, i) => asFile(`laptop-${i}.plenary`, l.bytes)),
      trust: true,
    });
    expect(result.bundles.map((b) => b.status)).toEqual(day.laptops.map(() => 'imported'));
    expect(result.backedUp).toBe(true);
    expect(backups(session) - before).toBe(1);
    expect(session.db.prepare('SELECT count(*) FROM notes WHERE forum_id = ?').pluck().get(day.forumId)).toBe(150);

    const oneByOne = await secretariat(day);
    for (const laptop of [...day.laptops].reverse()) await importBytes(oneByOne, laptop.bytes);
    expect(forumTables(session)).toEqual(forumTables(oneByOne));
  }, 180_000);

  it('takes the good bundles and lists a damaged, an untrusted and a duplicate one with their reasons, nothing of them applied', async () => {
    const day = await dayOfCapture(50, 2);
    const good = day.laptops.slice(0, 48);
    const untrusted = day.laptops[48];
    const damagedFrom = day.laptops[49];
    if (!untrusted || !damagedFrom || !good[3]) throw new Error('setup');
    const damaged = damagedFrom.bytes.slice(0, Math.floor(damagedFrom.bytes.length * 0.6));
    const files = [
      ...good.slice(0, 20).map((l, i) => asFile(`laptop-${i}.plenary`, l.bytes)),
      asFile('damaged.plenary', damaged),
      ...good.slice(20, 35).map((l, i) => asFile(`laptop-${i + 20}.plenary`, l.bytes)),
      asFile('stranger.plenary', untrusted.bytes),
      asFile('copy of laptop-3.plenary', good[3].bytes),
      ...good.slice(35).map((l, i) => asFile(`laptop-${i + 35}.plenary`, l.bytes)),
    ];
    const session = await secretariat(day);
    const result = await invoke(session, 'bundles:import', { files, trust: good.map((l) => l.deviceId).concat(damagedFrom.deviceId) });

    const refused = result.bundles.filter((b) => b.status === 'refused');
    expect(refused.map((b) => [b.name, b.status === 'refused' ? b.error.code : ''])).toEqual([
      ['damaged.plenary', 'bundle_rejected'],
      ['stranger.plenary', 'bundle_rejected'],
      ['copy of laptop-3.plenary', 'bundle_duplicate'],
    ]);
    for (const b of refused) if (b.status === 'refused') expect(b.error.message.length).toBeGreaterThan(20);
    expect(result.bundles.filter((b) => b.status === 'imported')).toHaveLength(48);

    // Exactly what the 48 good bundles alone make: nothing of the bad ones, nothing half applied.
    const goodOnly = await secretariat(day);
    await invoke(goodOnly, 'bundles:import', { files: good.map((l, i) => asFile(`laptop-${i}.plenary`, l.bytes)), trust: true });
    expect(forumTables(session)).toEqual(forumTables(goodOnly));
    const strangers = session.db.prepare('SELECT count(*) FROM changes WHERE device = ?').pluck().get(untrusted.deviceId);
    expect(strangers).toBe(0);
  }, 180_000);

  it('previews a session without writing, each bundle counted as if the ones before it went in', async () => {
    const day = await dayOfCapture(3);
    const session = await secretariat(day);
    const before = snapshot(session);
    const files = [...day.laptops.map((l, i) => asFile(`laptop-${i}.plenary`, l.bytes)), asFile('again.plenary', day.laptops[0]?.bytes ?? new Uint8Array())];
    const preview = await invoke(session, 'bundles:preview', { files });
    expect(preview.bundles.map((b) => b.status)).toEqual(['ready', 'ready', 'ready', 'refused']);
    for (const b of preview.bundles) if (b.status === 'ready') expect(b.preview.changes.new).toBeGreaterThan(0);
    // Each laptop's notes are new here; the forum whose theme it edits is here already.
    for (const b of preview.bundles.slice(0, 3)) {
      expect(b.status === 'ready' && b.preview.rows).toMatchObject({ notes: { added: 3, updated: 0 }, forums: { added: 0, updated: 1 } });
    }
    expect(snapshot(session)).toBe(before);
  });

  it('refuses a session payload that is not a list of named bundles, changing nothing', async () => {
    const day = await dayOfCapture(1);
    const session = await secretariat(day);
    const before = snapshot(session);
    const backupsBefore = backups(session);
    const bad: unknown[] = [
      { files: [], trust: true },
      { files: [{ name: '', data: 'AAAA' }], trust: true },
      { files: [{ name: 'a.plenary', data: 'AAAA' }], trust: 'yes' },
      { files: [{ name: 'a.plenary', data: 'AAAA', path: '/etc/passwd' }], trust: true },
      { files: Array.from({ length: 501 }, (_, i) => ({ name: `${i}.plenary`, data: 'AAAA' })), trust: true },
    ];
    for (const input of bad) {
      await expect(invoke(session, 'bundles:import', input as never)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect(snapshot(session)).toBe(before);
    expect(backups(session)).toBe(backupsBefore);
    expect(path.basename(session.databasePath)).toBe('plenary.sqlite');
  });
});

describe('a session reaches the disk once', () => {
  it('keeps no backup when every file is refused, though it began one while the first was read', async () => {
    const day = await dayOfCapture(2);
    const session = await secretariat(day);
    const before = snapshot(session);
    const backupsBefore = backups(session);
    const files = day.laptops.map((laptop, i) => ({ name: `laptop-${i}.plenary`, bytes: laptop.bytes.slice(0, Math.floor(laptop.bytes.length / 2)) }));
    const result = await importBundles(session, files, { trust: true });
    expect(result.bundles.map((b) => b.status)).toEqual(['refused', 'refused']);
    expect(result.backupPath).toBeNull();
    expect(backups(session)).toBe(backupsBefore);
    expect(snapshot(session)).toBe(before);
  });

  it('syncs the WAL with its last bundle only; when the last file is refused, a checkpoint syncs what went in before it', async () => {
    const day = await dayOfCapture(3, 2);
    const [first, second, third] = day.laptops;
    if (!first || !second || !third) throw new Error('setup');
    const damaged = third.bytes.slice(0, Math.floor(third.bytes.length * 0.6));
    for (const last of ['good', 'damaged'] as const) {
      const ctx = await secretariat(day);
      // What the session asks of SQLite's settings, in order (the library's method, watched).
      const asked: string[] = [];
      const pragma = ctx.db.pragma.bind(ctx.db);
      ctx.db.pragma = ((source: string, options?: { simple?: boolean }) => {
        asked.push(source);
        return pragma(source, options);
      }) as typeof ctx.db.pragma;
      const files = [first.bytes, second.bytes, last === 'good' ? third.bytes : damaged].map((bytes, i) => ({ name: `laptop-${i}.plenary`, bytes }));
      const result = await importBundles(ctx, files, { trust: true });
      ctx.db.pragma = pragma;
      const imported = result.bundles.filter((b) => b.status === 'imported').length;
      expect(imported).toBe(last === 'good' ? 3 : 2);
      // Every transaction commits under NORMAL (slices, and the finishes of bundles or of runs of
      // bundles applied together) but the finish of the last file's bundle: with a damaged last
      // file, none is synced.
      const synced = last === 'good' ? 1 : 0;
      expect(asked.filter((a) => a === 'synchronous = NORMAL')).toHaveLength(result.transactions - synced);
      // The backup's, as it copies the file (backupDatabase.ts), and with a damaged last file one more.
      expect(asked.filter((a) => a.startsWith('wal_checkpoint'))).toEqual(['wal_checkpoint(PASSIVE)', ...(last === 'good' ? [] : ['wal_checkpoint(FULL)'])]);
      expect(ctx.db.pragma('synchronous', { simple: true })).toBe(2);
      if (last === 'damaged') {
        // The checkpoint synced the WAL and copied all of it back: nothing is left only in the WAL.
        const [state] = ctx.db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
        expect(state?.checkpointed).toBe(state?.log);
      }
      expect(ctx.db.prepare('SELECT count(*) FROM notes WHERE forum_id = ?').pluck().get(day.forumId)).toBe(imported * 2);
    }
  }, 120_000);
});
