import type { Migration } from './migration';

// Changes that arrived in a bundle but were not applied: stamped so far ahead of this laptop's
// clock that the sending laptop's clock must be wrong. Kept whole (as the log would store them)
// so that nothing anyone typed is lost, and applied only when a person says so.
export const m008HeldChanges: Migration = {
  version: 8,
  name: 'changes held back from a bundle',
  up(db) {
    db.exec(`
      CREATE TABLE held_changes (
        device TEXT NOT NULL,
        hlc TEXT NOT NULL,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        forum_id TEXT NOT NULL,
        cells TEXT NOT NULL,
        parents TEXT,
        reason TEXT NOT NULL, -- 'clock_ahead'
        received_from TEXT NOT NULL, -- the device that signed the bundle
        received_at TEXT NOT NULL,
        PRIMARY KEY (tbl, row_id, device, hlc)
      ) STRICT;
      CREATE INDEX held_changes_by_forum ON held_changes (forum_id, received_from);
    `);
  },
};
