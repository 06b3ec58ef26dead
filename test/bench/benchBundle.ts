import path from 'node:path';
import { closeCore, openCore } from '../../main/core/coreContext';
import { createDemoForum } from '../../main/core/demo/createDemoForum';
import { writeRow } from '../../main/core/store/changeLog';
import { exportBundle } from '../../main/core/sync/exportBundle';
import { invoke } from '../../main/core/commands/invoke';
import { readBundle } from '../../main/core/sync/readBundle';

export interface BundleFigures {
  notes: number;
  bundleBytes: number;
  exportMs: number;
  readMs: number;
  previewMs: number;
  importMs: number;
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
  const { bytes } = exportBundle(a, { forumId: forum.id });
  const exportMs = ms(start);
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
  closeCore(a);
  closeCore(b);
  return { notes, bundleBytes: bytes.length, exportMs, readMs, previewMs, importMs };
}
