import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { writeRow } from '../../../main/core/store/changeLog';
import type { BundleManifest } from '../../../main/core/sync/bundleFormat';
import { exportBundle, exportBundleInWorker } from '../../../main/core/sync/exportBundle';
import { readBundle } from '../../../main/core/sync/readBundle';
import { listZipEntries } from '../../../main/core/zip/zipDirectory';
import { expectImportRefused, importBytes, previewBytes } from '../helpers/exchange';
import { snapshot, tempCore, tempDir } from '../helpers/tempCore';
import { craft, duplicateEntry } from './craftBundle';
import { forumTables } from './forumTables';

async function laptops() {
  const a = await tempCore();
  const b = await tempCore();
  const forum = createDemoForum(a);
  return { a, b, forum };
}

const importInto = (ctx: CoreContext, bytes: Uint8Array) => importBytes(ctx, bytes);

const expectRefused = (ctx: CoreContext, bytes: Uint8Array, message: RegExp) => expectImportRefused(ctx, bytes, message);

describe('bundles', () => {
  it('carry a whole forum to another laptop, which then shows the same rows', async () => {
    const { a, b, forum } = await laptops();
    const { bytes, manifest } = exportBundle(a, { forumId: forum.id });
    expect(manifest.forum).toEqual({ id: forum.id, title: 'Forum on Urban-Rural Linkages' });
    const preview = await previewBytes(b, bytes);
    expect(preview.forum.isNew).toBe(true);
    expect(preview.device.status).toBe('unknown');
    expect(preview.device.fingerprint).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(preview.rows.participants).toEqual({ added: 200, updated: 0 });
    expect(preview.rows.notes?.added).toBe(74);
    await importInto(b, bytes);
    expect(forumTables(b)).toEqual(forumTables(a));
    // A note edited since: the next bundle updates a row the laptop has, and adds none.
    const note = a.db.prepare('SELECT id FROM notes WHERE forum_id = ? ORDER BY id LIMIT 1').pluck().get(forum.id) as string;
    writeRow(a, 'notes', note, { text: 'Edited after the first exchange.' });
    const next = await previewBytes(b, exportBundle(a, { forumId: forum.id }).bytes);
    expect(next.changes.new).toBe(1);
    expect(next.rows).toEqual({ notes: { added: 0, updated: 1 } });
  });

  it('are zips other readers open, holding the changes compressed exactly as the manifest hashes them', async () => {
    const { a, forum } = await laptops();
    const { bytes, manifest } = await exportBundleInWorker(a, { forumId: forum.id });
    const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
    const stored = listZipEntries(bytes, 3).find((entry) => entry.name === 'changes.jsonl');
    expect(stored && sha256(bytes.subarray(stored.dataStart, stored.dataEnd))).toBe(manifest.entries[0]?.storedSha256);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(['changes.jsonl', 'manifest.json', 'manifest.sig']);
    expect(sha256(files['changes.jsonl'] ?? new Uint8Array())).toBe(manifest.entries[0]?.sha256);
    // Python's zipfile checks every entry's CRC-32 and size against its records (python3 is here:
    // npm install needs it to build better-sqlite3).
    const file = path.join(tempDir(), 'forum.plenary');
    fs.writeFileSync(file, bytes);
    const script = 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), len(z.read("changes.jsonl")))';
    expect(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim()).toBe(`None ${manifest.entries[0]?.size}`);
  });

  it('are idempotent: importing twice changes nothing the second time', async () => {
    const { a, b, forum } = await laptops();
    const { bytes } = exportBundle(a, { forumId: forum.id });
    await importInto(b, bytes);
    const once = snapshot(b).replace(/"trusted_at":"[^"]*"|"last_import_at":"[^"]*"/g, '');
    const again = await importInto(b, bytes);
    expect(again.changes.new).toBe(0);
    expect(snapshot(b).replace(/"trusted_at":"[^"]*"|"last_import_at":"[^"]*"/g, '')).toBe(once);
  });

  it('send a peer only what it lacks, once its own bundle says what it has', async () => {
    const { a, b, forum } = await laptops();
    await importInto(b, exportBundle(a, { forumId: forum.id }).bytes);
    await importInto(a, exportBundle(b, { forumId: forum.id }).bytes);
    expect(() => exportBundle(a, { forumId: forum.id, forPeer: b.deviceId })).toThrow(/nothing this peer does not already have/);
    writeRow(a, 'forums', forum.id, { title: { fr: 'Forum sur les liens urbain-rural' } });
    const delta = exportBundle(a, { forumId: forum.id, forPeer: b.deviceId });
    expect(delta.manifest.counts).toEqual({ forums: 1 });
    await importInto(b, delta.bytes);
    expect(forumTables(b)).toEqual(forumTables(a));
  });

  it('wait for the user to trust a new laptop, changing nothing meanwhile', async () => {
    const { a, b, forum } = await laptops();
    const before = snapshot(b);
    const { bytes } = exportBundle(a, { forumId: forum.id });
    await expect(importBytes(b, bytes, { trustNewDevice: false })).rejects.toThrow(/Compare its fingerprint/);
    expect(snapshot(b)).toBe(before);
  });

  it('from a known laptop signed with another key are refused', async () => {
    const { a, b, forum } = await laptops();
    await importInto(b, exportBundle(a, { forumId: forum.id }).bytes);
    // The impostor writes and signs in A's name, with its own key.
    const impostor = await tempCore();
    const asA = { ...impostor, deviceId: a.deviceId };
    const forged = exportBundle(asA, { forumId: createDemoForum(asA).id });
    await expectRefused(b, forged.bytes, /knows under another key/);
  });

  it('refuse a truncated file, an empty file and a file that is not a zip', async () => {
    const { a, b, forum } = await laptops();
    const { bytes } = exportBundle(a, { forumId: forum.id });
    for (const cut of [10, bytes.length / 2, bytes.length - 1]) {
      await expectRefused(b, bytes.slice(0, Math.floor(cut)), /not a Plenary bundle|truncated|damaged/);
    }
    await expectRefused(b, new Uint8Array(), /empty/);
    await expectRefused(b, strToU8('Minutes of the closing plenary, not a bundle.'), /not a Plenary bundle/);
  });

  it('refuse any single flipped byte that changes what they carry, before the database is touched', async () => {
    const { a, b, forum } = await laptops();
    // A small bundle, so that every byte can be tried.
    await importInto(b, exportBundle(a, { forumId: forum.id }).bytes);
    await importInto(a, exportBundle(b, { forumId: forum.id }).bytes);
    writeRow(a, 'forums', forum.id, { title: { ru: 'Форум' } });
    const { bytes } = exportBundle(a, { forumId: forum.id, forPeer: b.deviceId });
    const original = readBundle(bytes);
    expect(original.changes).toHaveLength(1);
    const accepted: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const flipped = bytes.slice();
      flipped[i] = (flipped[i] ?? 0) ^ 0x20;
      try {
        // Reads in memory only: a refusal here has written nothing. What the zip wraps around the
        // signed content (dates, attributes, spare bits) may change; the content may not.
        expect(readBundle(flipped)).toEqual(original);
        accepted.push(i);
      } catch (error) {
        expect(error).toMatchObject({ name: 'CoreError', code: 'bundle_rejected' });
        expect((error as Error).message).toMatch(/bundle|file/i);
      }
    }
    // The manifest, its signature and the changes are never among the bytes that may change.
    const entries = listZipEntries(bytes, 3);
    for (const i of accepted) {
      for (const entry of entries) {
        if (entry.name !== 'changes.jsonl') expect(i < entry.dataStart || i >= entry.dataEnd).toBe(true);
      }
    }
    expect(accepted.length).toBeLessThan(bytes.length / 10);
    const corrupt = bytes.slice();
    const middle = Math.floor(bytes.length / 2);
    corrupt[middle] = (corrupt[middle] ?? 0) ^ 0xff;
    await expectRefused(b, corrupt, /bundle|file/i);
  });

  it('refuse a manifest that disagrees with the entries, or with its signature', async () => {
    const { a, b, forum } = await laptops();
    const files = unzipSync(exportBundle(a, { forumId: forum.id }).bytes);
    const tamperedChanges = strFromU8(files['changes.jsonl'] ?? new Uint8Array()).replace('Forum on Urban-Rural Linkages', 'Forum on Something Else');
    await expectRefused(b, zipSync({ ...files, 'changes.jsonl': strToU8(tamperedChanges) }), /do not match its signed manifest/);
    const manifest = strFromU8(files['manifest.json'] ?? new Uint8Array()).replace('"forum": {', '"forum": {"x": 1, ');
    await expectRefused(b, zipSync({ ...files, 'manifest.json': strToU8(manifest) }), /signature does not match/);
    await expectRefused(b, zipSync({ ...files, 'manifest.sig': strToU8('AAAA') }), /signature does not match/);
    const counted = craft(a, forum.id, (m) => (m.counts = { ...m.counts, notes: 1 }));
    await expectRefused(b, counted, /do not add up/);
  });

  it('refuse a format from the future, unknown tables and columns, malformed lines, and no changes', async () => {
    const { a, b, forum } = await laptops();
    const line = (table: string, cells: object) =>
      JSON.stringify([a.deviceId, '000000000000100-0000', table, 'row-1', cells]);
    const countsFor = (table: string) => (m: BundleManifest) => (m.counts = { [table]: 1 });
    await expectRefused(b, craft(a, forum.id, (m) => (m.formatVersion = 99)), /newer Plenary \(format 99/);
    await expectRefused(b, craft(a, forum.id, countsFor('meta'), `${line('meta', { value: 'x' })}\n`), /unknown table “meta”/);
    await expectRefused(b, craft(a, forum.id, countsFor('settings'), `${line('settings', { value: 'x' })}\n`), /unknown table “settings”/);
    await expectRefused(b, craft(a, forum.id, countsFor('notes'), `${line('notes', { 'text; DROP TABLE notes': 'x' })}\n`), /unknown column/);
    await expectRefused(b, craft(a, forum.id, countsFor('notes'), `${line('notes', { 'text@en': 'x' })}\n`), /unknown column/);
    await expectRefused(b, craft(a, forum.id, countsFor('notes'), '["only", "three", "fields"]\n'), /Line 1 .* is not a change/);
    await expectRefused(b, craft(a, forum.id, countsFor('notes'), '{not json\n'), /Line 1 .* is not readable: the file is damaged/);
    await expectRefused(b, craft(a, forum.id, (m) => (m.counts = {}), ''), /carries no changes/);
    const withParents = JSON.stringify([a.deviceId, '000000000000100-0000', 'notes', 'row-1', { lang: 'en' }, { text: [`${a.deviceId}/000000000000050-0000`] }]);
    await expectRefused(b, craft(a, forum.id, countsFor('notes'), `${withParents}\n`), /replaced edits for “notes.text”, which it does not set/);
    await expectRefused(b, craft(a, forum.id, countsFor('notes'), `${line('notes', { text: 'x' })}\n`), /prose “notes.text” without naming/);
  });

  it('refuse unsafe, duplicate, unexpected and oversized entries before inflating them', async () => {
    const { a, b, forum } = await laptops();
    const files = unzipSync(exportBundle(a, { forumId: forum.id }).bytes);
    const rezip = (extra: Record<string, Uint8Array>) => zipSync({ ...files, ...extra });
    await expectRefused(b, rezip({ '../evil.txt': strToU8('x') }), /unsafe path/);
    await expectRefused(b, rezip({ '/etc/passwd': strToU8('x') }), /unsafe path/);
    await expectRefused(b, rezip({ 'dir\\evil.txt': strToU8('x') }), /unsafe path/);
    await expectRefused(b, rezip({ 'notes.exe': strToU8('x') }), /unexpected entry/);
    const bomb = zipSync({ ...files, 'changes.jsonl': new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRefused(b, bomb, /zip bomb/);
    const duplicated = duplicateEntry(zipSync(files, { level: 0 }), 'manifest.json');
    await expectRefused(b, duplicated, /twice/);
  });
});
