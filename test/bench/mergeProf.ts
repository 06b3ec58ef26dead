import fs from 'node:fs';
import path from 'node:path';
import { invoke } from '../../main/core/commands/invoke';
import { closeCore, openCore } from '../../main/core/coreContext';
import { buildMergeWorkload } from './mergeWorkload';

async function main() {
  const dir = '/tmp/mergeprof';
  if (process.argv[2] === 'build') {
    const w = await buildMergeWorkload(dir);
    fs.writeFileSync(path.join(dir, 'base.plenary'), w.base);
    w.bundles.forEach((b, i) => fs.writeFileSync(path.join(dir, `b${i}.plenary`), b));
    return;
  }
  const db = path.join(dir, `sec-${Date.now()}.sqlite`);
  const t = await openCore(db);
  if (process.env.SLIM) t.db.exec('DROP INDEX changes_prose_lineage; CREATE INDEX changes_prose_lineage ON changes (tbl, row_id, hlc, device) WHERE parents IS NOT NULL');
  if (process.env.AM) for (const x of ['notes', 'key_messages', 'sessions', 'participants']) t.db.prepare(`INSERT INTO ${x}_search (${x}_search, rank) VALUES ('automerge', ${Number(process.env.AM)})`).run();
  if (process.env.NOLIN) t.db.exec('DROP INDEX changes_prose_lineage');
  await invoke(t, 'bundle:import', { data: fs.readFileSync(path.join(dir, 'base.plenary')).toString('base64'), trustNewDevice: true });
  const files = Array.from({ length: 50 }, (_, i) => ({ name: `b${i}`, data: fs.readFileSync(path.join(dir, `b${i}.plenary`)).toString('base64') }));
  const start = performance.now();
  const marks: string[] = [];
  const r = await invoke(t, 'bundles:import', { files, trust: true });
  console.log('merge', (performance.now() - start).toFixed(0), 'ms', r.bundles.filter((b) => b.status !== 'imported').length, 'refused', marks.join(' '));
  closeCore(t);
}
void main();
