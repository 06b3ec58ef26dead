import type { Migration } from './migration';

export const m001ChangeLogAndForums: Migration = {
  version: 1,
  name: 'change log, device state and forums',
  up(db) {
    db.exec(`
      -- Local to this installation and never synced: device id, clock state.
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      -- The truth. Every projection below is a fold of these rows. A row is one write: the cells
      -- (column -> JSON value) one device changed in one table row at one clock reading. Each
      -- cell is a change in its own right (last writer wins per cell); grouping them per write
      -- keeps the log at one B-tree entry per write instead of one per cell.
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY, -- arrival order on this device
        device TEXT NOT NULL,
        hlc TEXT NOT NULL,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        forum_id TEXT, -- the forum the row belongs to (NULL for device settings): what a bundle carries
        cells TEXT NOT NULL,
        -- For prose cells only: the changes (device/hlc) each one replaces. Two live edits of the
        -- same text that do not descend from each other are concurrent and both kept.
        parents TEXT
      ) STRICT;
      -- One index serves both needs: re-projecting a row after an import reads all of its
      -- changes, and a change is known by its row, device and clock, so importing it twice is a
      -- no-op. A second index (by device) would slow every write for the sake of rare exports.
      CREATE UNIQUE INDEX changes_by_row ON changes (tbl, row_id, device, hlc);

      CREATE TABLE forums (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '{}',
        theme TEXT NOT NULL DEFAULT '{}',
        venue TEXT NOT NULL DEFAULT '{}',
        start_date TEXT,
        end_date TEXT,
        time_zone TEXT,
        co_organisers TEXT NOT NULL DEFAULT '[]',
        languages TEXT NOT NULL DEFAULT '[]',
        source_language TEXT,
        outcome_kind TEXT,
        is_demo INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- Per-device preferences (row id "<device>/<key>"); they travel in the log like all writes.
      CREATE TABLE settings (id TEXT PRIMARY KEY, value TEXT) STRICT;
    `);
  },
};
