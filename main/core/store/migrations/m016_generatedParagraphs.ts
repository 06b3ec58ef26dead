import type { Migration } from './migration';

// Paragraphs a command generated from forum data (the Key messages document: a heading per
// session, a paragraph per validated key message). One row per generated paragraph, keyed by the
// paragraph's id, says what it came from and, per language, a hash of the text it was given, so
// regenerating can tell a paragraph nobody touched (refresh it) from one the drafters edited
// (keep it, flag it). Synced like any forum row, so every laptop tells them apart the same way.
export const m016GeneratedParagraphs: Migration = {
  version: 16,
  name: 'generated paragraphs and what they were generated from',
  up(db) {
    db.exec(`
      CREATE TABLE generated_paragraphs (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        document_id TEXT,
        paragraph_id TEXT,
        session_id TEXT,
        key_message_id TEXT,
        generated TEXT NOT NULL DEFAULT '{}',
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX generated_paragraphs_by_document ON generated_paragraphs (document_id);
    `);
  },
};
