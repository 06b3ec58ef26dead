import type { Migration } from './migration';

// The title block and closing as the seeds print them: the co-organisers per language (the
// Chinese version names them in Chinese), the participation sentence and the closing line as a
// per-document choice (NULL: the kind's default, so a kind's default can change without touching
// rows), and contact blocks after the closing. The plain `co_organisers` list stays as it was: a
// language without its own list prints those names, so older forums print exactly as before.
// Per-language names are a multilingual column (one cell per language in the change log): two
// laptops editing the English and the Chinese lists both keep their edit, and two editing the
// same language converge on the later one, as every multilingual cell does.
export const m017DocumentFrame: Migration = {
  version: 17,
  name: 'co-organisers per language, participation sentence, closing line and contacts per document',
  up(db) {
    db.exec(`
      ALTER TABLE forums ADD COLUMN co_organiser_names TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE outcome_documents ADD COLUMN co_organiser_names TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE outcome_documents ADD COLUMN participation INTEGER;
      ALTER TABLE outcome_documents ADD COLUMN closing_line INTEGER;
      ALTER TABLE outcome_documents ADD COLUMN contacts TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
