import type { Migration } from './migration';

// Issuances (issue 15, item 2): an outcome document issued under a symbol, frozen and signed. A
// synced row like any other; its snapshot, symbol and seal are written once, by the change that
// creates it (see issuanceSeal.ts), and only `withdrawn` may change afterwards.
//
// Reserved as m022 (m021 is the paragraph model's); the lead orders the list at merge.
export const m022Issuances: Migration = {
  version: 22,
  name: 'issuances of outcome documents under a symbol',
  up(db) {
    db.exec(`
      CREATE TABLE issuances (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        document_id TEXT,
        symbol TEXT,
        kind TEXT,
        revises TEXT,
        issued_at TEXT,
        issued_by TEXT,
        issuer_name TEXT,
        signer_key TEXT,
        snapshot TEXT,
        hash TEXT,
        signature TEXT,
        withdrawn INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX issuances_by_document ON issuances (document_id, issued_at);
      CREATE INDEX issuances_by_symbol ON issuances (forum_id, symbol);
    `);
  },
};
