import os from 'node:os';
import path from 'node:path';
import { benchBrowserScreens } from './benchBrowserScreens';
import { benchBundle } from './benchBundle';
import { benchMerge } from './benchMerge';
import { reportMerge } from './reportMerge';
import { benchOneWriter } from './benchOneWriter';
import { benchRobustness } from './benchRobustness';
import { benchLyingWorkbook } from './benchLyingWorkbook';
import { benchCapture } from './benchCapture';
import { benchConceptNote } from './benchConceptNote';
import { benchChecks } from './benchChecks';
import { benchColdStart } from './benchColdStart';
import { benchDrafting } from './benchDrafting';
import { benchKeyMessagesDocument } from './benchKeyMessagesDocument';
import { benchExports } from './benchExports';
import { benchParticipants } from './benchParticipants';
import { benchRoles } from './benchRoles';
import { benchSearch } from './benchSearch';
import { benchStats } from './benchStats';
import { benchVenue } from './benchVenue';
import { benchWrites } from './benchWrites';
import { documentBenchGroups } from './documentBenchGroups';
import { fmt, median, slug } from './benchFormat';
import type { Recorder } from './figures';


export interface Group {
  name: string;
  about: string;
  /** Prints its figures as before, and records each one for the JSON file. */
  run: (dir: string, record: Recorder) => Promise<void>;
}

/** The bench's groups in the order they run; `--only` picks some of them by name. */
export const groups: Group[] = [
  {
    name: 'writes',
    about: 'batch and single change-log writes against raw INSERTs (indexed and plain table), database growth',
    run: async (dir, record) => {
      const w = await benchWrites(dir);
      const single = w.singleLogRowsPerSecond / w.singleRawRowsPerSecond;
      console.log(`Writes of ${fmt(w.rows)} participant rows (${fmt(w.cellsPerRow)} cells each) in one transaction, median of ${w.repeats} runs on fresh databases`);
      console.log(`  batch path (writeRows: log, projection, search index at the end): ${fmt(w.batchRowsPerSecond)} rows/s`);
      console.log(`  writeRow row by row:                                            ${fmt(w.rowByRowRowsPerSecond)} rows/s`);
      console.log(`  raw INSERT into the same indexed participants table:            ${fmt(w.indexedRawRowsPerSecond)} rows/s; batch path ratio ${fmt(w.batchToIndexedRatio, 2)}`);
      console.log(`  raw INSERT into a plain table (same columns, no index/trigger): ${fmt(w.plainRawRowsPerSecond)} rows/s; batch path ratio ${fmt(w.batchToPlainRatio, 2)} (target >= 0.5)`);
      console.log(`  lowest a logged write can go (log row + projection row, raw SQL, no projection index): ${fmt(w.floorRowsPerSecond)} rows/s; ratio to plain ${fmt(w.floorToPlainRatio, 2)}`);
      console.log(`  a transaction per row: change log ${fmt(w.singleLogRowsPerSecond)} rows/s, raw INSERT ${fmt(w.singleRawRowsPerSecond)} rows/s, ratio ${fmt(single, 2)}`);
      console.log(`  database growth: ${fmt(w.bytesPer10kChanges / 1024 / 1024, 2)} MiB per 10,000 writes (log and projection; raw table alone: ${fmt(w.rawBytesPer10kRows / 1024 / 1024, 2)} MiB per 10,000 rows)\n`);
      record('batch.rowsPerSecond', w.batchRowsPerSecond, 'rows/s');
      record('batch.rowByRowRowsPerSecond', w.rowByRowRowsPerSecond, 'rows/s');
      record('batch.indexedRawRowsPerSecond', w.indexedRawRowsPerSecond, 'rows/s');
      record('batch.plainRawRowsPerSecond', w.plainRawRowsPerSecond, 'rows/s');
      record('batch.ratioToIndexedRaw', w.batchToIndexedRatio, 'ratio');
      record('batch.ratioToPlainRaw', w.batchToPlainRatio, 'ratio', { atLeast: 0.5 });
      record('floor.rowsPerSecond', w.floorRowsPerSecond, 'rows/s');
      record('floor.ratioToPlain', w.floorToPlainRatio, 'ratio');
      record('single.logRowsPerSecond', w.singleLogRowsPerSecond, 'rows/s');
      record('single.rawRowsPerSecond', w.singleRawRowsPerSecond, 'rows/s');
      record('single.ratio', single, 'ratio');
      record('growthPer10kWrites', w.bytesPer10kChanges / 1024 / 1024, 'MiB');
      record('rawGrowthPer10kRows', w.rawBytesPer10kRows / 1024 / 1024, 'MiB');
    },
  },
  {
    name: 'bundle',
    about: 'a day of capture carried by bundle: export, verify, preview, import',
    run: async (dir, record) => {
      const s = await benchBundle(dir);
      console.log(`A day of capture carried by bundle: the demo forum plus ${fmt(s.notes)} notes each edited once (${fmt(s.bundleBytes / 1024)} KiB)`);
      console.log(`  export ${fmt(s.exportMs)} ms; on the receiving laptop: verify ${fmt(s.readMs)} ms, preview ${fmt(s.previewMs)} ms, import ${fmt(s.importMs)} ms (backup included; target well under 1,000 ms)\n`);
      record('bundleSize', s.bundleBytes / 1024, 'KiB');
      record('export', s.exportMs, 'ms');
      record('verify', s.readMs, 'ms');
      record('preview', s.previewMs, 'ms');
      record('import', s.importMs, 'ms', { below: 1000 });
      console.log('  time to refuse a 3-4 MB lying bundle (entries that unpack to gigabytes), asked as the app asks, read in the worker (target well under 1,000 ms):');
      for (const lie of s.lies) {
        const verdict = lie.refusal.includes('zip bomb') ? 'refused as a zip bomb' : lie.refusal;
        console.log(`    ${lie.label} (${fmt(lie.bytes / 1024 / 1024, 1)} MB): ${fmt(lie.refuseMs, 1)} ms (${fmt(lie.refuseCpuMs, 1)} ms of it the main thread was busy), ${verdict}`);
        record(`lie.${slug(lie.label)}.refuse`, lie.refuseMs, 'ms', { below: 1000 });
        record(`lie.${slug(lie.label)}.mainThreadBusy`, lie.refuseCpuMs, 'ms');
      }
      console.log(`  resident memory after refusing them: ${fmt(s.rssAfterLiesMb)} MB`);
      record('rssAfterLies', s.rssAfterLiesMb, 'MB');
      console.log('  time to refuse a 2 MB workbook whose parts unpack to gigabytes (target well under 1,000 ms and no growth in memory):');
      for (const w of await benchLyingWorkbook()) {
        console.log(`    ${w.label} (${fmt(w.bytes / 1024 / 1024, 1)} MB): ${fmt(w.refuseMs, 1)} ms (${fmt(w.refuseCpuMs, 1)} ms of CPU), resident memory ${fmt(w.rssBeforeMb)} MB before, ${fmt(w.rssPeakMb)} MB at most`);
        record(`workbook.${slug(w.label)}.refuse`, w.refuseMs, 'ms', { below: 1000 });
        record(`workbook.${slug(w.label)}.rssGrowth`, w.rssPeakMb - w.rssBeforeMb, 'MB');
      }
      console.log('');
    },
  },
  {
    name: 'merge',
    about: '50 laptops × 2,000 changes merged into the secretariat’s laptop, against Yjs',
    run: async (dir, record) => {
      reportMerge(await benchMerge(dir), record);
    },
  },
  {
    name: 'onewriter',
    about: 'a 25,000-row import through plenary serve while the screen saves a note every 20 ms',
    run: async (dir, record) => {
      const w = await benchOneWriter(dir);
      console.log(`One writer: ${fmt(w.people)} participants imported through plenary serve in ${fmt(w.importMs)} ms, while a note was saved every 20 ms`);
      console.log(`  ${fmt(w.saves)} saves (${fmt(w.failedSaves)} failed): wait median ${fmt(w.medianWaitMs, 1)} ms, p95 ${fmt(w.p95WaitMs, 1)} ms, longest ${fmt(w.longestWaitMs, 1)} ms (target: a few 40 ms slices, < 200 ms)\n`);
      record('import', w.importMs, 'ms');
      record('saves', w.saves, 'saves');
      record('failedSaves', w.failedSaves, 'saves', { below: 1 });
      record('wait.median', w.medianWaitMs, 'ms');
      record('wait.p95', w.p95WaitMs, 'ms');
      record('wait.longest', w.longestWaitMs, 'ms', { below: 200 });
    },
  },
  {
    name: 'robustness',
    about: 'kill -9 during an import while saving; mutated bundles and participant lists',
    run: async (dir, record) => {
      const counts = { killRounds: Number(process.env.PLENARY_KILL_ROUNDS ?? 20), bundles: Number(process.env.PLENARY_FUZZ_BUNDLES ?? 1000), lists: Number(process.env.PLENARY_FUZZ_LISTS ?? 400) };
      const r = await benchRobustness(dir, counts);
      console.log(`Robustness (seeded; PLENARY_KILL_ROUNDS, PLENARY_FUZZ_BUNDLES, PLENARY_FUZZ_LISTS set the counts)`);
      console.log(`  kill -9 of plenary serve at a random moment while it imports a day of capture and saves a note every 10 ms: ${fmt(r.kill.rounds)} rounds (${fmt(r.kill.killedDuringImport)} during the import), ${fmt(r.kill.lost)} of ${fmt(r.kill.acknowledged)} acknowledged saves lost, ${fmt(r.kill.halfImports)} half imports`);
      for (const [label, f] of [['bundles', r.bundles], ['participant lists (CSV and .xlsx)', r.lists]] as const) {
        console.log(`  mutated ${label}: ${fmt(f.mutated)}, ${fmt(f.accepted)} taken as the file they still are, ${fmt(f.refused)} refused in words, ${fmt(f.crashes)} crashes, ${fmt(f.changedAfterRefusal)} refusals that changed anything`);
      }
      console.log('');
      record('kill.rounds', r.kill.rounds, 'rounds');
      record('kill.acknowledged', r.kill.acknowledged, 'saves');
      record('kill.lost', r.kill.lost, 'saves', { below: 1 });
      record('kill.halfImports', r.kill.halfImports, 'imports', { below: 1 });
      for (const [key, f] of [['bundles', r.bundles], ['lists', r.lists]] as const) {
        record(`${key}.mutated`, f.mutated, 'files');
        record(`${key}.crashes`, f.crashes, 'files', { below: 1 });
        record(`${key}.changedAfterRefusal`, f.changedAfterRefusal, 'files', { below: 1 });
      }
    },
  },
  {
    name: 'coldstart',
    about: 'browser-mode cold start to the forum list in Chromium',
    run: async (dir, record) => {
      const c = await benchColdStart(dir);
      console.log(`Browser-mode cold start, ${c.runs} runs on a fresh database`);
      console.log(`  server ready (URL printed): median ${fmt(median(c.serverReadyMs))} ms`);
      console.log(`  first interactive screen:   median ${fmt(median(c.firstInteractiveMs))} ms, max ${fmt(Math.max(...c.firstInteractiveMs))} ms (target < 1,000 ms)`);
      console.log(`  (Chromium's own launch, not included: ${fmt(c.browserLaunchMs[0] ?? NaN)} ms)\n`);
      record('serverReady.median', median(c.serverReadyMs), 'ms');
      record('firstInteractive.median', median(c.firstInteractiveMs), 'ms', { below: 1000 });
      record('firstInteractive.max', Math.max(...c.firstInteractiveMs), 'ms');
      record('chromiumLaunch', c.browserLaunchMs[0] ?? NaN, 'ms');
    },
  },
  {
    name: 'participants',
    about: '25,000 participants imported, searched, listed and scrolled in Chromium; 500 sessions; participation figures',
    run: async (dir, record) => {
      const p = await benchParticipants(dir);
      console.log(`A World-Urban-Forum-size list: ${fmt(p.people)} participants from a ${fmt(p.csvBytes / 1024 / 1024, 1)} MB CSV`);
      console.log(`  preview ${fmt(p.previewMs)} ms; import (the preview's reading of the file taken, ${fmt(p.people)} writes through the log) ${fmt(p.importMs)} ms (target < 3,000 ms)`);
      console.log(`  the same import with no preview before it (the CLI's way: the file read and matched again), into a database of its own: ${fmt(p.importAloneMs)} ms`);
      console.log('  search as you type (participants:query, top 20, validation included) vs raw FTS5 MATCH on the same table (target p95 < 30 ms):');
      record('csvSize', p.csvBytes / 1024 / 1024, 'MB');
      record('preview', p.previewMs, 'ms');
      record('import', p.importMs, 'ms', { below: 3000 });
      record('importAlone', p.importAloneMs, 'ms');
      for (const s of p.search) {
        const raw = Number.isNaN(s.rawMedianMs) ? 'raw FTS5 n/a (under 3 characters)' : `raw median ${fmt(s.rawMedianMs, 1)} ms, p95 ${fmt(s.rawP95Ms, 1)} ms`;
        console.log(`    ${s.label.padEnd(22)} "${s.query}": ${fmt(s.hits)} hits, median ${fmt(s.medianMs, 1)} ms, p95 ${fmt(s.p95Ms, 1)} ms; ${raw}`);
        record(`search.${slug(s.label)}.median`, s.medianMs, 'ms');
        record(`search.${slug(s.label)}.p95`, s.p95Ms, 'ms', { below: 30 });
        record(`search.${slug(s.label)}.rawP95`, s.rawP95Ms, 'ms');
      }
      console.log(`  a sorted page of 200 (by organisation, anywhere in the list): median ${fmt(p.sortedPageMs.median, 1)} ms, p95 ${fmt(p.sortedPageMs.p95, 1)} ms`);
      console.log(`  agenda: ${fmt(p.sessions)} sessions created one by one in ${fmt(p.createSessionsMs)} ms; agenda:get median ${fmt(p.agendaGetMs.median, 1)} ms, p95 ${fmt(p.agendaGetMs.p95, 1)} ms`);
      record('sortedPage.median', p.sortedPageMs.median, 'ms');
      record('sortedPage.p95', p.sortedPageMs.p95, 'ms');
      console.log('  pages of 200 sorted or filtered by a coded column, anywhere in the list (target p95 < 30 ms):');
      for (const c of p.codedPages) {
        console.log(`    ${c.label.padEnd(28)} median ${fmt(c.medianMs, 1)} ms, p95 ${fmt(c.p95Ms, 1)} ms`);
        record(`codedPage.${slug(c.label)}.median`, c.medianMs, 'ms');
        record(`codedPage.${slug(c.label)}.p95`, c.p95Ms, 'ms', { below: 30 });
      }
      record('createSessions', p.createSessionsMs, 'ms');
      record('agendaGet.median', p.agendaGetMs.median, 'ms');
      record('agendaGet.p95', p.agendaGetMs.p95, 'ms');

      const b = await benchBrowserScreens(p.dbPath, p.forumId);
      console.log(`\nThe same forum in Chromium (browser mode), ${b.participantListMs.length} runs each`);
      console.log(`  participant list, navigation to first rows: median ${fmt(median(b.participantListMs))} ms, max ${fmt(Math.max(...b.participantListMs))} ms (target < 200 ms)`);
      console.log(`  scrolled end to end in ${fmt(b.scroll.frames)} frames (${fmt(b.scroll.rowsSeen)} rows seen): longest frame ${fmt(b.scroll.maxFrameMs, 1)} ms, p95 ${fmt(b.scroll.p95FrameMs, 1)} ms (target: none over 50 ms)`);
      console.log(`  agenda of ${fmt(p.sessions)} sessions, navigation to the first day on screen: median ${fmt(median(b.agendaMs))} ms, max ${fmt(Math.max(...b.agendaMs))} ms (target < 300 ms)`);
      record('browser.list.median', median(b.participantListMs), 'ms', { below: 200 });
      record('browser.list.max', Math.max(...b.participantListMs), 'ms');
      record('browser.scroll.longestFrame', b.scroll.maxFrameMs, 'ms', { below: 50 });
      record('browser.scroll.p95Frame', b.scroll.p95FrameMs, 'ms');
      record('browser.agenda.median', median(b.agendaMs), 'ms', { below: 300 });
      record('browser.agenda.max', Math.max(...b.agendaMs), 'ms');

      // After the browser figures: it adds session roles to the same forum.
      const st = await benchStats(p.dbPath, p.forumId);
      console.log(`\nParticipation figures (stats:get) on the same forum: ${fmt(st.participants)} participants, ${fmt(st.sessions)} sessions, ${fmt(st.roles)} session roles`);
      console.log(`  median ${fmt(st.medianMs, 1)} ms, p95 ${fmt(st.p95Ms, 1)} ms over ${st.runs} runs\n`);
      record('stats.median', st.medianMs, 'ms');
      record('stats.p95', st.p95Ms, 'ms');
    },
  },
  {
    name: 'search',
    about: 'search over 100,000 notes, and the server memory after it',
    run: async (dir, record) => {
      // Its own database: the demo forum plus 100,000 notes, then a browser-mode server on it.
      const q = await benchSearch(dir);
      console.log(`Search over ${fmt(q.notes)} notes (English, Spanish, Chinese, Arabic) on the demo forum, written through the change log in ${fmt(q.seedMs / 1000, 1)} s`);
      console.log(`  search:query (all four groups, top 20 each, snippets, validation included), ${q.runs} runs each, vs raw FTS5 ranked top 20 on the notes (target p95 < 20 ms):`);
      for (const r of q.queries) {
        const raw = Number.isNaN(r.rawMedianMs) ? 'raw FTS5 n/a (under 3 characters, or two words)' : `raw median ${fmt(r.rawMedianMs, 1)} ms, p95 ${fmt(r.rawP95Ms, 1)} ms`;
        console.log(`    ${r.label.padEnd(26)} "${r.query}": ${fmt(r.hits)} notes, median ${fmt(r.medianMs, 1)} ms, p95 ${fmt(r.p95Ms, 1)} ms; ${raw}`);
        record(`query.${slug(r.label)}.median`, r.medianMs, 'ms');
        record(`query.${slug(r.label)}.p95`, r.p95Ms, 'ms', { below: 20 });
        record(`query.${slug(r.label)}.rawP95`, r.rawP95Ms, 'ms');
      }
      console.log(`  the first search of 1 or 2 characters after opening (indexes how notes end, once): ${fmt(q.firstShortSearchMs)} ms`);
      console.log(`  browser-mode server after searches over HTTP (median ${fmt(q.serverSearchMedianMs, 1)} ms each): ${fmt(q.serverRssMb)} MB resident, peak ${fmt(q.serverPeakRssMb)} MB (target < 150 MB)\n`);
      record('seed', q.seedMs, 'ms');
      record('firstShortSearch', q.firstShortSearchMs, 'ms');
      record('server.searchMedian', q.serverSearchMedianMs, 'ms');
      record('server.rss', q.serverRssMb, 'MB', { below: 150 });
      record('server.peakRss', q.serverPeakRssMb, 'MB');
    },
  },
  {
    name: 'capture',
    about: 'typing in Chromium in a session of 10,000 notes',
    run: async (dir, record) => {
      const k = await benchCapture(path.join(dir, 'capture.sqlite'));
      console.log(`Capture in Chromium with ${fmt(k.notes)} notes in the session (seeded through the change log in ${fmt(k.seedMs)} ms)`);
      console.log(`  session opened, composer ready with the newest notes on screen: ${fmt(k.openMs)} ms`);
      console.log(`  keystroke to next frame over ${k.keystrokes} keys: median ${fmt(k.medianMs, 1)} ms, p95 ${fmt(k.p95Ms, 1)} ms, max ${fmt(k.maxMs, 1)} ms (target p95 < 16 ms)`);
      console.log(`  the app's own work per key: median ${fmt(k.handledMedianMs, 1)} ms, p95 ${fmt(k.handledP95Ms, 1)} ms; a bare textarea in the same Chromium: median ${fmt(k.bareMedianMs, 1)} ms, p95 ${fmt(k.bareP95Ms, 1)} ms (the wait for the frame itself)\n`);
      record('open', k.openMs, 'ms');
      record('keystroke.median', k.medianMs, 'ms');
      record('keystroke.p95', k.p95Ms, 'ms', { below: 16 });
      record('keystroke.max', k.maxMs, 'ms');
      record('handled.median', k.handledMedianMs, 'ms');
      record('handled.p95', k.handledP95Ms, 'ms');
      record('bareTextarea.p95', k.bareP95Ms, 'ms');
    },
  },
  {
    name: 'drafting',
    about: 'a 60-paragraph, 6-language document with 300 amendments: core, Chromium, word diffs',
    run: async (dir, record) => {
      const d = await benchDrafting(path.join(dir, 'drafting.sqlite'));
      console.log(`Drafting: a ${fmt(d.paragraphs)}-paragraph document in ${d.languages} languages with ${fmt(d.amendments)} amendments and ${fmt(d.revisions)} revisions (seeded through the store in ${fmt(d.seedMs / 1000, 1)} s)`);
      console.log(`  outcome:get in the core (validation included): median ${fmt(d.getMedianMs, 1)} ms, p95 ${fmt(d.getP95Ms, 1)} ms`);
      console.log(`  drafting view in Chromium, navigation to the frame drawn with all ${fmt(d.paragraphs)} paragraphs: median ${fmt(median(d.openMs))} ms, max ${fmt(Math.max(...d.openMs))} ms over ${d.openMs.length} runs, the first of which loads the screen's code (target < 300 ms)`);
      record('outcomeGet.median', d.getMedianMs, 'ms');
      record('outcomeGet.p95', d.getP95Ms, 'ms');
      record('view.median', median(d.openMs), 'ms', { below: 300 });
      record('view.first', d.openMs[0] ?? NaN, 'ms');
      for (const x of d.diff) {
        console.log(`  word diff of two revisions of a ${fmt(x.words)}-word ${x.label} paragraph: median ${fmt(x.medianMs, 2)} ms, p95 ${fmt(x.p95Ms, 2)} ms (target < 20 ms); jsdiff's diffWords on the same pair: median ${fmt(x.diffWordsMedianMs, 2)} ms`);
        record(`diff.${slug(x.label)}.median`, x.medianMs, 'ms');
        record(`diff.${slug(x.label)}.p95`, x.p95Ms, 'ms', { below: 20 });
        record(`diff.${slug(x.label)}.diffWordsMedian`, x.diffWordsMedianMs, 'ms');
      }
      console.log('');
    },
  },
  {
    name: 'keyMessagesDocument',
    about: 'the Key messages document generated for 500 sessions and 2,500 key messages, then refreshed',
    run: async (dir, record) => {
      const k = await benchKeyMessagesDocument(path.join(dir, 'key-messages.sqlite'));
      console.log(`Key messages document: ${fmt(k.sessions)} sessions, ${fmt(k.keyMessages)} validated key messages in ${k.languages} languages (seeded in ${fmt(k.seedMs)} ms)`);
      console.log(`  generated from nothing, every paragraph through the change log: ${fmt(k.firstMs)} ms (target < 1,000 ms)`);
      console.log(`  run again, nothing new: ${fmt(k.unchangedMs)} ms; after ${fmt(k.refresh.updated + k.refresh.keptEdited)} messages changed (half their paragraphs edited): ${fmt(k.refreshMs)} ms, updated ${fmt(k.refresh.updated)}, kept ${fmt(k.refresh.keptEdited)} edited`);
      console.log(`  the ${fmt(k.flags)} flags of the refreshed document (asked by the drafting screen after each change): ${fmt(k.flagsMs)} ms\n`);
      record('generate', k.firstMs, 'ms', { below: 1000 });
      record('unchanged', k.unchangedMs, 'ms');
      record('refresh', k.refreshMs, 'ms');
      record('flags', k.flagsMs, 'ms');
    },
  },
  {
    name: 'conceptNote',
    about: 'a forty-page concept note with rich text exported to Word, alone and beside its translation',
    run: async (dir, record) => {
      const c = await benchConceptNote(path.join(dir, 'concept-note.sqlite'));
      console.log(`Concept note: ${fmt(c.paragraphs)} paragraphs, ${fmt(c.words)} words (about ${fmt(c.pages)} pages), italics, bold, lists, links and footnotes`);
      console.log(`  DOCX in English: median ${fmt(c.docxMedianMs)} ms, max ${fmt(c.docxMaxMs)} ms over ${c.runs} runs, ${fmt(c.bytes / 1024)} KiB (target < 1,000 ms)`);
      console.log(`  DOCX with the Spanish beside it (two columns): median ${fmt(c.parallelMedianMs)} ms\n`);
      record('docx.median', c.docxMedianMs, 'ms', { below: 1000 });
      record('docx.max', c.docxMaxMs, 'ms');
      record('docx.parallel.median', c.parallelMedianMs, 'ms');
      record('pages', c.pages, 'pages');
    },
  },
  {
    name: 'roles',
    about: 'what checking roles adds to importing 10,000 changes and to one local write',
    run: async (dir, record) => {
      const r = await benchRoles(dir);
      const added = r.importOnMs / r.importOffMs - 1;
      console.log(`Roles: a rapporteur's ${fmt(r.changes)} notes imported into a fresh laptop (median of ${r.repeats}), and ${fmt(r.writes)} single local writes`);
      console.log(`  roles off: ${fmt(r.importOffMs)} ms; roles on, every change checked against the grants at its clock: ${fmt(r.importOnMs)} ms; added ${fmt(added * 100, 1)} % (target < 20 %)`);
      console.log(`  one local write: ${fmt(r.writeOffMs, 3)} ms with roles off, ${fmt(r.writeOnMs, 3)} ms on; added ${fmt(r.writeOnMs - r.writeOffMs, 3)} ms (target < 1 ms)\n`);
      record('import.off', r.importOffMs, 'ms');
      record('import.on', r.importOnMs, 'ms');
      record('import.added', added * 100, '%', { below: 20 });
      record('write.off', r.writeOffMs, 'ms');
      record('write.on', r.writeOnMs, 'ms');
      record('write.added', r.writeOnMs - r.writeOffMs, 'ms', { below: 1 });
    },
  },
  {
    name: 'venue',
    about: 'the venue network on loopback: 10 laptops typing a note every 2 s, 500 phones polling the companion',
    run: async (dir, record) => {
      const v = await benchVenue(dir);
      console.log(`Venue network on loopback: ${v.laptops} laptops (a hub in this process, ${v.laptops - 1} \`plenary serve --venue\` processes paired with it), each typing a note every 2 s for ${v.seconds} s`);
      console.log(`  ${fmt(v.notes)} notes, ${fmt(v.arrivals)} arrivals timed (${fmt(v.missing)} missing): p50 ${fmt(v.propagationP50Ms)} ms, p95 ${fmt(v.propagationP95Ms)} ms (target < 3,000 ms), max ${fmt(v.propagationMaxMs)} ms`);
      console.log(`  the hub's main thread while syncing: event-loop delay p99 ${fmt(v.loopDelayP99Ms, 1)} ms, max ${fmt(v.loopDelayMaxMs, 1)} ms (target: stalls < 50 ms)`);
      console.log(`  companion: ${fmt(v.clients)} phones, each from its own address, polling every 5 s for ${v.phoneSeconds} s once the typing stopped: ${fmt(v.companionRequests)} answers, ${fmt(v.companionFailures)} refused or failed; p50 ${fmt(v.companionP50Ms, 1)} ms, p95 ${fmt(v.companionP95Ms, 1)} ms (target < 100 ms)`);
      console.log(`  the serving laptop's process: ${fmt(v.companionRssMiB)} MiB resident at the end, peak ${fmt(v.companionPeakRssMiB)} MiB (target < 200 MB)\n`);
      record('propagation.p50', v.propagationP50Ms, 'ms');
      record('propagation.p95', v.propagationP95Ms, 'ms', { below: 3000 });
      record('propagation.max', v.propagationMaxMs, 'ms');
      record('propagation.missing', v.missing, 'arrivals', { below: 1 });
      record('hubLoopDelay.p99', v.loopDelayP99Ms, 'ms');
      record('hubLoopDelay.max', v.loopDelayMaxMs, 'ms', { below: 50 });
      record('companion.p95', v.companionP95Ms, 'ms', { below: 100 });
      record('companion.failures', v.companionFailures, 'requests');
      record('companion.peakRss', v.companionPeakRssMiB, 'MiB', { below: 200 });
    },
  },
  {
    name: 'exports',
    about: 'the drafting document exported as DOCX, PDF, HTML and Markdown',
    run: async (dir, record) => {
      const e = await benchExports(path.join(dir, 'exports.sqlite'));
      console.log(`Exports: the ${fmt(e.paragraphs)}-paragraph document in ${e.languages} parallel columns with ${fmt(e.amendments)} amendments, both annexes (targets: DOCX < 500 ms, PDF < 3,000 ms)`);
      for (const f of e.formats) {
        console.log(`  ${f.label.padEnd(40)} median ${fmt(f.medianMs)} ms, max ${fmt(f.maxMs)} ms over ${f.runs} runs; ${fmt(f.bytes / 1024)} KiB`);
        const target = f.label.startsWith('DOCX') ? { below: 500 } : f.label.startsWith('PDF') ? { below: 3000 } : undefined;
        record(`${slug(f.label)}.median`, f.medianMs, 'ms', target);
        record(`${slug(f.label)}.max`, f.maxMs, 'ms');
        record(`${slug(f.label)}.size`, f.bytes / 1024, 'KiB');
      }
      console.log('');
    },
  },
  ...documentBenchGroups,
  {
    name: 'checks',
    about: 'agenda warnings over 500 sessions, duplicate suggestions over 500 key messages',
    run: async (_dir, record) => {
      const c = await benchChecks();
      console.log(`Checks over a whole forum, median of 20 runs`);
      console.log(`  agenda warnings over ${fmt(c.sessions)} sessions and ${fmt(c.roles)} roles: median ${fmt(c.warningsMedianMs, 2)} ms, p95 ${fmt(c.warningsP95Ms, 2)} ms`);
      console.log(`  duplicate suggestions among ${fmt(c.messages)} key messages (TF-IDF): median ${fmt(c.duplicatesMedianMs, 1)} ms, p95 ${fmt(c.duplicatesP95Ms, 1)} ms (target < 1,000 ms)\n`);
      record('agendaWarnings.median', c.warningsMedianMs, 'ms');
      record('agendaWarnings.p95', c.warningsP95Ms, 'ms');
      record('duplicates.median', c.duplicatesMedianMs, 'ms', { below: 1000 });
      record('duplicates.p95', c.duplicatesP95Ms, 'ms');
    },
  },
];

/** The first line of a run: what the figures were measured on. */
export function header(): string {
  return `Plenary benchmarks on ${os.cpus().length} cores, Node ${process.version}\n`;
}
