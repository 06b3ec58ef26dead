import type { Migration } from './migration';

// Decisions (issue 15 item 4): how a document or a paragraph was adopted, the votes recorded
// delegation by delegation, what delegations said about it, and silence procedures with their
// objections. All forum data, synced through the log. Outcomes (adopted, silence broken) are not
// columns: they are computed when read from the votes and from objection times against deadlines.
//
// m023, after the issuances' m022 (merged into this branch).
export const m023Decisions: Migration = {
  version: 23,
  name: 'decisions, recorded votes, statements and silence procedures',
  up(db) {
    db.exec(`
      CREATE TABLE decisions (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        document_id TEXT,
        paragraph_id TEXT,
        method TEXT,
        recorded_by TEXT,
        recorded_at TEXT,
        note TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX decisions_by_document ON decisions (document_id);
      CREATE TABLE decision_votes (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        decision_id TEXT,
        delegation TEXT,
        vote TEXT,
        recorded_at TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX decision_votes_by_decision ON decision_votes (decision_id);
      CREATE TABLE decision_statements (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        document_id TEXT,
        paragraph_id TEXT,
        delegation TEXT,
        kind TEXT,
        text TEXT,
        lang TEXT,
        recorded_at TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX decision_statements_by_document ON decision_statements (document_id);
      CREATE TABLE silence_procedures (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        document_id TEXT,
        issuance_id TEXT,
        title TEXT,
        started_at TEXT,
        deadline TEXT,
        started_by TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX silence_procedures_by_document ON silence_procedures (document_id);
      CREATE TABLE silence_objections (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        procedure_id TEXT,
        delegation TEXT,
        text TEXT,
        lang TEXT,
        objected_at TEXT,
        recorded_by TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX silence_objections_by_procedure ON silence_objections (procedure_id);
    `);
  },
};
