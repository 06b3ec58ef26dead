import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBrowserScreens } from './benchBrowserScreens';
import { benchBundle } from './benchBundle';
import { benchCapture } from './benchCapture';
import { benchColdStart } from './benchColdStart';
import { benchDrafting } from './benchDrafting';
import { benchExports } from './benchExports';
import { benchLyingWorkbook } from './benchLyingWorkbook';
import { benchParticipants } from './benchParticipants';
import { benchSearch } from './benchSearch';
import { benchStats } from './benchStats';
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
    console.log(`  export ${fmt(s.exportMs)} ms; on the receiving laptop: verify ${fmt(s.readMs)} ms, preview ${fmt(s.previewMs)} ms, import ${fmt(s.importMs)} ms (backup included; target well under 1,000 ms)`);
    console.log('  time to refuse a 4 MB lying bundle (entries that unpack to gigabytes; target well under 1,000 ms):');
    for (const lie of s.lies) console.log(`    ${lie.label} (${fmt(lie.bytes / 1024 / 1024, 1)} MB): ${fmt(lie.refuseMs, 1)} ms (${fmt(lie.refuseCpuMs, 1)} ms of CPU), ${lie.refusal.startsWith('The bundle would unpack') ? 'refused as a zip bomb' : lie.refusal}`);
    console.log(`  resident memory after refusing them: ${fmt(s.rssAfterLiesMb)} MB\n`);

    const c = await benchColdStart(dir);
    console.log(`Browser-mode cold start, ${c.runs} runs on a fresh database`);
    console.log(`  server ready (URL printed): median ${fmt(median(c.serverReadyMs))} ms`);
    console.log(`  first interactive screen:   median ${fmt(median(c.firstInteractiveMs))} ms, max ${fmt(Math.max(...c.firstInteractiveMs))} ms (target < 1,000 ms)`);
    console.log(`  (Chromium's own launch, not included: ${fmt(c.browserLaunchMs[0] ?? NaN)} ms)`);

    const p = await benchParticipants(dir);
    console.log(`\nA World-Urban-Forum-size list: ${fmt(p.people)} participants from a ${fmt(p.csvBytes / 1024 / 1024, 1)} MB CSV`);
    console.log(`  preview ${fmt(p.previewMs)} ms; import (parse, duplicates, ${fmt(p.people)} writes through the log) ${fmt(p.importMs)} ms (target < 3,000 ms)`);
    console.log('  search as you type (participants:query, top 20, validation included) vs raw FTS5 MATCH on the same table (target p95 < 30 ms):');
    for (const s of p.search) {
      const raw = Number.isNaN(s.rawMedianMs) ? 'raw FTS5 n/a (under 3 characters)' : `raw median ${fmt(s.rawMedianMs, 1)} ms, p95 ${fmt(s.rawP95Ms, 1)} ms`;
      console.log(`    ${s.label.padEnd(22)} "${s.query}": ${fmt(s.hits)} hits, median ${fmt(s.medianMs, 1)} ms, p95 ${fmt(s.p95Ms, 1)} ms; ${raw}`);
    }
    console.log(`  a sorted page of 200 (by organisation, anywhere in the list): median ${fmt(p.sortedPageMs.median, 1)} ms, p95 ${fmt(p.sortedPageMs.p95, 1)} ms`);
    console.log(`  agenda: ${fmt(p.sessions)} sessions created one by one in ${fmt(p.createSessionsMs)} ms; agenda:get median ${fmt(p.agendaGetMs.median, 1)} ms, p95 ${fmt(p.agendaGetMs.p95, 1)} ms`);

    console.log('  time to refuse a 2 MB workbook whose parts unpack to gigabytes (issue 12; target well under 1,000 ms and no growth in memory):');
    for (const w of await benchLyingWorkbook()) {
      console.log(`    ${w.label} (${fmt(w.bytes / 1024 / 1024, 1)} MB): ${fmt(w.refuseMs, 1)} ms (${fmt(w.refuseCpuMs, 1)} ms of CPU), resident memory ${fmt(w.rssBeforeMb)} MB before, ${fmt(w.rssPeakMb)} MB at most; ${w.refusal.slice(0, 60)}…`);
    }

    const b = await benchBrowserScreens(p.dbPath, p.forumId);
    console.log(`\nThe same forum in Chromium (browser mode), ${b.participantListMs.length} runs each`);
    console.log(`  participant list, navigation to first rows: median ${fmt(median(b.participantListMs))} ms, max ${fmt(Math.max(...b.participantListMs))} ms (target < 200 ms)`);
    console.log(`  scrolled end to end in ${fmt(b.scroll.frames)} frames (${fmt(b.scroll.rowsSeen)} rows seen): longest frame ${fmt(b.scroll.maxFrameMs, 1)} ms, p95 ${fmt(b.scroll.p95FrameMs, 1)} ms (target: none over 50 ms)`);
    console.log(`  agenda of ${fmt(p.sessions)} sessions, navigation to the first day on screen: median ${fmt(median(b.agendaMs))} ms, max ${fmt(Math.max(...b.agendaMs))} ms (target < 300 ms)`);

    // After the browser figures: it adds session roles to the same forum.
    const st = await benchStats(p.dbPath, p.forumId);
    console.log(`\nParticipation figures (stats:get) on the same forum: ${fmt(st.participants)} participants, ${fmt(st.sessions)} sessions, ${fmt(st.roles)} session roles`);
    console.log(`  median ${fmt(st.medianMs, 1)} ms, p95 ${fmt(st.p95Ms, 1)} ms over ${st.runs} runs`);

    // Its own database: the demo forum plus 100,000 notes, then a browser-mode server on it.
    const q = await benchSearch(dir);
    console.log(`\nSearch over ${fmt(q.notes)} notes (English, Spanish, Chinese, Arabic) on the demo forum, written through the change log in ${fmt(q.seedMs / 1000, 1)} s`);
    console.log(`  search:query (all four groups, top 20 each, snippets, validation included), ${q.runs} runs each, vs raw FTS5 ranked top 20 on the notes (target p95 < 20 ms):`);
    for (const r of q.queries) {
      const raw = Number.isNaN(r.rawMedianMs) ? 'raw FTS5 n/a (under 3 characters, or two words)' : `raw median ${fmt(r.rawMedianMs, 1)} ms, p95 ${fmt(r.rawP95Ms, 1)} ms`;
      console.log(`    ${r.label.padEnd(26)} "${r.query}": ${fmt(r.hits)} notes, median ${fmt(r.medianMs, 1)} ms, p95 ${fmt(r.p95Ms, 1)} ms; ${raw}`);
    }
    console.log(`  the first search of 1 or 2 characters after opening (indexes how notes end, once): ${fmt(q.firstShortSearchMs)} ms`);
    console.log(`  browser-mode server after searches over HTTP (median ${fmt(q.serverSearchMedianMs, 1)} ms each): ${fmt(q.serverRssMb)} MB resident, peak ${fmt(q.serverPeakRssMb)} MB (target < 150 MB)`);

    const k = await benchCapture(path.join(dir, 'capture.sqlite'));
    console.log(`\nCapture in Chromium with ${fmt(k.notes)} notes in the session (seeded through the change log in ${fmt(k.seedMs)} ms)`);
    console.log(`  session opened, composer ready with the newest notes on screen: ${fmt(k.openMs)} ms`);
    console.log(`  keystroke to next frame over ${k.keystrokes} keys: median ${fmt(k.medianMs, 1)} ms, p95 ${fmt(k.p95Ms, 1)} ms, max ${fmt(k.maxMs, 1)} ms (target p95 < 16 ms)`);
    console.log(`  the app's own work per key: median ${fmt(k.handledMedianMs, 1)} ms, p95 ${fmt(k.handledP95Ms, 1)} ms; a bare textarea in the same Chromium: median ${fmt(k.bareMedianMs, 1)} ms, p95 ${fmt(k.bareP95Ms, 1)} ms (the wait for the frame itself)`);

    const d = await benchDrafting(path.join(dir, 'drafting.sqlite'));
    console.log(`\nDrafting: a ${fmt(d.paragraphs)}-paragraph document in ${d.languages} languages with ${fmt(d.amendments)} amendments and ${fmt(d.revisions)} revisions (seeded through the store in ${fmt(d.seedMs / 1000, 1)} s)`);
    console.log(`  outcome:get in the core (validation included): median ${fmt(d.getMedianMs, 1)} ms, p95 ${fmt(d.getP95Ms, 1)} ms`);
    console.log(`  drafting view in Chromium, navigation to the frame drawn with all ${fmt(d.paragraphs)} paragraphs: median ${fmt(median(d.openMs))} ms, max ${fmt(Math.max(...d.openMs))} ms over ${d.openMs.length} runs, the first of which loads the screen's code (target < 300 ms)`);
    for (const x of d.diff) {
      console.log(`  word diff of two revisions of a ${fmt(x.words)}-word ${x.label} paragraph: median ${fmt(x.medianMs, 2)} ms, p95 ${fmt(x.p95Ms, 2)} ms (target < 20 ms); jsdiff's diffWords on the same pair: median ${fmt(x.diffWordsMedianMs, 2)} ms`);
    }

    const e = await benchExports(path.join(dir, 'exports.sqlite'));
    console.log(`\nExports: the ${fmt(e.paragraphs)}-paragraph document in ${e.languages} parallel columns with ${fmt(e.amendments)} amendments, both annexes (targets: DOCX < 500 ms, PDF < 3,000 ms)`);
    for (const f of e.formats) {
      console.log(`  ${f.label.padEnd(40)} median ${fmt(f.medianMs)} ms, max ${fmt(f.maxMs)} ms over ${f.runs} runs; ${fmt(f.bytes / 1024)} KiB`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
