import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../shared/capture';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { m025NotesByForumSession } from '../../../main/core/store/migrations/m025_notesByForumSession';
import { captureProgress } from '../../../main/core/store/captureProgress';
import { databaseBefore } from '../helpers/databaseBefore';
import { tempDir } from '../helpers/tempCore';
import { call } from '../drafting/draftingFixture';

/** A database an older Plenary left just before m025: two sessions, their notes, one deleted. */
function beforeM025(file: string): void {
  databaseBefore(file, m025NotesByForumSession, ['en'], (db) => {
    const session = db.prepare(`INSERT INTO sessions (id, forum_id, day, start_time, end_time, kind, title) VALUES (?, 'forum-0001', '2026-03-02', ?, ?, 'plenary', '{"en":"S"}')`);
    session.run('session-0001', '09:00', '10:00');
    session.run('session-0002', '10:00', '11:00');
    const note = db.prepare(`INSERT INTO notes (id, forum_id, session_id, lang, text, created_at, deleted) VALUES (?, 'forum-0001', ?, 'en', ?, ?, ?)`);
    note.run('note-0003', 'session-0001', 'Third', '2026-03-02T09:30:00.000Z', 0);
    note.run('note-0001', 'session-0001', 'First', '2026-03-02T09:10:00.000Z', 0);
    note.run('note-0002', 'session-0001', 'Second', '2026-03-02T09:20:00.000Z', 0);
    note.run('note-0004', 'session-0001', 'Gone', '2026-03-02T09:25:00.000Z', 1);
    note.run('note-0005', 'session-0002', 'Other session', '2026-03-02T10:10:00.000Z', 0);
  });
}

describe('m025 one index for notes by forum and session', () => {
  it('takes the version of its place in the list', () => {
    expect(m025NotesByForumSession.version).toBe(migrations.indexOf(m025NotesByForumSession) + 1);
    expect(m025NotesByForumSession.version).toBeLessThanOrEqual(latestVersion);
  });

  it('upgrades a database: the two indexes become one, and sessions list and count their notes through it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    beforeM025(file);
    const ctx = await openCore(file, { backupDir: path.join(dir, 'backups') });
    try {
      const indexes = ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notes' AND sql IS NOT NULL ORDER BY name").pluck().all();
      expect(indexes).toEqual(['notes_by_forum_session']);
      const notes = await call<Note[]>(ctx, 'notes:list', { sessionId: 'session-0001' });
      expect(notes.map((n) => n.text)).toEqual(['First', 'Second', 'Third']);
      const newest = await call<Note[]>(ctx, 'notes:list', { sessionId: 'session-0001', limit: 2 });
      expect(newest.map((n) => n.text)).toEqual(['Second', 'Third']);
      expect(captureProgress(ctx.db, 'forum-0001').map((s) => [s.sessionId, s.notes])).toEqual([
        ['session-0001', 3],
        ['session-0002', 1],
      ]);
      const plan = (sql: string, ...params: unknown[]) =>
        (ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join('; ');
      expect(plan('SELECT count(*) FROM notes WHERE forum_id = ? AND deleted = 0', 'forum-0001')).toContain('USING INDEX notes_by_forum_session (forum_id=?)');
      expect(plan('SELECT id FROM notes n WHERE n.forum_id = ? AND n.session_id = ? AND n.deleted = 0 ORDER BY n.created_at', 'f', 's')).toContain(
        'USING INDEX notes_by_forum_session (forum_id=? AND session_id=?)',
      );
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      closeCore(ctx);
    }
  });

  it("does not list under a session a note that names another forum's session", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    beforeM025(file);
    const ctx = await openCore(file, { backupDir: path.join(dir, 'backups') });
    try {
      ctx.db.prepare(`INSERT INTO forums (id, title, languages) VALUES ('forum-other', '{"en":"Other"}', '["en"]')`).run();
      ctx.db.prepare(`INSERT INTO notes (id, forum_id, session_id, lang, text, created_at, deleted) VALUES ('note-stray', 'forum-other', 'session-0002', 'en', 'Stray', '2026-03-02T10:20:00.000Z', 0)`).run();
      expect((await call<Note[]>(ctx, 'notes:list', { sessionId: 'session-0002' })).map((n) => n.text)).toEqual(['Other session']);
    } finally {
      closeCore(ctx);
    }
  });
});
