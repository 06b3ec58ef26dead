import type { Migration } from './migration';

// The demo forum needs somewhere to put its agenda, participants, notes, key messages and draft.
// Later migrations extend these; relations are deferred so a sync can land rows in any order.
export const m002AgendaCaptureDrafting: Migration = {
  version: 2,
  name: 'agenda, participants, notes, key messages and outcome paragraphs',
  up(db) {
    db.exec(`
      ALTER TABLE forums ADD COLUMN preamble TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE forums ADD COLUMN lead_in TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE forums ADD COLUMN closing TEXT NOT NULL DEFAULT '{}';

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        day TEXT, start_time TEXT, end_time TEXT, kind TEXT,
        title TEXT NOT NULL DEFAULT '{}',
        room TEXT NOT NULL DEFAULT '{}',
        description TEXT NOT NULL DEFAULT '{}',
        themes TEXT NOT NULL DEFAULT '[]',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX sessions_by_forum ON sessions (forum_id, day, start_time);

      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        name TEXT, organisation TEXT, org_type TEXT, country TEXT, gender TEXT,
        roles TEXT NOT NULL DEFAULT '[]',
        email TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX participants_by_forum ON participants (forum_id);

      CREATE TABLE session_roles (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        session_id TEXT REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
        participant_id TEXT REFERENCES participants (id) DEFERRABLE INITIALLY DEFERRED,
        role TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX session_roles_by_session ON session_roles (session_id);

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        session_id TEXT REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
        speaker_id TEXT REFERENCES participants (id) DEFERRABLE INITIALLY DEFERRED,
        lang TEXT, text TEXT, created_at TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX notes_by_session ON notes (session_id, created_at);
      CREATE INDEX notes_by_forum ON notes (forum_id);

      CREATE TABLE key_messages (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        session_id TEXT REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
        text TEXT NOT NULL DEFAULT '{}',
        theme TEXT, position TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX key_messages_by_forum ON key_messages (forum_id, session_id);

      CREATE TABLE key_message_sources (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        key_message_id TEXT REFERENCES key_messages (id) DEFERRABLE INITIALLY DEFERRED,
        note_id TEXT REFERENCES notes (id) DEFERRABLE INITIALLY DEFERRED,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE outcome_paragraphs (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        position TEXT,
        text TEXT NOT NULL DEFAULT '{}',
        status TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX outcome_paragraphs_by_forum ON outcome_paragraphs (forum_id, position);

      CREATE TABLE paragraph_sources (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        paragraph_id TEXT REFERENCES outcome_paragraphs (id) DEFERRABLE INITIALLY DEFERRED,
        key_message_id TEXT REFERENCES key_messages (id) DEFERRABLE INITIALLY DEFERRED,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
