import Database from 'better-sqlite3';
import { migrations } from '../../../main/core/store/migrations';
import type { Migration } from '../../../main/core/store/migrations/migration';

/**
 * A database file as an older Plenary left it: every migration before `migration` applied, and a
 * forum `forum-0001` in `languages`. `fill` adds what that version held; the file is closed after.
 */
export function databaseBefore(file: string, migration: Migration, languages: string[], fill: (db: Database.Database) => void): void {
  const db = new Database(file);
  for (const earlier of migrations.slice(0, migrations.indexOf(migration))) {
    earlier.up(db);
    db.pragma(`user_version = ${earlier.version}`);
  }
  db.prepare(
    `INSERT INTO forums (id, title, languages, source_language, start_date, end_date, time_zone, outcome_kind)
     VALUES ('forum-0001', '{"en":"Kept"}', ?, 'en', '2026-03-02', '2026-03-04', 'UTC', 'consensus')`,
  ).run(JSON.stringify(languages));
  fill(db);
  db.close();
}

/** The forum's first document (its id the forum's), with `paragraphs` as [id, text, status]. */
export function insertDocument(db: Database.Database, paragraphs: Array<[string, Record<string, string>, string]>): void {
  db.prepare(`INSERT INTO outcome_documents (id, forum_id, kind, title, numbering) VALUES ('forum-0001', 'forum-0001', 'consensus', '{"en":"Doc"}', 'numbers')`).run();
  const insert = db.prepare("INSERT INTO outcome_paragraphs (id, forum_id, document_id, kind, position, text, status) VALUES (?, 'forum-0001', 'forum-0001', 'numbered', ?, ?, ?)");
  paragraphs.forEach(([id, text, status], i) => insert.run(id, `a${i}`, JSON.stringify(text), status));
}
