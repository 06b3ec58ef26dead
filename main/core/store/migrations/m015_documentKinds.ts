import type { Migration } from './migration';

// Document kinds as data: a heading paragraph names the section it opens (so its heading prints
// in each language from documentText.json), and a letter or announcement has an addressee and its
// signatories. Signatories are one JSON cell of the document, not a table: a letter's signatory
// block is set as a whole by the secretariat, in an order that matters, and one cell merges by the
// change log's last-writer rule like the co-organisers list beside it.
export const m015DocumentKinds: Migration = {
  version: 15,
  name: 'document sections, addressee and signatories',
  up(db) {
    db.exec(`
      ALTER TABLE outcome_paragraphs ADD COLUMN section TEXT;
      ALTER TABLE outcome_documents ADD COLUMN addressee TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE outcome_documents ADD COLUMN signatories TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
