import type { Database } from 'better-sqlite3';
import type { SyncedTable } from './syncedTables';
import { cachedStatement } from './cachedStatement';

interface SearchIndex {
  table: SyncedTable;
  trigger: string;
  /** The trigger that reindexes a row whose indexed columns are updated (m004, m006, m027). */
  updateTrigger: string;
  /** Takes rows out of the index as they stand, their rowids a JSON array bound as the one parameter. */
  deleteMany: string;
  /** The insert into the index for one row, `alias` naming it (`new` in a trigger). */
  insertRow(alias: string): string;
  /** The same for many rows at once, their rowids a JSON array bound as the one parameter. */
  insertMany: string;
}

const sessionText = (row: string) => `(SELECT group_concat(value, char(10)) FROM (
  SELECT value FROM json_each(${row}.title) UNION ALL SELECT value FROM json_each(${row}.description)
  UNION ALL SELECT value FROM json_each(${row}.room)))`;
const keyMessageText = (row: string) => `(SELECT group_concat(value, char(10)) FROM json_each(${row}.text))`;
const rowids = `rowid IN (SELECT value FROM json_each(?))`;

/** The full-text indexes the insert triggers keep (m004, m006), as SQL an import can run in bulk. */
export const searchIndexes = {
  notes: {
    table: 'notes',
    trigger: 'notes_search_insert',
    updateTrigger: 'notes_search_update',
    // An external-content index is told the text it indexed, which is the row's until it changes.
    deleteMany: `INSERT INTO notes_search (notes_search, rowid, text) SELECT 'delete', rowid, text FROM notes WHERE ${rowids}`,
    insertRow: (row) => `INSERT INTO notes_search (rowid, text) VALUES (${row}.rowid, ${row}.text)`,
    insertMany: `INSERT INTO notes_search (rowid, text) SELECT rowid, text FROM notes WHERE ${rowids}`,
  },
  participants: {
    table: 'participants',
    trigger: 'participants_search_insert',
    updateTrigger: 'participants_search_update',
    deleteMany: `INSERT INTO participants_search (participants_search, rowid, name, organisation, email)
      SELECT 'delete', rowid, name, organisation, email FROM participants WHERE ${rowids}`,
    insertRow: (row) => `INSERT INTO participants_search (rowid, name, organisation, email) VALUES (${row}.rowid, ${row}.name, ${row}.organisation, ${row}.email)`,
    insertMany: `INSERT INTO participants_search (rowid, name, organisation, email) SELECT rowid, name, organisation, email FROM participants WHERE ${rowids}`,
  },
  key_messages: {
    table: 'key_messages',
    trigger: 'key_messages_search_insert',
    updateTrigger: 'key_messages_search_update',
    deleteMany: `DELETE FROM key_messages_search WHERE ${rowids}`,
    insertRow: (row) => `INSERT INTO key_messages_search (rowid, text) VALUES (${row}.rowid, ${keyMessageText(row)})`,
    insertMany: `INSERT INTO key_messages_search (rowid, text) SELECT rowid, ${keyMessageText('key_messages')} FROM key_messages WHERE ${rowids}`,
  },
  sessions: {
    table: 'sessions',
    trigger: 'sessions_search_insert',
    updateTrigger: 'sessions_search_update',
    deleteMany: `DELETE FROM sessions_search WHERE ${rowids}`,
    insertRow: (row) => `INSERT INTO sessions_search (rowid, text) VALUES (${row}.rowid, ${sessionText(row)})`,
    insertMany: `INSERT INTO sessions_search (rowid, text) SELECT rowid, ${sessionText('sessions')} FROM sessions WHERE ${rowids}`,
  },
} as const satisfies Record<string, SearchIndex>;

type IndexedTable = keyof typeof searchIndexes;

const updatesSuffix = ':update';
/** The search_deferred row that sets a table's update trigger aside (m027). */
export const updatesDeferredFlag = (table: string) => `${table}${updatesSuffix}`;
const isIndexed = (table: string): table is IndexedTable => Object.prototype.hasOwnProperty.call(searchIndexes, table);

export type Collector = (table: string, rowid: number) => void;

/** The collector of the deferral a connection is inside, so a nested one adds to it. */
const active = new WeakMap<Database, Collector>();

/** A deferral of the search triggers, open inside a transaction until closed or abandoned. */
export interface SearchDeferral {
  /** Notes a row inserted while the deferral is open, to be indexed when it closes. */
  added: Collector;
  /** Indexes the rows noted, in one statement per table, and puts the triggers back. */
  close(): void;
  /** Puts the triggers back without indexing: the transaction is being undone. */
  abandon(): void;
}

/**
 * Sets the insert triggers of the search indexes aside until `close`, collecting the new rows'
 * rowids through `added`. The flag rows never outlive the transaction. Opened inside another
 * deferral, it adds to that one, which indexes everything and clears the flags once.
 *
 * Open one per transaction where a caller can, not one per batch. FTS5 holds what it is given in
 * memory until the commit, unless a later statement of the transaction may write to it (an insert
 * whose trigger may): SQLite then asks it for a savepoint, and FTS5 writes what it holds to disk
 * as a segment of its own first. Filling the index after each batch of a slice so wrote four small
 * segments where one would do, and merged them; the inserts that set off those writes paid for
 * them (a merge's 39,800 notes: 370 against 210 ms; a scratch test of 50 slices of 800 notes,
 * filled once or after each of four batches: 4.1 against 6.0 µs a note).
 */
export function openSearchDeferral(db: Database): SearchDeferral {
  if (!db.inTransaction) throw new Error('A search deferral needs a transaction');
  const outer = active.get(db);
  if (outer) return { added: outer, close: () => undefined, abandon: () => undefined };
  const added = new Map<IndexedTable, number[]>();
  const collect: Collector = (table, rowid) => {
    if (!isIndexed(table)) return;
    let list = added.get(table);
    if (!list) added.set(table, (list = []));
    list.push(rowid);
  };
  // Statements kept: a merge defers the search once per slice, a hundred times.
  const flag = cachedStatement(db, 'INSERT OR IGNORE INTO search_deferred (tbl) VALUES (?)');
  for (const table of Object.keys(searchIndexes)) flag.run(table);
  active.set(db, collect);
  let open = true;
  const lift = () => {
    if (!open) return;
    open = false;
    active.delete(db);
    // After a rollback the flags are gone with it, and nothing is written outside a transaction.
    if (db.inTransaction) cachedStatement(db, `DELETE FROM search_deferred WHERE tbl NOT LIKE '%${updatesSuffix}'`).run();
  };
  return {
    added: collect,
    close() {
      if (!open) return;
      try {
        for (const [table, ids] of added) cachedStatement(db, searchIndexes[table].insertMany).run(JSON.stringify(ids));
      } finally {
        lift();
      }
    },
    abandon: lift,
  };
}

/**
 * For one phase of work applied in slices (applyInChunks): a deferral opened by the phase's first
 * step in a slice, joined by the others, and closed as the slice ends (its `endSlice`), so each
 * slice fills the index once. The phase's steps must not write one row twice.
 */
export function searchDeferralPerSlice(db: Database): { open(): Collector; endSlice(): void; abandonSlice(): void } {
  let deferral: SearchDeferral | undefined;
  return {
    open: () => (deferral ??= openSearchDeferral(db)).added,
    endSlice() {
      const closing = deferral;
      deferral = undefined;
      closing?.close();
    },
    abandonSlice() {
      const abandoning = deferral;
      deferral = undefined;
      abandoning?.abandon();
    },
  };
}

/**
 * Runs `insert` (which adds rows, inside the caller's transaction) within a search deferral
 * (openSearchDeferral), then indexes the rows it collected in one statement per table.
 */
export function withSearchDeferred<T>(db: Database, insert: (added: Collector) => T): T {
  const deferral = openSearchDeferral(db);
  try {
    const result = insert(deferral.added);
    deferral.close();
    return result;
  } finally {
    deferral.abandon();
  }
}

/**
 * Runs `update`, which re-projects rows of `table` by id inside the caller's transaction, with the
 * table's search update trigger set aside: the rows already there leave the index in one
 * statement before, and go back in as they then stand in one statement after. Rows `update`
 * creates are indexed by their insert trigger as usual. The trigger, run for each row, made FTS5
 * write its pending deletion and insertion to disk before every next statement: re-projecting
 * 10,000 edited notes took 660-710 ms with it and 220-250 ms so, in slices of 800 (scratch test).
 *
 * Within a deferral of the insert triggers (openSearchDeferral) a row may not be indexed yet, and
 * taking it out of the index would damage it, so there the triggers run as they are.
 */
export function withSearchUpdatesDeferred(db: Database, table: SyncedTable, rowIds: Iterable<string>, update: () => void): void {
  if (!isIndexed(table) || active.has(db)) {
    update();
    return;
  }
  // A nested one would put back only its own rows, and the outer one's others would stay out.
  if (updating.has(db)) throw new Error('Search updates are already deferred on this connection');
  updating.add(db);
  try {
    // A savepoint inside the caller's transaction: a failure takes the index's deletions back too.
    db.transaction(() => reindexAround(db, searchIndexes[table], JSON.stringify([...rowIds]), update))();
  } finally {
    updating.delete(db);
  }
}

const updating = new WeakSet<Database>();

function reindexAround(db: Database, index: SearchIndex, ids: string, update: () => void): void {
  const existing = cachedStatement(db, `SELECT json_group_array(rowid) FROM ${index.table} WHERE id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(ids) as string;
  if (existing === '[]') {
    update();
    return;
  }
  const flag = updatesDeferredFlag(index.table);
  cachedStatement(db, 'INSERT INTO search_deferred (tbl) VALUES (?)').run(flag);
  cachedStatement(db, index.deleteMany).run(existing);
  update();
  cachedStatement(db, index.insertMany).run(existing);
  cachedStatement(db, 'DELETE FROM search_deferred WHERE tbl = ?').run(flag);
}
