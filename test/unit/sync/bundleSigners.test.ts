import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import type { BundleManifest } from '../../../main/core/sync/bundleFormat';
import { deviceIdentity } from '../../../main/core/sync/deviceIdentity';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { writeRow } from '../../../main/core/store/changeLog';
import { craftBundle, hlcAt, type CraftedLine } from '../helpers/craftBundle';
import { expectImportRefused, importBytes, previewBytes } from '../helpers/exchange';
import { tempCore } from '../helpers/tempCore';
import { forumTables } from './forumTables';

const expectRefused = (ctx: CoreContext, bytes: Uint8Array, expected: { code?: string; message: RegExp }) =>
  expectImportRefused(ctx, bytes, expected.message, expected.code ?? 'bundle_rejected');

function contentsOf(bytes: Uint8Array): { manifest: BundleManifest; lines: CraftedLine[] } {
  const files = unzipSync(bytes);
  const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as BundleManifest;
  const lines = strFromU8(files['changes.jsonl'] ?? new Uint8Array())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CraftedLine);
  return { manifest, lines };
}

describe('a bundle relaying other laptops’ changes', () => {
  it('carries them with the signatures of the laptops that made them, so they travel on and on', async () => {
    const [a, b, c, d] = [await tempCore(), await tempCore(), await tempCore(), await tempCore()];
    const forum = createDemoForum(a);
    await importBytes(b, exportBundle(a, { forumId: forum.id }).bytes);
    const relayed = exportBundle(b, { forumId: forum.id });
    expect(relayed.manifest.blocks.map((block) => block.device)).toEqual([a.deviceId]);
    expect(relayed.manifest.devices).toEqual([{ id: a.deviceId, publicKey: deviceIdentity(a).publicKey }]);
    const preview = await previewBytes(c, relayed.bytes);
    expect(preview.device.id).toBe(b.deviceId);
    await importBytes(c, relayed.bytes);
    await importBytes(d, exportBundle(c, { forumId: forum.id }).bytes);
    expect(forumTables(d)).toEqual(forumTables(a));
  });

  it('may not carry a change in another laptop’s name, nor in the importer’s own', async () => {
    const [a, b, c] = [await tempCore(), await tempCore(), await tempCore()];
    const forum = createDemoForum(a);
    await importBytes(b, exportBundle(a, { forumId: forum.id }).bytes);
    await importBytes(c, exportBundle(a, { forumId: forum.id }).bytes);
    await importBytes(a, exportBundle(c, { forumId: forum.id }).bytes);
    const impostor = deviceIdentity(b);
    const rename = (device: string): CraftedLine => [device, hlcAt(0), 'forums', forum.id, { 'title@en': 'Renamed in another’s name' }];
    // B signs A's name with its own key: C knows A's real key.
    const asA = craftBundle(b, forum.id, [rename(a.deviceId)], { signers: [{ device: a.deviceId, identity: impostor }] });
    await expectRefused(c, asA, { code: 'device_key_mismatch', message: /knows under another key/ });
    // B writes in C's own name: C knows its own key.
    const asC = craftBundle(b, forum.id, [rename(c.deviceId)], { signers: [{ device: c.deviceId, identity: impostor }] });
    await expectRefused(c, asC, { code: 'device_key_mismatch', message: /knows under another key/ });
    // A change of A's that nobody signed.
    await expectRefused(c, craftBundle(b, forum.id, [rename(a.deviceId)], { signers: [] }), { message: /did not sign them/ });
  });

  it('may not alter a relayed change, or leave out part of a signed run', async () => {
    const [a, b, c] = [await tempCore(), await tempCore(), await tempCore()];
    const forum = createDemoForum(a);
    await importBytes(b, exportBundle(a, { forumId: forum.id }).bytes);
    const { manifest, lines } = contentsOf(exportBundle(b, { forumId: forum.id }).bytes);
    const keep = (m: BundleManifest) => {
      m.blocks = manifest.blocks;
      m.devices = manifest.devices;
    };
    const altered = lines.map((line, i) => (i === 3 ? ([...line.slice(0, 4), { ...line[4], deleted: 1 }, ...line.slice(5)] as CraftedLine) : line));
    await expectRefused(c, craftBundle(b, forum.id, altered, { signers: [], patch: keep }), { message: /do not match the signatures/ });
    await expectRefused(c, craftBundle(b, forum.id, lines.slice(1), { signers: [], patch: keep }), { message: /do not match the signatures/ });
  });

  it('carries each signed run whole, even the part the peer has, and a run the peer has not at all', async () => {
    const [a, b, c] = [await tempCore(), await tempCore(), await tempCore()];
    const forum = createDemoForum(a);
    const first = exportBundle(a, { forumId: forum.id });
    await importBytes(b, first.bytes);
    await importBytes(c, first.bytes);
    // A's later work reaches B alone, as a run signed for B, which has the first.
    writeRow(a, 'forums', forum.id, { title: { fr: 'Forum sur les liens urbain-rural' } });
    writeRow(a, 'forums', forum.id, { title: { es: 'Foro sobre vínculos urbano-rurales' } });
    const newest = first.manifest.ranges[0]?.to ?? '';
    const later = exportBundle(a, { forumId: forum.id, peerHas: new Map([[a.deviceId, newest]]) });
    const [run] = later.manifest.blocks;
    expect(later.manifest.blocks).toHaveLength(1);
    expect(run?.count).toBe(2);
    await importBytes(b, later.bytes);
    const whole = exportBundle(b, { forumId: forum.id });
    expect(whole.manifest.blocks.map((block) => block.count)).toEqual([first.manifest.ranges[0]?.count, 2]);
    // C has A's first run up to its middle: the first run travels whole, then the second.
    const middle = contentsOf(first.bytes).lines[10]?.[1] ?? '';
    const forC = exportBundle(b, { forumId: forum.id, peerHas: new Map([[a.deviceId, middle]]) });
    expect(contentsOf(forC.bytes).lines).toEqual(contentsOf(whole.bytes).lines);
    // C has the whole first run: only the second travels.
    const onlyLater = exportBundle(b, { forumId: forum.id, peerHas: new Map([[a.deviceId, newest]]) });
    expect(onlyLater.manifest.blocks).toEqual([run]);
    expect(contentsOf(onlyLater.bytes).lines).toEqual(contentsOf(later.bytes).lines);
    await importBytes(c, onlyLater.bytes);
    expect(forumTables(c)).toEqual(forumTables(a));
  });
});
