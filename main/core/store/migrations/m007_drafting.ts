import type { Migration } from './migration';

// Drafting: outcome documents (a forum may have several), paragraphs that belong to one and may
// be section headings or unnumbered text, amendments proposed against a paragraph, and each
// delegation's stance on it. Paragraphs written before documents existed carry no document_id:
// they belong to the forum's first document, whose id is the forum's own (so two laptops that
// create "the" outcome document concurrently create the same row and merge, not two documents).
export const m007Drafting: Migration = {
  version: 7,
  name: 'outcome documents, amendments and stances',
  up(db) {
    db.exec(`
      CREATE TABLE outcome_documents (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        kind TEXT,
        title TEXT NOT NULL DEFAULT '{}',
        subtitle TEXT NOT NULL DEFAULT '{}',
        place TEXT NOT NULL DEFAULT '{}',
        start_date TEXT, end_date TEXT,
        co_organisers TEXT NOT NULL DEFAULT '[]',
        preamble TEXT NOT NULL DEFAULT '{}',
        lead_in TEXT NOT NULL DEFAULT '{}',
        closing TEXT NOT NULL DEFAULT '{}',
        numbering TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX outcome_documents_by_forum ON outcome_documents (forum_id);

      ALTER TABLE outcome_paragraphs ADD COLUMN document_id TEXT;
      ALTER TABLE outcome_paragraphs ADD COLUMN kind TEXT NOT NULL DEFAULT 'numbered';
      CREATE INDEX outcome_paragraphs_by_document ON outcome_paragraphs (coalesce(document_id, forum_id), position);
      CREATE INDEX paragraph_sources_by_paragraph ON paragraph_sources (paragraph_id);
      CREATE INDEX paragraph_sources_by_message ON paragraph_sources (key_message_id);

      CREATE TABLE amendments (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        paragraph_id TEXT REFERENCES outcome_paragraphs (id) DEFERRABLE INITIALLY DEFERRED,
        kind TEXT,
        lang TEXT,
        text TEXT,
        base_text TEXT,
        proposer_id TEXT,
        proposer_name TEXT,
        rationale TEXT,
        status TEXT NOT NULL DEFAULT 'open',
        created_at TEXT,
        decided_at TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX amendments_by_paragraph ON amendments (paragraph_id);
      CREATE INDEX amendments_by_forum ON amendments (forum_id);

      CREATE TABLE stances (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        paragraph_id TEXT REFERENCES outcome_paragraphs (id) DEFERRABLE INITIALLY DEFERRED,
        participant_id TEXT,
        delegation TEXT,
        stance TEXT,
        note TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX stances_by_paragraph ON stances (paragraph_id);
      CREATE INDEX stances_by_forum ON stances (forum_id);
    `);
  },
};
