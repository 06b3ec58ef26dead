import { fmt } from './benchFormat';
import type { MergeFigures } from './benchMerge';
import type { Recorder } from './figures';
import { reportMergeFloor } from './mergeFloor';

/** The merge group's lines on screen and its figures in the JSON. */
export function reportMerge(m: MergeFigures, record: Recorder): void {
  console.log(`Merge at World Urban Forum scale: ${fmt(m.laptops)} laptops' bundles, ${fmt(m.changes)} changes, into a laptop that has the forum`);
  console.log(`  Plenary (worker verifies and plans, main connection applies, durably, search indexed): ${fmt(m.plenaryMs)} ms (target <= 2,000 ms and below Yjs)`);
  console.log(`  Yjs applying the same work as updates: ${fmt(m.yjsMs)} ms; ratio ${fmt(m.plenaryMs / m.yjsMs, 2)}`);
  reportMergeFloor(m.floor, m.plenaryMs, m.yjsMs, record);
  console.log(`  the same merge as the app runs it (drop the stick, read the preview, click Import): preview ${fmt(m.app.previewMs)} ms, then import ${fmt(m.app.importMs)} ms (it takes the bundles the preview verified); longest stall ${fmt(m.app.longestStallMs)} ms`);
  record('app.preview', m.app.previewMs, 'ms');
  record('app.import', m.app.importMs, 'ms');
  record('app.longestStall', m.app.longestStallMs, 'ms');
  console.log(`  bytes per 1,000 changes: Plenary bundles ${fmt(m.plenaryBytesPer1000)}, Yjs updates ${fmt(m.yjsBytesPer1000)}`);
  console.log(`  final note texts: ${fmt(m.notes)} notes, ${fmt(m.disagreements)} differing from Yjs's`);
  console.log(`  day two, ${fmt(m.dayTwo.changes)} edits of notes the secretariat has (re-projected, not inserted): ${fmt(m.dayTwo.ms)} ms; ${fmt(m.dayTwo.disagreements)} note texts differing from the laptops'`);
  console.log(`  the whole merged forum saved as one bundle (${fmt(m.exportAll.changes)} changes, to give every laptop all of it): ${fmt(m.exportAll.ms)} ms, ${fmt(m.exportAll.bytes / 1024 / 1024, 1)} MiB; the main thread's longest stall meanwhile ${fmt(m.exportAll.longestStallMs)} ms`);
  const w = m.wholeForum;
  console.log(`  a fresh laptop takes that bundle: import alone (the CLI) ${fmt(w.direct.importMs)} ms; preview ${fmt(w.app.previewMs)} ms then import ${fmt(w.app.importMs)} ms (the app); the bar stood still at most ${fmt(w.direct.longestStillMs)} / ${fmt(w.app.longestStillMs)} ms; the main thread's longest stall ${fmt(w.direct.longestStallMs)} / ${fmt(w.app.longestStallMs)} ms`);
  console.log(`  the main thread's longest stall (its event loop not turning): ${fmt(m.longestStallMs)} ms in the first merge, ${fmt(m.dayTwo.longestStallMs)} ms on day two (a slice may take 150 ms while nobody uses the screens)\n`);
  record('plenary', m.plenaryMs, 'ms', { below: 2000 });
  record('yjs', m.yjsMs, 'ms');
  record('ratio', m.plenaryMs / m.yjsMs, 'ratio', { below: 1 });
  record('plenaryBytesPer1000', m.plenaryBytesPer1000, 'bytes');
  record('yjsBytesPer1000', m.yjsBytesPer1000, 'bytes');
  record('disagreements', m.disagreements, 'notes', { below: 1 });
  record('dayTwo', m.dayTwo.ms, 'ms');
  record('dayTwoDisagreements', m.dayTwo.disagreements, 'notes', { below: 1 });
  record('longestStall', m.longestStallMs, 'ms');
  record('exportAll', m.exportAll.ms, 'ms');
  record('dayTwoLongestStall', m.dayTwo.longestStallMs, 'ms');
  record('exportAllLongestStall', m.exportAll.longestStallMs, 'ms');
  record('wholeForum.direct.import', w.direct.importMs, 'ms');
  record('wholeForum.direct.longestStill', w.direct.longestStillMs, 'ms');
  record('wholeForum.app.preview', w.app.previewMs, 'ms');
  record('wholeForum.app.import', w.app.importMs, 'ms');
  record('wholeForum.app.longestStill', w.app.longestStillMs, 'ms');
  record('wholeForum.app.longestStall', w.app.longestStallMs, 'ms');
}
