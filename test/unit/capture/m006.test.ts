import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { m006CaptureAndSearch } from '../../../main/core/store/migrations/m006_captureAndSearch';
import { openDatabase } from '../../../main/core/store/openDatabase';
import { tempDir } from '../helpers/tempCore';

/** A database left at schema 5 by an older Plenary, with an agenda, notes and key messages in it. */
function version5(file: string): void {
  const db = new Database(file);
  for (const migration of migrations.slice(0, 5)) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  db.prepare(`INSERT INTO forums (id, title) VALUES ('forum-0001', '{"en":"Kept"}')`).run();
  const session = db.prepare('INSERT INTO sessions (id, forum_id, day, start_time, end_time, kind, title, room, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  session.run('s1', 'forum-0001', '2026-03-02', '09:00', '10:30', 'plenary', '{"en":"Opening","zh":"开幕全体会议"}', '{"en":"Salón Mérida"}', '{}');
  session.run('s2', 'forum-0001', '2026-03-02', '11:00', '12:00', 'parallel', '{"ar":"الروابط الحضرية الريفية"}', '{}', '{"fr":"Réseaux de villes intermédiaires"}');
  db.prepare(`INSERT INTO participants (id, forum_id, name) VALUES ('p1', 'forum-0001', 'Ana García')`).run();
  const note = db.prepare('INSERT INTO notes (id, forum_id, session_id, speaker_id, lang, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  note.run('n1', 'forum-0001', 's1', 'p1', 'zh', '我们需要加强城乡融合发展的宽带建设。', '2026-03-02T09:05:00.000Z');
  note.run('n2', 'forum-0001', 's1', null, 'ar', 'يجب تعزيز الروابط بين المدن والقرى.', '2026-03-02T09:06:00.000Z');
  note.run('n3', 'forum-0001', 's2', null, 'es', 'La planificación territorial es clave.', '2026-03-02T11:06:00.000Z');
  db.prepare(`INSERT INTO key_messages (id, forum_id, session_id, text, theme, position) VALUES ('k1', 'forum-0001', 's1', ?, 'connectivity', 'a0')`).run(
    JSON.stringify({ en: 'Broadband keeps villages alive.', fr: 'Le haut débit fait vivre les villages.' }),
  );
  db.prepare(`INSERT INTO key_message_sources (id, forum_id, key_message_id, note_id) VALUES ('ks1', 'forum-0001', 'k1', 'n1')`).run();
  db.close();
}

const match = (db: Database.Database, table: 'notes' | 'key_messages' | 'sessions', query: string) =>
  db
    .prepare(`SELECT t.id FROM ${table}_search s JOIN ${table} t ON t.rowid = s.rowid WHERE ${table}_search MATCH ? ORDER BY t.id`)
    .pluck()
    .all(`"${query}"`);

describe('m006 capture and search', () => {
  it('is registered as migration 6', () => {
    expect(migrations[5]).toBe(m006CaptureAndSearch);
  });

  it('upgrades a version-5 database, keeping its notes, key messages and sessions with neutral defaults', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v5.sqlite');
    version5(file);
    const db = await openDatabase(file, { backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare('SELECT id, speaker_id, speaker_name, tags, key_point, author FROM notes ORDER BY id').all()).toEqual([
      { id: 'n1', speaker_id: 'p1', speaker_name: null, tags: '[]', key_point: 0, author: null },
      { id: 'n2', speaker_id: null, speaker_name: null, tags: '[]', key_point: 0, author: null },
      { id: 'n3', speaker_id: null, speaker_name: null, tags: '[]', key_point: 0, author: null },
    ]);
    expect(db.prepare('SELECT id, status, merged_into FROM key_messages').all()).toEqual([{ id: 'k1', status: 'draft', merged_into: null }]);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name GLOB 'key_message_sources_by_*'").pluck().get()).toBe(2);
    db.close();
  });

  it('indexes the rows already there: a Chinese word inside a sentence, Arabic, accents and case folded, every language of a text', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v5.sqlite');
    version5(file);
    const db = await openDatabase(file, { backupDir: path.join(dir, 'backups') });
    expect(match(db, 'notes', '城乡融合')).toEqual(['n1']);
    expect(match(db, 'notes', 'الروابط')).toEqual(['n2']);
    expect(match(db, 'notes', 'PLANIFICACION')).toEqual(['n3']);
    expect(match(db, 'key_messages', 'villages')).toEqual(['k1']);
    expect(match(db, 'key_messages', 'haut debit')).toEqual(['k1']);
    expect(match(db, 'sessions', '全体会议')).toEqual(['s1']);
    expect(match(db, 'sessions', 'merida')).toEqual(['s1']);
    expect(match(db, 'sessions', 'الحضرية')).toEqual(['s2']);
    expect(match(db, 'sessions', 'villes intermediaires')).toEqual(['s2']);
    db.close();
  });

  it('keeps the indexes in step with later edits and deletions of upgraded rows', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v5.sqlite');
    version5(file);
    const db = await openDatabase(file, { backupDir: path.join(dir, 'backups') });
    db.prepare("UPDATE notes SET text = 'Hablamos de agua potable.' WHERE id = 'n3'").run();
    expect(match(db, 'notes', 'planificacion')).toEqual([]);
    expect(match(db, 'notes', 'agua potable')).toEqual(['n3']);
    db.prepare(`UPDATE key_messages SET text = '{"es":"Conectividad rural"}' WHERE id = 'k1'`).run();
    expect(match(db, 'key_messages', 'villages')).toEqual([]);
    expect(match(db, 'key_messages', 'conectividad')).toEqual(['k1']);
    db.prepare(`UPDATE sessions SET title = '{"en":"Closing"}' WHERE id = 's1'`).run();
    expect(match(db, 'sessions', '全体会议')).toEqual([]);
    expect(match(db, 'sessions', 'closing')).toEqual(['s1']);
    db.prepare("DELETE FROM notes WHERE id = 'n2'").run();
    expect(match(db, 'notes', 'الروابط')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
