import type { Migration } from './migration';

// The change log is written a hundred thousand rows at a time by a day's merge, and each of its
// indexes is kept up on every row. changes_prose_lineage copied each prose edit's lineage into an
// index of its own, so that finding the version on screen never read earlier texts. The row's
// index in clock order does the same work: the newest edits of a row are its last entries, and
// the version on screen is found a step or two back from the end (changeParents.ts). One index
// fewer on the log: the merge's SQLite floor (`npm run bench -- --only merge`) went from 952 to
// 793 ms and the merge from 1.87-1.97 s to 1.58-1.65 s. What it costs: saving a note's 2,000th
// version takes 0.6 ms instead of 0.3 (the row's other laptops are looked for across its entries
// in the index), and the drafting view's outcome:get 6.4 ms instead of 5.7 (noise-level).
export const m026LeanChangeIndexes: Migration = {
  version: 26,
  name: "the change log's row index in clock order; the prose lineage index dropped",
  up(db) {
    db.exec('DROP INDEX IF EXISTS changes_prose_lineage');
    db.exec('DROP INDEX changes_by_row');
    db.exec('CREATE UNIQUE INDEX changes_by_row ON changes (tbl, row_id, hlc, device)');
  },
};
