import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { strToU8, unzipSync } from 'fflate';
import { closeCore, openCore, type CoreContext } from '../../main/core/coreContext';
import { createDemoForum } from '../../main/core/demo/createDemoForum';
import { writeRow } from '../../main/core/store/changeLog';
import { invoke } from '../../main/core/commands/invoke';
import { deviceIdentity, signBytes } from '../../main/core/sync/deviceIdentity';
import { readBundle } from '../../main/core/sync/readBundle';
import { lyingBundles } from '../unit/helpers/lyingBundles';

export interface BundleFigures {
  notes: number;
  bundleBytes: number;
  exportMs: number;
  readMs: number;
  previewMs: number;
  importMs: number;
  /** Bundles of 3 to 4 MB whose entries unpack to gigabytes (issue 12): time to refuse each, and the main thread's busy time meanwhile. */
  lies: Array<{ label: string; bytes: number; refuseMs: number; refuseCpuMs: number; refusal: string }>;
  /** Resident memory after refusing them all. */
  rssAfterLiesMb: number;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * A rapporteur's day: the demo forum plus `notes` notes (each typed, then edited once) on laptop
 * A, carried to laptop B that has never seen the forum: export, verify, preview and import.
 */
export async function benchBundle(dir: string, notes = 5_000): Promise<BundleFigures> {
  const a = await openCore(path.join(dir, 'bundle-a.sqlite'));
  const b = await openCore(path.join(dir, 'bundle-b.sqlite'));
  const forum = createDemoForum(a);
  const session = a.db.prepare("SELECT id FROM sessions WHERE forum_id = ? AND kind <> 'break' LIMIT 1").pluck().get(forum.id) as string;
  a.db.transaction(() => {
    for (let i = 0; i < notes; i++) {
      const id = `bench-note-${i}`;
      writeRow(a, 'notes', id, { forum_id: forum.id, session_id: session, lang: 'en', text: `Speaker ${i % 40} said rural land markets need clearer rules (${i}).`, deleted: 0 });
      writeRow(a, 'notes', id, { text: `Speaker ${i % 40} said rural land markets need clearer, fairer rules (${i}).` });
    }
  })();
  let start = process.hrtime.bigint();
  // As the app saves it: composed on the worker thread, signed on the main one, sent as base64.
  const exported = await invoke(a, 'bundle:export', { forumId: forum.id });
  const exportMs = ms(start);
  const bytes = new Uint8Array(Buffer.from(exported.data, 'base64'));
  start = process.hrtime.bigint();
  readBundle(bytes);
  const readMs = ms(start);
  // As the app does it: the worker verifies and plans, the main connection applies in slices.
  const data = Buffer.from(bytes).toString('base64');
  start = process.hrtime.bigint();
  await invoke(b, 'bundle:preview', { data });
  const previewMs = ms(start);
  start = process.hrtime.bigint();
  await invoke(b, 'bundle:import', { data, trustNewDevice: true });
  const importMs = ms(start);
  const lies = await refuseLies(a, b, bytes);
  closeCore(a);
  closeCore(b);
  return { notes, bundleBytes: bytes.length, exportMs, readMs, previewMs, importMs, lies, rssAfterLiesMb: process.memoryUsage().rss / 1024 / 1024 };
}

/**
 * The lying bundles built around A's real one (its manifest re-signed where the lie needs it),
 * refused as the app refuses them: the preview asked through the contract, read in the worker.
 * The time is the main thread's wait for the answer; the CPU is what this thread spent meanwhile.
 */
async function refuseLies(a: CoreContext, b: CoreContext, bytes: Uint8Array): Promise<BundleFigures['lies']> {
  const files = unzipSync(bytes);
  const identity = deviceIdentity(a);
  const parts = {
    manifest: files['manifest.json'] ?? new Uint8Array(),
    signature: files['manifest.sig'] ?? new Uint8Array(),
    changes: files['changes.jsonl'] ?? new Uint8Array(),
    sign: (manifest: Uint8Array) => strToU8(signBytes(identity, manifest)),
  };
  const figures: BundleFigures['lies'] = [];
  for (const lie of lyingBundles(parts)) {
    const data = Buffer.from(lie.bytes).toString('base64');
    const start = process.hrtime.bigint();
    // How long the main thread itself was busy (the worker's own time does not count against the
    // screens): its event loop's active time while the refusal came back.
    const loop = performance.eventLoopUtilization();
    let refusal = 'accepted';
    try {
      await invoke(b, 'bundle:preview', { data });
    } catch (error) {
      refusal = (error as Error).message;
    }
    const busy = performance.eventLoopUtilization(loop);
    figures.push({ label: lie.label, bytes: lie.bytes.length, refuseMs: ms(start), refuseCpuMs: busy.active, refusal });
  }
  return figures;
}
