import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBundle } from './benchBundle';
import { benchColdStart } from './benchColdStart';
import { benchWrites } from './benchWrites';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-'));
  try {
    console.log(`Plenary benchmarks on ${os.cpus().length} cores, Node ${process.version}\n`);

    const w = await benchWrites(dir);
    console.log(`Writes of ${fmt(w.rows)} participant rows through the change log (one change of ${fmt(w.cellsPerRow)} cells each) and as raw INSERTs`);
    console.log(`  one transaction:      change log ${fmt(w.batchedLogRowsPerSecond)} rows/s, raw INSERT ${fmt(w.batchedRawRowsPerSecond)} rows/s, ratio ${fmt(w.batchedLogRowsPerSecond / w.batchedRawRowsPerSecond, 2)} (target >= 0.5)`);
    console.log(`  a transaction per row: change log ${fmt(w.singleLogRowsPerSecond)} rows/s, raw INSERT ${fmt(w.singleRawRowsPerSecond)} rows/s, ratio ${fmt(w.singleLogRowsPerSecond / w.singleRawRowsPerSecond, 2)}`);
    console.log(`  database growth: ${fmt(w.bytesPer10kChanges / 1024 / 1024, 2)} MiB per 10,000 writes (log and projection; raw table alone: ${fmt(w.rawBytesPer10kRows / 1024 / 1024, 2)} MiB per 10,000 rows)\n`);

    const s = await benchBundle(dir);
    console.log(`A day of capture carried by bundle: the demo forum plus ${fmt(s.notes)} notes each edited once (${fmt(s.bundleBytes / 1024)} KiB)`);
    console.log(`  export ${fmt(s.exportMs)} ms; on the receiving laptop: verify ${fmt(s.readMs)} ms, preview ${fmt(s.previewMs)} ms, import ${fmt(s.importMs)} ms (backup included; target well under 1,000 ms)\n`);

    const c = await benchColdStart(dir);
    console.log(`Browser-mode cold start, ${c.runs} runs on a fresh database`);
    console.log(`  server ready (URL printed): median ${fmt(median(c.serverReadyMs))} ms`);
    console.log(`  first interactive screen:   median ${fmt(median(c.firstInteractiveMs))} ms, max ${fmt(Math.max(...c.firstInteractiveMs))} ms (target < 1,000 ms)`);
    console.log(`  (Chromium's own launch, not included: ${fmt(c.browserLaunchMs[0] ?? NaN)} ms)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
