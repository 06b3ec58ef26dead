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
 * schema (its indexes and search), no merge can take less than the first floor; the second (no
 * index, key or trigger at all) is the least any SQLite store of these rows could take.
 */
export interface MergeFloorFigures {
  runs: number;
  /** Median time, BEGIN to COMMIT returned, into the schema's tables (indexes, keys, search). */
  floorMs: number;
  /** The same rows into tables of the same columns with no index, key, trigger or search. */
  floorNoIndexMs: number;
  /** Where the indexed floor's time went (medians of each step; they need not add up exactly). */
  steps: FloorSteps;
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
   * A checkpoint right after, not counted in the floor: the app raises the autocheckpoint to
   * 16,384 pages during a merge, which the indexed floor's WAL passes (its COMMIT checkpoints)
   * and the bare one's does not, so this is the writing back the bare floor leaves for later.
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

/**
 * One floor run on a fresh copy. `indexed`: into the schema's own tables, the log with the app's
 * statement, the notes with their search entries deferred (withSearchDeferred: the search
 * trigger set aside, then the app's own searchIndexes.notes.insertMany) as the merge does. Otherwise into plain tables (same columns, no index, key, trigger or search).
 * The pragmas are the merge's slices': WAL, synchronous NORMAL, the raised autocheckpoint.
 */
async function floorRun(start: FloorStart, file: string, rows: MergedRows, indexed: boolean): Promise<{ ms: number; steps: FloorSteps }> {
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
  const withoutIndexes: Array<{ ms: number; steps: FloorSteps }> = [];
  for (let r = 0; r < runs; r++) {
    withIndexes.push(await floorRun(start, path.join(dir, 'merge-floor-indexed.sqlite'), rows, true));
    withoutIndexes.push(await floorRun(start, path.join(dir, 'merge-floor-bare.sqlite'), rows, false));
  }
  removeDatabase(start.copy);
  return {
    runs,
    floorMs: median(withIndexes.map((run) => run.ms)),
    floorNoIndexMs: median(withoutIndexes.map((run) => run.ms)),
    steps: medianSteps(withIndexes.map((run) => run.steps)),
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
  console.log(
    `  SQLite floor, the same ${fmt(f.changes)} log rows and ${fmt(f.notes)} notes by raw SQL in one transaction (median of ${f.runs}): ` +
      `${fmt(f.floorMs)} ms (schema's indexes and search), ${fmt(f.floorNoIndexMs)} ms (no index); ` +
      `Yjs/floor ${fmt(yjsMs / f.floorMs, 2)} (${fmt(yjsMs / f.floorNoIndexMs, 2)} with no index), Plenary/floor ${fmt(plenaryMs / f.floorMs, 2)}`,
  );
  const split = (s: FloorSteps) => `log ${fmt(s.logMs)} ms, notes ${fmt(s.notesMs)} ms, search ${fmt(s.searchMs)} ms, COMMIT ${fmt(s.commitMs)} ms (then a checkpoint, not counted: ${fmt(s.checkpointAfterMs)} ms)`;
  console.log(`    where the floor's time goes: ${split(f.steps)}; with no index: ${split(f.noIndexSteps)}`);
  record('floorMs', f.floorMs, 'ms');
  record('floorNoIndexMs', f.floorNoIndexMs, 'ms');
  record('plenaryToFloor', plenaryMs / f.floorMs, 'ratio');
  record('yjsToFloor', yjsMs / f.floorMs, 'ratio');
  record('yjsToFloorNoIndex', yjsMs / f.floorNoIndexMs, 'ratio');
  for (const [prefix, steps] of [['floorSteps', f.steps], ['floorNoIndexSteps', f.noIndexSteps]] as const) {
    for (const [step, ms] of Object.entries(steps)) record(`${prefix}.${step}`, ms, 'ms');
  }
}
