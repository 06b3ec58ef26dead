import type { Migration } from './migration';

// Participants gain the fields the door and the statistics need (languages spoken, check-in time)
// and a search index for check-in as you type. The index is derived from the projection by
// triggers, so it never holds anything the change log lacks and never travels in a bundle.
export const m004ParticipantDetails: Migration = {
  version: 4,
  name: 'participant languages, check-in and search',
  up(db) {
    db.exec(`
      ALTER TABLE participants ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE participants ADD COLUMN checked_in_at TEXT;
      CREATE INDEX participants_by_email ON participants (forum_id, lower(email)) WHERE email IS NOT NULL;
      CREATE INDEX session_roles_by_participant ON session_roles (participant_id);

      -- Trigram: substrings in any script (Chinese names have no spaces), case and accents folded.
      CREATE VIRTUAL TABLE participants_search USING fts5 (
        name, organisation, email,
        content = 'participants', content_rowid = 'rowid',
        tokenize = 'trigram remove_diacritics 1'
      );
      CREATE TRIGGER participants_search_insert AFTER INSERT ON participants BEGIN
        INSERT INTO participants_search (rowid, name, organisation, email)
          VALUES (new.rowid, new.name, new.organisation, new.email);
      END;
      CREATE TRIGGER participants_search_delete AFTER DELETE ON participants BEGIN
        INSERT INTO participants_search (participants_search, rowid, name, organisation, email)
          VALUES ('delete', old.rowid, old.name, old.organisation, old.email);
      END;
      CREATE TRIGGER participants_search_update AFTER UPDATE OF name, organisation, email ON participants BEGIN
        INSERT INTO participants_search (participants_search, rowid, name, organisation, email)
          VALUES ('delete', old.rowid, old.name, old.organisation, old.email);
        INSERT INTO participants_search (rowid, name, organisation, email)
          VALUES (new.rowid, new.name, new.organisation, new.email);
      END;
      INSERT INTO participants_search (participants_search) VALUES ('rebuild');
    `);
  },
};
