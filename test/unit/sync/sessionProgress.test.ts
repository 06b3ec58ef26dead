import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { importBundles, previewBundles } from '../../../main/core/sync/importSession';
import type { ImportProgress } from '../../../shared/sync';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';

/** A laptop's forum saved twice (the title changed in between), and a laptop that has neither. */
async function twoBundles() {
  const a = await tempCore();
  const b = await tempCore();
  const forum = await invoke(a, 'forums:create', validForum);
  const first = exportBundle(a, { forumId: forum.id }).bytes;
  await invoke(a, 'forums:update', { id: forum.id, forum: { ...validForum, title: { ...validForum.title, en: 'Workshop on Living Heritage' } } });
  return { b, first, second: exportBundle(a, { forumId: forum.id }).bytes };
}

describe('a session of bundles reports its progress', () => {
  it('names the bundle it is on and how many there are, so one bar can say "bundle 2 of 3"', async () => {
    const { b, first, second } = await twoBundles();
    const reports: ImportProgress[] = [];
    const files = [
      { name: 'first.plenary', bytes: first },
      { name: 'damaged.plenary', bytes: new TextEncoder().encode('not a bundle') },
      { name: 'second.plenary', bytes: second },
    ];
    const result = await importBundles(b, files, { trust: true, onProgress: (p) => reports.push(p) });

    expect(result.bundles.map((o) => o.status)).toEqual(['imported', 'refused', 'imported']);
    expect(reports.every((p) => p.bundles === 3)).toBe(true);
    // Each bundle's work is reported under its own number, in order, and the end names the last.
    const applying = (n: number) => reports.some((p) => p.phase === 'apply' && p.bundle === n);
    expect([applying(1), applying(2), applying(3)]).toEqual([true, false, true]);
    const numbers = reports.map((p) => p.bundle ?? 0);
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    expect(new Set(numbers)).toEqual(new Set([1, 2, 3]));
    expect(reports.at(-1)).toMatchObject({ phase: 'done', bundle: 3, bundles: 3 });
  });
});

describe('a preview reports its progress too', () => {
  it('moves the share through each bundle’s reading and planning to 1, and answers bundle:progress by the id the screen chose', async () => {
    const { b, first, second } = await twoBundles();
    const reports: ImportProgress[] = [];
    const files = [
      { name: 'first.plenary', bytes: first },
      { name: 'second.plenary', bytes: second },
    ];
    const outcomes = await previewBundles(b, files, Date.now(), (p) => reports.push(p));
    expect(outcomes.map((o) => o.status)).toEqual(['ready', 'ready']);
    const shares = reports.map((p) => p.share ?? -1);
    expect(shares).toEqual([...shares].sort((x, y) => x - y));
    expect(shares.some((s) => s > 0 && s < 0.5)).toBe(true);
    expect(shares.some((s) => s > 0.5 && s < 1)).toBe(true);
    expect(reports.at(-1)).toMatchObject({ phase: 'done', share: 1, bundle: 2, bundles: 2 });
    expect(reports.some((p) => p.phase === 'apply' || p.phase === 'backup')).toBe(false);

    const asFile = (name: string, bytes: Uint8Array) => ({ name, data: Buffer.from(bytes).toString('base64') });
    const before = snapshot(b);
    await invoke(b, 'bundles:preview', { files: files.map((f) => asFile(f.name, f.bytes)), importId: 'preview-0001' });
    expect(await invoke(b, 'bundle:progress', { importId: 'preview-0001' })).toMatchObject({ phase: 'done', share: 1 });
    expect(snapshot(b)).toBe(before);
  });
});
