import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { readBundle } from '../../../main/core/sync/readBundle';
import { VerifiedBundles } from '../../../main/core/sync/verifiedBundles';
import { forumInput } from '../../../shared/forum';
import type { ImportProgress } from '../../../shared/sync';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';
import { forumTables } from './forumTables';

const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const asFile = (name: string, bytes: Uint8Array) => ({ name, data: Buffer.from(bytes).toString('base64') });

/** A laptop's forum with `notes` notes of a few hundred characters: its bundle unpacks in many pieces. */
async function laptopBundle(notes: number): Promise<{ laptop: CoreContext; bytes: Uint8Array; forumId: string }> {
  const laptop = await tempCore();
  const forumId = createForum(laptop, forumInput.parse(validForum)).id;
  laptop.db.transaction(() => {
    for (let n = 0; n < notes; n++) {
      const text = `Note ${n}: the village cooperative kept its seed bank through the drought, and the county extension office copied the model in ${n % 97} townships.`;
      writeRow(laptop, 'notes', `note-${n}`, { forum_id: forumId, lang: 'en', text: text.repeat(2), deleted: 0 });
    }
  })();
  return { laptop, bytes: exportBundle(laptop, { forumId }).bytes, forumId };
}

describe('a bundle read for its preview is not read again for its import', () => {
  it('keeps what a preview verified for one import, under the bytes’ hash, within a budget and for a while', async () => {
    const { bytes } = await laptopBundle(20);
    const other = (await laptopBundle(5)).bytes;
    let reads = 0;
    const counting = (b: Uint8Array) => {
      reads += 1;
      return readBundle(b);
    };
    const kept = new VerifiedBundles({ changesBytes: 10 * 1024 * 1024, keepMs: 60_000 }, counting);
    const first = kept.read(digestOf(bytes), bytes, true);
    expect(kept.read(digestOf(bytes), bytes, false)).toBe(first);
    expect(reads).toBe(1);
    // Taken by the import: the next one reads again.
    kept.read(digestOf(bytes), bytes, false);
    expect(reads).toBe(2);
    expect(kept.size.bundles).toBe(0);

    // A new preview of other files lets the earlier ones go.
    kept.read(digestOf(bytes), bytes, true);
    kept.keepOnly(new Set([digestOf(other)]));
    expect(kept.size).toEqual({ bundles: 0, bytes: 0 });

    // Beyond the budget, a bundle is verified but not kept.
    const small = new VerifiedBundles({ changesBytes: 100, keepMs: 60_000 }, counting);
    small.read(digestOf(bytes), bytes, true);
    expect(small.size.bundles).toBe(0);

    // A preview nobody imports lets go after a while.
    const brief = new VerifiedBundles({ changesBytes: 10 * 1024 * 1024, keepMs: 20 }, counting);
    brief.read(digestOf(bytes), bytes, true);
    expect(brief.size.bundles).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(brief.size.bundles).toBe(0);
  });

  it('imports after a preview to the same state as without one, and does not unpack the bundle again', async () => {
    const { bytes } = await laptopBundle(3_000);
    const run = async (withPreview: boolean) => {
      const ctx = await tempCore();
      const files = [asFile('rapporteur.plenary', bytes)];
      if (withPreview) expect((await invoke(ctx, 'bundles:preview', { files })).bundles[0]).toMatchObject({ status: 'ready' });
      const reports: ImportProgress[] = [];
      const result = await (await import('../../../main/core/sync/importSession')).importBundles(ctx, [{ name: 'rapporteur.plenary', bytes }], {
        trust: true,
        onProgress: (p) => reports.push(p),
      });
      expect(result.bundles.map((b) => b.status)).toEqual(['imported']);
      return { ctx, reports };
    };
    const direct = await run(false);
    const previewed = await run(true);
    expect(forumTables(previewed.ctx)).toEqual(forumTables(direct.ctx));
    // Unpacking reports its bytes as it goes; a bundle kept from the preview is whole at once.
    const unpacking = (reports: ImportProgress[]) => reports.filter((p) => p.phase === 'verify' && p.done > 0 && p.done < p.total);
    expect(unpacking(direct.reports).length).toBeGreaterThan(2);
    expect(unpacking(previewed.reports)).toEqual([]);
  }, 60_000);

  it('reads the bytes it is given: an import of other bytes under the previewed name is checked afresh and refused', async () => {
    const { bytes } = await laptopBundle(50);
    const ctx = await tempCore();
    expect((await invoke(ctx, 'bundles:preview', { files: [asFile('rapporteur.plenary', bytes)] })).bundles[0]).toMatchObject({ status: 'ready' });
    // The same file with one character of its manifest changed (the forum's title).
    const altered = Uint8Array.from(bytes);
    const at = Buffer.from(bytes).indexOf('Workshop on Rural Heritage');
    expect(at).toBeGreaterThan(0);
    altered[at] = 'V'.charCodeAt(0);
    const before = snapshot(ctx);
    const result = await invoke(ctx, 'bundles:import', { files: [asFile('rapporteur.plenary', altered)], trust: true });
    expect(result.bundles[0]).toMatchObject({ status: 'refused' });
    expect(snapshot(ctx)).toBe(before);
  }, 60_000);
});

describe('one bundle’s import moves the bar', () => {
  it('reports unpacking, planning, backup and writing within the bundle, the share only ever growing to 1', async () => {
    const { bytes } = await laptopBundle(3_000);
    const ctx = await tempCore();
    const reports: ImportProgress[] = [];
    const { importBundles } = await import('../../../main/core/sync/importSession');
    await importBundles(ctx, [{ name: 'rapporteur.plenary', bytes }], { trust: true, onProgress: (p) => reports.push(p) });
    const shares = reports.map((p) => p.share ?? -1);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[0]).toBe(0);
    expect(shares.at(-1)).toBe(1);
    // The bar moves inside the one bundle, through each phase in turn.
    expect(new Set(shares.filter((s) => s > 0 && s < 1)).size).toBeGreaterThan(5);
    const phases = reports.map((p) => p.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(phases).toEqual(['verify', 'plan', 'backup', 'apply', 'done']);
    expect(reports.every((p) => p.bundle === 1 && p.bundles === 1)).toBe(true);
  }, 60_000);
});
