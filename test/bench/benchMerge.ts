import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { invoke } from '../../main/core/commands/invoke';
import { closeCore, openCore, type CoreContext } from '../../main/core/coreContext';
import { keyFilePath } from '../../main/core/sync/deviceKeyStore';
import { backupForImport } from '../../main/core/workers/backupForImport';
import { checkpointWal } from '../../main/core/store/walCheckpoints';
import { floorStart, mergeFloor, type MergeFloorFigures } from './mergeFloor';
import { buildDayTwo, buildMergeWorkload, mergeWithYjs, plenaryNotes } from './mergeWorkload';
import { readingMs, takeWholeForum, type WholeForumFigures } from './benchWholeForum';

interface AppMerge {
  previewMs: number;
  importMs: number;
  longestStallMs: number;
}

export interface MergeFigures {
  laptops: number;
  changes: number;
  /** The median of `plenaryRunsMs`. */
  plenaryMs: number;
  /** The merge timed `mergeRaces` times, each into a fresh copy of the secretariat and each followed by Yjs. */
  plenaryRunsMs: number[];
  /** The longest the main thread went without turning its event loop during the first merge. */
  longestStallMs: number;
  /** The median of `yjsRunsMs`. */
  yjsMs: number;
  yjsRunsMs: number[];
  /** The median of Plenary ÷ Yjs within each pair: the machine's load moves both alike. */
  ratio: number;
  plenaryBytesPer1000: number;
  yjsBytesPer1000: number;
  notes: number;
  /** Notes whose final text differs between the two (must be 0). */
  disagreements: number;
  /** SQLite storing the same rows by raw SQL, measured right after Yjs (see mergeFloor). */
  floor: MergeFloorFigures;
  /** Day two: the same laptops' edits of notes the secretariat has, merged the same way. */
  dayTwo: { changes: number; ms: number; disagreements: number; longestStallMs: number; app: AppMerge };
  /** The backup an import takes, of the secretariat's database after day two. */
  backup: BackupFigures;
  /** The secretariat then saves the whole merged forum as one bundle, to give every laptop all of it. */
  exportAll: { changes: number; ms: number; bytes: number; longestStallMs: number };
  /** The same merge as the app runs it, on a copy of the secretariat as it was: preview, then import. */
  app: AppMerge;
  /** The same, the user reading the preview for `readingMs` before clicking Import. */
  appAfterReading: AppMerge;
  /** A fresh laptop then takes that bundle: as the CLI does, and as the app does (preview first). */
  wholeForum: WholeForumFigures;
}

/**
 * Runs `work` and answers how long it took and the longest the main thread stayed busy in one go
 * meanwhile: in the desktop app that thread answers every window, so a stall is a frozen screen.
 */
async function watchingTheLoop<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; longestStallMs: number }> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const start = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - start, longestStallMs: loop.max / 1e6 };
  } finally {
    loop.disable();
  }
}

/**
 * The end of a World Urban Forum day: 50 rapporteur laptops' bundles merged into the
 * secretariat's laptop (which has the forum already) through the path the app uses, against Yjs
 * applying the same work as updates in the same process.
 */
export async function benchMerge(dir: string, laptops = 50, perLaptop = 2_000): Promise<MergeFigures> {
  const workload = await buildMergeWorkload(dir, laptops, perLaptop);
  const file = path.join(dir, 'merge-secretariat.sqlite');
  const secretariat = await openCore(file);
  try {
    await invoke(secretariat, 'bundle:import', { data: Buffer.from(workload.base).toString('base64'), trustNewDevice: true });
    // What the floors start from: the forum, its sessions and the paragraph, as the merge found them.
    const floorFrom = floorStart(secretariat.db, file, path.join(dir, 'merge-floor-start.sqlite'));
    const files = workload.bundles.map((bytes, i) => ({ name: `laptop-${i}.plenary`, data: Buffer.from(bytes).toString('base64') }));
    // A USB stick of 50 bundles: one session, as the app imports it (the user trusts them all).
    const merged = await watchingTheLoop(() => invoke(secretariat, 'bundles:import', { files, trust: true }));
    const { bundles } = merged.value;
    const refused = bundles.filter((b) => b.status !== 'imported');
    if (refused.length > 0) throw new Error(`The merge refused ${refused.length} bundles: ${JSON.stringify(refused[0])}`);
    const yjs = mergeWithYjs(workload);
    // The race again, each merge into the secretariat as it was and each followed by Yjs: one
    // run's verdict on a busy 2-core machine swings by a third.
    const plenaryRunsMs = [merged.ms];
    const yjsRunsMs = [yjs.ms];
    for (let race = 1; race < mergeRaces; race++) {
      const again = copyOfFloorStart(floorFrom.copy, file, path.join(dir, `merge-secretariat-race-${race}.sqlite`));
      plenaryRunsMs.push(await mergeIntoCopy(again, workload.base, files, plenaryNotes(secretariat, workload.forumId).size, workload.forumId));
      yjsRunsMs.push(mergeWithYjs(workload).ms);
    }
    const appCopy = path.join(dir, 'merge-secretariat-app.sqlite');
    const readCopy = path.join(dir, 'merge-secretariat-app-read.sqlite');
    for (const copy of [appCopy, readCopy]) copyOfFloorStart(floorFrom.copy, file, copy);
    // Right after Yjs, so the machine's load moves both alike.
    const floor = await mergeFloor(secretariat.db, floorFrom, dir);
    const notes = plenaryNotes(secretariat, workload.forumId).size;
    const app = await mergeAsTheAppDoes(appCopy, files, notes, workload.forumId);
    const appAfterReading = await mergeAsTheAppDoes(readCopy, files, notes, workload.forumId, readingMs);
    const ours = plenaryNotes(secretariat, workload.forumId);
    let disagreements = Math.abs(ours.size - yjs.notes.size);
    for (const [id, text] of yjs.notes) if (ours.get(id) !== text || workload.expectedNotes.get(id) !== text) disagreements += 1;
    const dayTwo = await mergeDayTwo(dir, workload, secretariat);
    const backup = await backUp(dir, secretariat);
    // As the app saves it: composed on the worker thread, signed on the main one.
    const saved = await watchingTheLoop(() => invoke(secretariat, 'bundle:export', { forumId: workload.forumId }));
    const exportAll = { changes: saved.value.changes, ms: saved.ms, bytes: saved.value.bytes, longestStallMs: saved.longestStallMs };
    const wholeForum = await takeWholeForum(dir, saved.value.data, saved.value.changes);
    const bytes = (list: Uint8Array[]) => list.reduce((sum, b) => sum + b.length, 0);
    return {
      laptops,
      changes: workload.changes,
      plenaryMs: median(plenaryRunsMs),
      plenaryRunsMs,
      longestStallMs: merged.longestStallMs,
      yjsMs: median(yjsRunsMs),
      yjsRunsMs,
      ratio: median(plenaryRunsMs.map((ms, i) => ms / (yjsRunsMs[i] ?? NaN))),
      plenaryBytesPer1000: (bytes(workload.bundles) / workload.changes) * 1000,
      yjsBytesPer1000: (bytes(workload.yjsUpdates) / workload.changes) * 1000,
      notes: ours.size,
      disagreements,
      floor,
      app,
      appAfterReading,
      dayTwo,
      backup,
      exportAll,
      wholeForum,
    };
  } finally {
    closeCore(secretariat);
  }
}

/** How many times the first merge races Yjs; the figures are the medians. */
const mergeRaces = 3;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

/** The secretariat as it was before the merge, its signing key beside it: the same laptop. */
function copyOfFloorStart(start: string, file: string, copy: string): string {
  for (const suffix of ['', '-wal', '-shm', '.key']) fs.rmSync(`${copy}${suffix}`, { force: true });
  fs.copyFileSync(start, copy);
  if (fs.existsSync(keyFilePath(file))) fs.copyFileSync(keyFilePath(file), keyFilePath(copy));
  return copy;
}

/**
 * The first merge again, as the bench's first one ran: the CLI's path, into a copy of the
 * secretariat whose worker has run once (the base bundle, all of it here already, as the first
 * merge's laptop had imported it). It must end with the same notes.
 */
async function mergeIntoCopy(file: string, base: Uint8Array, files: Array<{ name: string; data: string }>, notes: number, forumId: string): Promise<number> {
  const ctx = await openCore(file);
  try {
    await invoke(ctx, 'bundle:import', { data: Buffer.from(base).toString('base64'), trustNewDevice: true });
    const started = performance.now();
    const { bundles } = await invoke(ctx, 'bundles:import', { files, trust: true });
    const ms = performance.now() - started;
    if (bundles.some((b) => b.status !== 'imported')) throw new Error(`A repeated merge refused a bundle: ${JSON.stringify(bundles.find((b) => b.status !== 'imported'))}`);
    const got = plenaryNotes(ctx, forumId).size;
    if (got !== notes) throw new Error(`A repeated merge ended with ${got} notes, the first with ${notes}`);
    return ms;
  } finally {
    closeCore(ctx);
    for (const suffix of ['', '-wal', '-shm', '.key']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
}

/**
 * The secretariat in the app drops the stick's fifty files, reads the preview, then clicks Import:
 * the import takes the bundles the preview verified. On a copy of its database as it was before
 * the merge; it must end with the same notes.
 */
async function mergeAsTheAppDoes(file: string, files: Array<{ name: string; data: string }>, notes: number, forumId: string, readFor = 0): Promise<AppMerge> {
  const ctx = await openCore(file);
  try {
    const started = performance.now();
    const { bundles: previews } = await invoke(ctx, 'bundles:preview', { files });
    const previewMs = performance.now() - started;
    if (previews.some((p) => p.status !== 'ready')) throw new Error(`The app's preview refused a bundle: ${JSON.stringify(previews.find((p) => p.status !== 'ready'))}`);
    await new Promise((resolve) => setTimeout(resolve, readFor));
    const merged = await watchingTheLoop(() => invoke(ctx, 'bundles:import', { files, trust: true }));
    if (merged.value.bundles.some((b) => b.status !== 'imported')) throw new Error("The app's merge refused a bundle");
    const got = plenaryNotes(ctx, forumId).size;
    if (got !== notes) throw new Error(`The app's merge ended with ${got} notes, the bench's with ${notes}`);
    return { previewMs, importMs: merged.ms, longestStallMs: merged.longestStallMs };
  } finally {
    closeCore(ctx);
    for (const suffix of ['', '-wal', '-shm', '.key']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
}

export interface BackupFigures {
  bytes: number;
  /** As an import takes it (backupForImport): the file copied once the WAL is in it, then checked on the second thread. */
  ms: number;
  longestStallMs: number;
  /** The same backup as imports took it before 2fe890e: SQLite's backup API copying, then the same check. */
  apiMs: number;
  apiLongestStallMs: number;
}

/** A copy of the context's database as it stands, its signing key beside it: the same laptop. */
function copyOfDatabase(ctx: CoreContext, copy: string): string {
  checkpointWal(ctx.db, 'TRUNCATE');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${copy}${suffix}`, { force: true });
  fs.copyFileSync(ctx.databasePath, copy);
  if (fs.existsSync(keyFilePath(ctx.databasePath))) fs.copyFileSync(keyFilePath(ctx.databasePath), keyFilePath(copy));
  return copy;
}

/** The backup before an import, of a database a day's merges have filled, against SQLite's backup API alone. */
async function backUp(dir: string, secretariat: CoreContext): Promise<BackupFigures> {
  const folder = path.join(dir, 'merge-backups');
  // Both start from the WAL written back, as an import usually finds it (SQLite's own checkpoints).
  checkpointWal(secretariat.db, 'TRUNCATE');
  const taken = await watchingTheLoop(() => backupForImport(secretariat, folder, 'bench'));
  const bytes = fs.statSync(taken.value).size;
  const copy = path.join(dir, 'merge-backup-api.sqlite');
  const api = await watchingTheLoop(async () => {
    await secretariat.db.backup(copy);
    const { problem } = await secretariat.checker.run('backup:check', { copy });
    if (problem) throw new Error(`The backup API's copy failed its check: ${problem}`);
  });
  fs.rmSync(folder, { recursive: true, force: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${copy}${suffix}`, { force: true });
  return { bytes, ms: taken.ms, longestStallMs: taken.longestStallMs, apiMs: api.ms, apiLongestStallMs: api.longestStallMs };
}

/** The next evening: every laptop's edits of the notes it handed in yesterday, one USB stick again. */
async function mergeDayTwo(dir: string, workload: Awaited<ReturnType<typeof buildMergeWorkload>>, secretariat: CoreContext): Promise<MergeFigures['dayTwo']> {
  const day = await buildDayTwo(dir, workload, secretariat.deviceId);
  const files = day.bundles.map((bytes, i) => ({ name: `laptop-${i}-day-two.plenary`, data: Buffer.from(bytes).toString('base64') }));
  // As the app takes it, on a copy of the secretariat before the merge: the preview read for a while, then Import.
  const appCopy = copyOfDatabase(secretariat, path.join(dir, 'merge-secretariat-day-two-app.sqlite'));
  const app = await mergeAsTheAppDoes(appCopy, files, plenaryNotes(secretariat, workload.forumId).size, workload.forumId, readingMs);
  const merged = await watchingTheLoop(() => invoke(secretariat, 'bundles:import', { files, trust: true }));
  const { bundles } = merged.value;
  if (bundles.some((b) => b.status !== 'imported')) throw new Error(`Day two's merge refused a bundle: ${JSON.stringify(bundles.find((b) => b.status !== 'imported'))}`);
  const ours = plenaryNotes(secretariat, workload.forumId);
  let disagreements = Math.abs(ours.size - workload.expectedNotes.size);
  for (const [id, text] of workload.expectedNotes) if (ours.get(id) !== text) disagreements += 1;
  return { changes: day.changes, ms: merged.ms, disagreements, longestStallMs: merged.longestStallMs, app };
}
