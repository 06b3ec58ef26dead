import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../main/core/store/openDatabase';
import { withSearchDeferred } from '../../main/core/store/searchIndexes';
import { fmt, median } from './benchFormat';
import type { Recorder } from './figures';

/**
 * How fast SQLite itself can store what a merge stores, measured in the same run as the merge and
 * Yjs: the rows the merge added to the log and the notes it created, written back by raw SQL in
 * one transaction onto a copy of the secretariat's database as it was before the merge. Nothing of
 * the app runs but the search deferral; no reading, verifying, planning or folding. With this
 * schema (its indexes and search), no merge can take less than the first floor. The second is the
 * same without the log's one index: what any leaner log (integer keys, fewer bytes) could at
 * best approach while the notes stay listed and searchable. The third (no index, key or trigger
 * at all) is the least any SQLite store of these rows could take.
 */
export interface MergeFloorFigures {
  runs: number;
  /** Median time, BEGIN to COMMIT returned, into the schema's tables (indexes, keys, search). */
  floorMs: number;
  /** The same, the log's index (tbl, row_id, hlc, device) dropped first; notes and search as in the schema. */
  floorLogUnindexedMs: number;
  /** The same rows into tables of the same columns with no index, key, trigger or search. */
  floorNoIndexMs: number;
  /** Where the indexed floor's time went (medians of each step; they need not add up exactly). */
  steps: FloorSteps;
  logUnindexedSteps: FloorSteps;
  /** The same for the floor with no index (no search step). */
  noIndexSteps: FloorSteps;
  changes: number;
  notes: number;
}

export interface FloorSteps {
  logMs: number;
  notesMs: number;
  /** The deferred search fill (and the deferral's flag rows); 0 with no index. */
  searchMs: number;
  commitMs: number;
  /**
   * A checkpoint right after, outside the floor's own time; the report adds it. The app raises
   * the autocheckpoint to 16,384 pages during a merge: the schema's floor passes it (its COMMIT
   * checkpoints), the leaner ones may not, and this is the writing back they leave for later.
   */
  checkpointAfterMs: number;
}

/** The secretariat before the merge: a copy of its file, and where its log and notes ended. */
export interface FloorStart {
  copy: string;
  maxSeq: number;
  noteIds: Set<string>;
}

/** The log columns the app's merge inserts (applyBundlePlans), in its order. */
const changeColumns = ['device', 'hlc', 'tbl', 'row_id', 'forum_id', 'cells', 'parents', 'erased_hash'];

const columnsOf = (db: Database, table: string) =>
  db.prepare(`SELECT name, type FROM pragma_table_info('${table}') ORDER BY cid`).all() as Array<{ name: string; type: string }>;

const count = (db: Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Call before the merge: the database file as it stands, everything in the WAL written into it. */
export function floorStart(db: Database, file: string, copy: string): FloorStart {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  if (!result || result.busy !== 0 || result.log !== result.checkpointed) {
    throw new Error(`The secretariat's WAL could not be checkpointed before the floor's copy: ${JSON.stringify(result)}`);
  }
  removeDatabase(copy);
  fs.copyFileSync(file, copy);
  return {
    copy,
    maxSeq: (db.prepare('SELECT max(seq) FROM changes').pluck().get() as number | null) ?? 0,
    noteIds: new Set(db.prepare('SELECT id FROM notes').pluck().all() as string[]),
  };
}

interface MergedRows {
  changes: unknown[][];
  noteColumns: Array<{ name: string; type: string }>;
  notes: unknown[][];
  /** What the secretariat holds after the merge: each floor must end with as many. */
  totalChanges: number;
  totalNotes: number;
}

/** Call after the merge: the log rows it added, in arrival order, and the notes it created. */
function mergedRows(db: Database, start: FloorStart): MergedRows {
  const noteColumns = columnsOf(db, 'notes');
  if (noteColumns[0]?.name !== 'id') throw new Error('The notes table no longer starts with its id');
  const notes = (db.prepare(`SELECT ${noteColumns.map((c) => c.name).join(', ')} FROM notes ORDER BY rowid`).raw().all() as unknown[][]).filter(
    (row) => !start.noteIds.has(row[0] as string),
  );
  return {
    changes: db.prepare(`SELECT ${changeColumns.join(', ')} FROM changes WHERE seq > ? ORDER BY seq`).raw().all(start.maxSeq) as unknown[][],
    noteColumns,
    notes,
    totalChanges: count(db, 'changes'),
    totalNotes: count(db, 'notes'),
  };
}

const insertSql = (table: string, columns: string[], suffix = '') =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})${suffix}`;

type FloorKind = 'schema' | 'logUnindexed' | 'bare';

/**
 * One floor run on a fresh copy. 'schema': into the schema's own tables, the log with the app's
 * statement, the notes with their search entries deferred (withSearchDeferred: the search
 * trigger set aside, then the app's own searchIndexes.notes.insertMany) as the merge does.
 * 'logUnindexed': the same after dropping the log's index. 'bare': into plain tables (same
 * columns, no index, key, trigger or search).
 * The pragmas are the merge's slices': WAL, synchronous NORMAL, the raised autocheckpoint.
 */
async function floorRun(start: FloorStart, file: string, rows: MergedRows, kind: FloorKind): Promise<{ ms: number; steps: FloorSteps }> {
  const indexed = kind !== 'bare';
  removeDatabase(file);
  fs.copyFileSync(start.copy, file);
  const db = await openDatabase(file);
  try {
    db.pragma('synchronous = NORMAL');
    db.pragma('wal_autocheckpoint = 16384');
    const noteNames = rows.noteColumns.map((c) => c.name);
    let changesTable = 'changes';
    let notesTable = 'notes';
    if (!indexed) {
      changesTable = 'floor_changes';
      notesTable = 'floor_notes';
      const changeTypes = new Map(columnsOf(db, 'changes').map((c) => [c.name, c.type]));
      db.exec(`CREATE TABLE floor_changes (${changeColumns.map((c) => `${c} ${changeTypes.get(c) ?? ''}`).join(', ')}) STRICT`);
      db.exec(`CREATE TABLE floor_notes (${rows.noteColumns.map((c) => `${c.name} ${c.type}`).join(', ')}) STRICT`);
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    if (kind === 'logUnindexed') {
      db.exec('DROP INDEX changes_by_row');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    const changesBefore = count(db, 'changes');
    const notesBefore = count(db, 'notes');
    const insertChange = db.prepare(insertSql(changesTable, changeColumns, indexed ? ' ON CONFLICT DO NOTHING' : ''));
    const insertNote = db.prepare(insertSql(notesTable, noteNames));
    let notesMs = 0;
    const started = performance.now();
    db.exec('BEGIN IMMEDIATE');
    for (const change of rows.changes) insertChange.run(change);
    const logged = performance.now();
    if (indexed) {
      withSearchDeferred(db, (added) => {
        for (const note of rows.notes) added('notes', Number(insertNote.run(note).lastInsertRowid));
        notesMs = performance.now() - logged;
      });
    } else {
      for (const note of rows.notes) insertNote.run(note);
      notesMs = performance.now() - logged;
    }
    const committing = performance.now();
    db.exec('COMMIT');
    const ended = performance.now();
    db.pragma('wal_checkpoint(PASSIVE)');
    const checkpointAfterMs = performance.now() - ended;
    const steps = { logMs: logged - started, notesMs, searchMs: committing - logged - notesMs, commitMs: ended - committing, checkpointAfterMs };

    const changes = indexed ? count(db, 'changes') : changesBefore + count(db, changesTable);
    const notes = indexed ? count(db, 'notes') : notesBefore + count(db, notesTable);
    if (changes !== rows.totalChanges || notes !== rows.totalNotes) {
      throw new Error(`The floor ended with ${changes} changes and ${notes} notes; the merge with ${rows.totalChanges} and ${rows.totalNotes}`);
    }
    if (indexed) {
      // One docsize row per indexed note: the deferral filled the index for every new one.
      const searched = count(db, 'notes_search_docsize');
      if (searched !== notes) throw new Error(`The floor's search indexed ${searched} of its ${notes} notes`);
    }
    return { ms: ended - started, steps };
  } finally {
    db.close();
    removeDatabase(file);
  }
}

/**
 * Both floors, `runs` times each in turn on fresh copies of the start (so the machine's load
 * moves them alike), medians reported. Call right after the merge and Yjs.
 */
export async function mergeFloor(secretariat: Database, start: FloorStart, dir: string, runs = 3): Promise<MergeFloorFigures> {
  const rows = mergedRows(secretariat, start);
  const withIndexes: Array<{ ms: number; steps: FloorSteps }> = [];
  const logUnindexed: Array<{ ms: number; steps: FloorSteps }> = [];
  const withoutIndexes: Array<{ ms: number; steps: FloorSteps }> = [];
  for (let r = 0; r < runs; r++) {
    withIndexes.push(await floorRun(start, path.join(dir, 'merge-floor-indexed.sqlite'), rows, 'schema'));
    logUnindexed.push(await floorRun(start, path.join(dir, 'merge-floor-log-unindexed.sqlite'), rows, 'logUnindexed'));
    withoutIndexes.push(await floorRun(start, path.join(dir, 'merge-floor-bare.sqlite'), rows, 'bare'));
  }
  removeDatabase(start.copy);
  return {
    runs,
    floorMs: median(withIndexes.map((run) => run.ms)),
    floorLogUnindexedMs: median(logUnindexed.map((run) => run.ms)),
    floorNoIndexMs: median(withoutIndexes.map((run) => run.ms)),
    steps: medianSteps(withIndexes.map((run) => run.steps)),
    logUnindexedSteps: medianSteps(logUnindexed.map((run) => run.steps)),
    noIndexSteps: medianSteps(withoutIndexes.map((run) => run.steps)),
    changes: rows.changes.length,
    notes: rows.notes.length,
  };
}

function medianSteps(runs: FloorSteps[]): FloorSteps {
  const of = (step: keyof FloorSteps) => median(runs.map((run) => run[step]));
  return { logMs: of('logMs'), notesMs: of('notesMs'), searchMs: of('searchMs'), commitMs: of('commitMs'), checkpointAfterMs: of('checkpointAfterMs') };
}

/** Printed under the Plenary and Yjs lines of the merge group, and recorded with its figures. */
export function reportMergeFloor(f: MergeFloorFigures, plenaryMs: number, yjsMs: number, record: Recorder): void {
  // The merge writes its WAL back before it returns (its folds and the session's checkpoint); a
  // floor whose WAL stays under the autocheckpoint leaves that for later, so it is added here.
  const writtenBack = (ms: number, s: FloorSteps) => ms + s.checkpointAfterMs;
  const schema = writtenBack(f.floorMs, f.steps);
  const logUnindexed = writtenBack(f.floorLogUnindexedMs, f.logUnindexedSteps);
  const bare = writtenBack(f.floorNoIndexMs, f.noIndexSteps);
  console.log(
    `  SQLite floor, the same ${fmt(f.changes)} log rows and ${fmt(f.notes)} notes by raw SQL in one transaction (median of ${f.runs}): ` +
      `${fmt(f.floorMs)} ms (schema's indexes and search), ${fmt(f.floorLogUnindexedMs)} ms (the same without the log's index), ${fmt(f.floorNoIndexMs)} ms (no index); ` +
      `with the WAL written back ${fmt(schema)} / ${fmt(logUnindexed)} / ${fmt(bare)} ms; ` +
      `Yjs/floor ${fmt(yjsMs / schema, 2)} (${fmt(yjsMs / logUnindexed, 2)} without the log's index, ${fmt(yjsMs / bare, 2)} with no index), Plenary/floor ${fmt(plenaryMs / schema, 2)}`,
  );
  const split = (s: FloorSteps) => `log ${fmt(s.logMs)} ms, notes ${fmt(s.notesMs)} ms, search ${fmt(s.searchMs)} ms, COMMIT ${fmt(s.commitMs)} ms (then a checkpoint: ${fmt(s.checkpointAfterMs)} ms)`;
  console.log(`    where the floor's time goes: ${split(f.steps)}; without the log's index: ${split(f.logUnindexedSteps)}; with no index: ${split(f.noIndexSteps)}`);
  record('floorMs', f.floorMs, 'ms');
  record('floorLogUnindexedMs', f.floorLogUnindexedMs, 'ms');
  record('floorNoIndexMs', f.floorNoIndexMs, 'ms');
  record('floorWrittenBackMs', schema, 'ms');
  record('floorLogUnindexedWrittenBackMs', logUnindexed, 'ms');
  record('floorNoIndexWrittenBackMs', bare, 'ms');
  record('plenaryToFloor', plenaryMs / schema, 'ratio');
  record('yjsToFloor', yjsMs / schema, 'ratio');
  record('yjsToFloorLogUnindexed', yjsMs / logUnindexed, 'ratio');
  record('yjsToFloorNoIndex', yjsMs / bare, 'ratio');
  for (const [prefix, steps] of [['floorSteps', f.steps], ['floorLogUnindexedSteps', f.logUnindexedSteps], ['floorNoIndexSteps', f.noIndexSteps]] as const) {
    for (const [step, ms] of Object.entries(steps)) record(`${prefix}.${step}`, ms, 'ms');
  }
}
