import type { Migration } from './migration';

// Rapporteurs' capture: who spoke (a listed participant or a name typed on the spot), tags from
// free themes and the shipped catalogues, key points, and which laptop wrote a note (only its
// author edits it). Key messages gain a status and remember what they were merged into.
// Search indexes are derived by triggers, like the participants' one, and never travel.
export const m006CaptureAndSearch: Migration = {
  version: 6,
  name: 'capture details, key message status and full-text search',
  up(db) {
    db.exec(`
      ALTER TABLE notes ADD COLUMN speaker_name TEXT;
      ALTER TABLE notes ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE notes ADD COLUMN key_point INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE notes ADD COLUMN author TEXT;
      ALTER TABLE key_messages ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
      ALTER TABLE key_messages ADD COLUMN merged_into TEXT;
      CREATE INDEX key_message_sources_by_message ON key_message_sources (key_message_id);
      CREATE INDEX key_message_sources_by_note ON key_message_sources (note_id);
      -- A prose save must know which version it replaces. The edits' lineage (who replaced what)
      -- is small; their text is not. Covering the lineage keeps a note's thousandth save as quick
      -- as its first, instead of reading every earlier version of its text.
      CREATE INDEX changes_prose_lineage ON changes (tbl, row_id, hlc, device, parents) WHERE parents IS NOT NULL;

      -- Trigram: words inside Chinese sentences (no spaces), Arabic, case and accents folded.
      CREATE VIRTUAL TABLE notes_search USING fts5 (
        text, content = 'notes', content_rowid = 'rowid', tokenize = 'trigram remove_diacritics 1'
      );
      CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_search (rowid, text) VALUES (new.rowid, new.text);
      END;
      CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
        INSERT INTO notes_search (notes_search, rowid, text) VALUES ('delete', old.rowid, old.text);
      END;
      CREATE TRIGGER notes_search_update AFTER UPDATE OF text ON notes BEGIN
        INSERT INTO notes_search (notes_search, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO notes_search (rowid, text) VALUES (new.rowid, new.text);
      END;
      INSERT INTO notes_search (notes_search) VALUES ('rebuild');

      -- Multilingual rows are indexed as all their languages' text together; contentless, since
      -- the indexed text is not a column of the row.
      CREATE VIRTUAL TABLE key_messages_search USING fts5 (
        text, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
      );
      CREATE TRIGGER key_messages_search_insert AFTER INSERT ON key_messages BEGIN
        INSERT INTO key_messages_search (rowid, text)
          VALUES (new.rowid, (SELECT group_concat(value, char(10)) FROM json_each(new.text)));
      END;
      CREATE TRIGGER key_messages_search_delete AFTER DELETE ON key_messages BEGIN
        DELETE FROM key_messages_search WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER key_messages_search_update AFTER UPDATE OF text ON key_messages BEGIN
        DELETE FROM key_messages_search WHERE rowid = old.rowid;
        INSERT INTO key_messages_search (rowid, text)
          VALUES (new.rowid, (SELECT group_concat(value, char(10)) FROM json_each(new.text)));
      END;
      INSERT INTO key_messages_search (rowid, text)
        SELECT rowid, (SELECT group_concat(value, char(10)) FROM json_each(key_messages.text)) FROM key_messages;

      CREATE VIRTUAL TABLE sessions_search USING fts5 (
        text, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1'
      );
      CREATE TRIGGER sessions_search_insert AFTER INSERT ON sessions BEGIN
        INSERT INTO sessions_search (rowid, text) VALUES (new.rowid,
          (SELECT group_concat(value, char(10)) FROM (
            SELECT value FROM json_each(new.title) UNION ALL SELECT value FROM json_each(new.description)
            UNION ALL SELECT value FROM json_each(new.room))));
      END;
      CREATE TRIGGER sessions_search_delete AFTER DELETE ON sessions BEGIN
        DELETE FROM sessions_search WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER sessions_search_update AFTER UPDATE OF title, description, room ON sessions BEGIN
        DELETE FROM sessions_search WHERE rowid = old.rowid;
        INSERT INTO sessions_search (rowid, text) VALUES (new.rowid,
          (SELECT group_concat(value, char(10)) FROM (
            SELECT value FROM json_each(new.title) UNION ALL SELECT value FROM json_each(new.description)
            UNION ALL SELECT value FROM json_each(new.room))));
      END;
      INSERT INTO sessions_search (rowid, text)
        SELECT rowid, (SELECT group_concat(value, char(10)) FROM (
          SELECT value FROM json_each(sessions.title) UNION ALL SELECT value FROM json_each(sessions.description)
          UNION ALL SELECT value FROM json_each(sessions.room))) FROM sessions;
    `);
  },
};
