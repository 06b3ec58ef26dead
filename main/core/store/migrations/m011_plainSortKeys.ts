import { foldedSortKey } from '../participantSortKeys';
import type { Migration } from './migration';

// m005 indexed the folded sort key of names and organisations as an expression: a CASE over
// replace() chains hundreds deep. SQLite parses every index expression when it opens a file, and
// a stock sqlite3 shell (3.40, whose parser stack is smaller than our build's) fails on it with
// "parser stack overflow", so nobody could open a Plenary database to recover it by hand. The
// key becomes plain columns instead, filled by the change log whenever it projects a name or an
// organisation (main/core/store/derivedColumns.ts), with ordinary indexes on them. It is the same
// key, so upgraded lists keep their order. The other sort indexes (short CASE expressions) stay.
export const m011PlainSortKeys: Migration = {
  version: 11,
  name: 'participant name and organisation sort keys as plain columns',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS participants_by_name_key;
      DROP INDEX IF EXISTS participants_by_organisation_key;
      ALTER TABLE participants ADD COLUMN name_key TEXT;
      ALTER TABLE participants ADD COLUMN organisation_key TEXT;
    `);
    const rows = db.prepare('SELECT rowid, name, organisation FROM participants').raw().all() as Array<[number, unknown, unknown]>;
    const fill = db.prepare('UPDATE participants SET name_key = ?, organisation_key = ? WHERE rowid = ?');
    for (const [rowid, name, organisation] of rows) fill.run(foldedSortKey(name), foldedSortKey(organisation), rowid);
    db.exec(`
      CREATE INDEX participants_by_name_key ON participants (forum_id, deleted, name_key, id);
      CREATE INDEX participants_by_organisation_key ON participants (forum_id, deleted, organisation_key, id);
    `);
  },
};
