import type { Migration } from './migration';

// Speakers' lists and their timers (issue 18): one list per session of the agenda or per paragraph
// being drafted, with its speaking times per kind of turn, and one row per turn in the queue. A
// running timer is two plain cells (when it was started, the milliseconds spoken before), so
// every laptop and projector computes the same countdown from its own clock.
//
// Reserved as m024 (m022 and m023 are other branches'); on this branch alone it is the 22nd
// migration, and `version` follows the place the lead gives it in the ordered list at merge.
export const m024Speakers: Migration = {
  version: 24,
  name: 'speakers lists and speaking times',
  up(db) {
    db.exec(`
      CREATE TABLE speaker_lists (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        session_id TEXT,
        paragraph_id TEXT,
        statement_ms INTEGER,
        reply_ms INTEGER,
        point_of_order_ms INTEGER,
        delegation_total_ms INTEGER,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE speakers (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        list_id TEXT,
        participant_id TEXT,
        delegation TEXT,
        kind TEXT,
        position TEXT,
        status TEXT,
        turn INTEGER,
        added_at TEXT,
        started_at TEXT,
        spoken_ms INTEGER,
        finished_at TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX speakers_by_list ON speakers (list_id, position);
      CREATE INDEX speakers_by_forum ON speakers (forum_id) WHERE deleted = 0;
    `);
  },
};
