import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { invoke } from '../../../main/core/commands/invoke';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { writeRow } from '../../../main/core/store/changeLog';
import { publicDeviceIdentity } from '../../../main/core/sync/deviceIdentity';
import { exportBundle, exportBundleInWorker } from '../../../main/core/sync/exportBundle';
import { readBundle } from '../../../main/core/sync/readBundle';
import { importBytes } from '../helpers/exchange';
import { snapshot, tempCore, tempDir } from '../helpers/tempCore';
import { forumTables } from './forumTables';

/** Laptop B holds A's forum (relayed under A's signatures) and has written to it itself. */
async function relayingLaptop() {
  const a = await tempCore();
  const b = await tempCore();
  const forum = createDemoForum(a);
  await importBytes(b, exportBundle(a, { forumId: forum.id }).bytes, { trustNewDevice: true });
  writeRow(b, 'forums', forum.id, { title: { es: 'Foro sobre vínculos urbano-rurales' } });
  return { a, b, forum };
}

describe('a bundle composed on the worker thread and signed on the main one', () => {
  it('is byte for byte the bundle composed in one thread: the same lines, blocks and signatures', async () => {
    const { a, b, forum } = await relayingLaptop();
    const now = new Date('2026-12-07T09:00:00Z');
    const inWorker = await exportBundleInWorker(b, { forumId: forum.id, now });
    expect(Buffer.from(inWorker.bytes).equals(Buffer.from(exportBundle(b, { forumId: forum.id, now }).bytes))).toBe(true);
    // Both laptops' blocks travel: A's relayed as A signed it, B's own signed now.
    expect(inWorker.manifest.blocks.map((block) => block.device).sort()).toEqual([a.deviceId, b.deviceId].sort());
    expect(inWorker.manifest.devices.find((device) => device.id === b.deviceId)?.publicKey).toBe(publicDeviceIdentity(b).publicKey);
    const peerHas = new Map([[a.deviceId, '~']]);
    const forPeer = await exportBundleInWorker(b, { forumId: forum.id, peerHas, now });
    expect(Buffer.from(forPeer.bytes).equals(Buffer.from(exportBundle(b, { forumId: forum.id, peerHas, now }).bytes))).toBe(true);
    expect(forPeer.manifest.ranges.map((range) => range.device)).toEqual([b.deviceId]);
  });

  it('carries the forum through the command every transport uses, to a laptop that then shows the same rows', async () => {
    const { b, forum } = await relayingLaptop();
    const c = await tempCore();
    const exported = await invoke(b, 'bundle:export', { forumId: forum.id });
    expect(readBundle(Buffer.from(exported.data, 'base64')).manifest.forum.id).toBe(forum.id);
    await importBytes(c, Buffer.from(exported.data, 'base64'), { trustNewDevice: true });
    expect(forumTables(c)).toEqual(forumTables(b));
  });

  it('is refused, saying why and writing nothing, when the worker thread cannot start', async () => {
    const ctx = await openCore(path.join(tempDir(), 'plenary.sqlite'), { workerScript: path.join(tempDir(), 'missing-worker.cjs') });
    try {
      const forum = createDemoForum(ctx);
      publicDeviceIdentity(ctx); // the key an export makes first, so that nothing else may change
      const before = snapshot(ctx);
      const error = await invoke(ctx, 'bundle:export', { forumId: forum.id }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'internal', message: expect.stringMatching(/background worker stopped unexpectedly/) });
      expect(snapshot(ctx)).toBe(before);
    } finally {
      closeCore(ctx);
    }
  });

  it('answers in the user’s terms what the worker found: nothing new for the peer, or no such forum', async () => {
    const { a, b, forum } = await relayingLaptop();
    const everything = new Map([[a.deviceId, '~'], [b.deviceId, '~']]);
    await expect(exportBundleInWorker(b, { forumId: forum.id, peerHas: everything })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'There is nothing this peer does not already have; no bundle was written.',
    });
    await expect(invoke(b, 'bundle:export', { forumId: 'no-such-forum' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
