import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { addSecondForum, cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempCore';

/**
 * The demo forum as it was before its chairs validated anything: its key messages all drafts
 * until `validate` is given some, and its Key messages document deleted.
 */
async function demoDatabase() {
  const db = path.join(tempDir(), 'keymessages.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  const ctx = await openCore(db);
  try {
    const validated = ctx.db.prepare("SELECT id FROM key_messages WHERE status = 'validated'").pluck().all() as string[];
    for (const id of validated) writeRow(ctx, 'key_messages', id, { status: 'draft' });
    const documents = ctx.db.prepare("SELECT id FROM outcome_documents WHERE kind = 'key_messages'").pluck().all() as string[];
    for (const id of documents) writeRow(ctx, 'outcome_documents', id, { deleted: 1 });
  } finally {
    closeCore(ctx);
  }
  return db;
}

async function validateFirst(db: string, count: number): Promise<void> {
  const ctx = await openCore(db);
  try {
    const ids = ctx.db.prepare('SELECT id FROM key_messages WHERE deleted = 0 ORDER BY id LIMIT ?').pluck().all(count) as string[];
    for (const id of ids) writeRow(ctx, 'key_messages', id, { status: 'validated' });
  } finally {
    closeCore(ctx);
  }
}

describe('plenary documents generate-key-messages', () => {
  it('refuses a forum with no validated key messages, saying why, and leaves the database as it was', async () => {
    const db = await demoDatabase();
    const before = fs.readFileSync(db);
    const result = await cli('documents', 'generate-key-messages', '--db', db);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/has no validated key messages yet/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('generates, then refreshes without adding anything twice', async () => {
    const db = await demoDatabase();
    await validateFirst(db, 4);
    const first = await cli('documents', 'generate-key-messages', '--db', db);
    expect(first).toMatchObject({ code: 0, err: '' });
    const [, documentId] = /^Created the Key messages document (\S+)\.$/m.exec(first.out) ?? [];
    // Four messages and the heading of each session they come from.
    const [, added] = /^Added (\d+), updated 0, kept 0 edited/m.exec(first.out) ?? [];
    expect(Number(added)).toBeGreaterThan(4);
    const again = await cli('documents', 'generate-key-messages', '--db', db);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`Refreshed the Key messages document ${documentId ?? '?'}.`);
    expect(again.out).toContain('Added 0, updated 0, kept 0 edited (flagged), 0 no longer validated (flagged, kept).');
  });

  it('refuses a mistyped or unknown --forum and a database that does not exist, creating nothing', async () => {
    const db = await demoDatabase();
    await addSecondForum(db);
    const before = fs.readFileSync(db);
    const ambiguous = await cli('documents', 'generate-key-messages', '--db', db);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toMatch(/holds 2 forums: say which with --forum ID/);
    const mistyped = await cli('documents', 'generate-key-messages', '--db', db, '--forum', 'not a forum!');
    expect(mistyped.code).toBe(2);
    expect(mistyped.err).toMatch(/--forum must be a forum id/);
    const unknown = await cli('documents', 'generate-key-messages', '--db', db, '--forum', 'forum-missing-0000');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/There is no forum forum-missing-0000/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    const nowhere = path.join(tempDir(), 'nowhere.sqlite');
    expect((await cli('documents', 'generate-key-messages', '--db', nowhere)).code).toBe(1);
    expect(fs.existsSync(nowhere)).toBe(false);
  });
});
