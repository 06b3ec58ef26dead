import type { Migration } from './migration';
import { searchIndexes, updatesDeferredFlag } from '../searchIndexes';

// The search indexes' update triggers ran once per row, as m012 found for inserts: re-projecting
// the notes a day's bundles edit (rows this laptop had already) took 59 µs a note, most of it
// FTS5 writing the pending deletion and insertion to disk before each next statement. A row in
// search_deferred named `<table>:update` now tells the update trigger to leave the row to a bulk
// deletion and reindexing around the re-projection (withSearchUpdatesDeferred). Each trigger
// keeps its own text, with only the condition added, so the indexed text cannot drift.
export const m027DeferredSearchUpdates: Migration = {
  version: 27,
  name: 'search reindexing of updated rows deferred to the end of an import slice',
  up(db) {
    for (const index of Object.values(searchIndexes)) {
      const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(index.updateTrigger) as string | undefined;
      const at = sql?.search(/\sBEGIN\s/) ?? -1;
      if (!sql || at === -1 || /\sWHEN\s/i.test(sql.slice(0, at + 1))) throw new Error(`The trigger ${index.updateTrigger} is not as m006/m004 made it`);
      db.exec(`DROP TRIGGER ${index.updateTrigger}`);
      db.exec(`${sql.slice(0, at)}
        WHEN NOT EXISTS (SELECT 1 FROM search_deferred WHERE tbl = '${updatesDeferredFlag(index.table)}')${sql.slice(at)}`);
    }
  },
};
