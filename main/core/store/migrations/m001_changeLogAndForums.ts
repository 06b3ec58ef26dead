import type { Migration } from './migration';

export const m001ChangeLogAndForums: Migration = {
  version: 1,
  name: 'change log, device state and forums',
  up(db) {
    db.exec(`
      -- Local to this installation and never synced: device id, clock state.
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      -- The truth. Every projection below is a fold of these rows.
      CREATE TABLE changes (
        hlc TEXT NOT NULL,
        device TEXT NOT NULL,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        col TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (tbl, row_id, col, hlc, device)
      ) STRICT, WITHOUT ROWID;
      -- What a device has sent, in order: what sync asks for.
      CREATE INDEX changes_by_device ON changes (device, hlc);

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
