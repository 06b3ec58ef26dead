import type { Migration } from './migration';

// The participant companion (issue 17). Announcements the secretariat posts and the paragraph the
// draft projector shows are forum data, synced through the log like any row (one projection row
// per forum, its id the forum's). The companion's link is this laptop's own secret: a plain
// table, never logged, never bundled, so revoking it here stops it at once and nowhere else.
//
// Reserved as m020 (m019 is the venue network's); on this branch alone it is the 19th migration,
// and takes 20 once the venue's m019 is merged before it.
export const m020Companion: Migration = {
  version: 20,
  name: 'announcements, the projected paragraph, and companion links',
  up(db) {
    db.exec(`
      CREATE TABLE announcements (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        text TEXT,
        lang TEXT,
        posted_by TEXT,
        posted_at TEXT,
        withdrawn INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX announcements_by_forum ON announcements (forum_id, posted_at);
      CREATE TABLE projections (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        document_id TEXT,
        paragraph_id TEXT,
        shown_at TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE companion_links (
        forum_id TEXT PRIMARY KEY,
        token TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
