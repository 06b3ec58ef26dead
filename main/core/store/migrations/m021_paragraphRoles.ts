import type { Migration } from './migration';

// The paragraph model of intergovernmental negotiation (issue 15, item 1): a paragraph's role
// (preambular or operative), its level (0 a paragraph, 1 a sub-paragraph (a), 2 a
// sub-sub-paragraph (i)), the paragraph it is an alternative of (`5 bis`, `5 ter`) with its
// proposers, and whether it was withdrawn when another of its alternatives was agreed; and per
// document whether PPs and OPs are numbered together or separately, and how an OP's opening
// phrase is set. Every column is a plain cell of the change log, so two laptops' changes to
// different cells merge and the same cell's converge by clock. Numbers and labels are never
// stored: they are read from order, level and role each time, so a move renumbers everything.
//
// Numbered 21 in the issue-15 plan (m019 and m020 are other branches'); the lead fixes the
// ordered list at merge, and `version` follows the place it takes there.
export const m021ParagraphRoles: Migration = {
  version: 21,
  name: 'paragraph roles, levels and alternatives',
  up(db) {
    db.exec(`
      ALTER TABLE outcome_paragraphs ADD COLUMN role TEXT;
      ALTER TABLE outcome_paragraphs ADD COLUMN level INTEGER;
      ALTER TABLE outcome_paragraphs ADD COLUMN alternative_of TEXT;
      ALTER TABLE outcome_paragraphs ADD COLUMN proposers TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE outcome_paragraphs ADD COLUMN withdrawn INTEGER;
      ALTER TABLE outcome_documents ADD COLUMN role_numbering TEXT;
      ALTER TABLE outcome_documents ADD COLUMN opening_style TEXT;
      CREATE INDEX outcome_paragraphs_by_alternative ON outcome_paragraphs (alternative_of) WHERE alternative_of IS NOT NULL;
    `);
  },
};
