import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore, type CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { latestVersion, migrations } from '../../../main/core/store/migrations';
import { m027DeferredSearchUpdates } from '../../../main/core/store/migrations/m027_deferredSearchUpdates';
import { searchIndexes, withSearchDeferred, withSearchUpdatesDeferred } from '../../../main/core/store/searchIndexes';
import { forumInput } from '../../../shared/forum';
import { databaseBefore } from '../helpers/databaseBefore';
import { tempCore, tempDir, validForum } from '../helpers/tempCore';

type Indexed = keyof typeof searchIndexes;
const indexed = Object.keys(searchIndexes) as Indexed[];

/** FTS5's own check that an index holds exactly what its rows say (throws if not). */
const checkIndexes = (ctx: CoreContext) => {
  for (const t of indexed) ctx.db.prepare(`INSERT INTO ${t}_search (${t}_search, rank) VALUES ('integrity-check', 1)`).run();
};
const found = (ctx: CoreContext, table: Indexed, word: string) =>
  ctx.db.prepare(`SELECT rowid FROM ${table}_search WHERE ${table}_search MATCH ? ORDER BY rowid`).pluck().all(word);
const flags = (ctx: CoreContext) => ctx.db.prepare('SELECT count(*) FROM search_deferred').pluck().get();

async function forumWithRows(): Promise<{ ctx: CoreContext; forumId: string }> {
  const ctx = await tempCore();
  const forumId = createForum(ctx, forumInput.parse(validForum)).id;
  for (let i = 0; i < 4; i++) {
    writeRow(ctx, 'sessions', `s${i}`, { forum_id: forumId, title: { en: `Land markets ${i}`, fr: `Marchés fonciers ${i}` }, room: { en: `Room ${i}` }, kind: 'parallel', deleted: 0 });
    writeRow(ctx, 'notes', `n${i}`, { forum_id: forumId, session_id: `s${i}`, lang: 'ar', text: `ملاحظة ${i} about heritage`, deleted: 0 });
    writeRow(ctx, 'key_messages', `k${i}`, { forum_id: forumId, session_id: `s${i}`, text: { en: `Villages need schools ${i}` }, status: 'draft', position: `a${i}`, deleted: 0 });
    writeRow(ctx, 'participants', `p${i}`, { forum_id: forumId, name: `Zhāng Wěi ${i}`, organisation: 'Tongji University', email: `z${i}@example.org`, roles: ['participant'], deleted: 0 });
  }
  return { ctx, forumId };
}

const prefix: Record<Indexed, string> = { sessions: 's', notes: 'n', key_messages: 'k', participants: 'p' };
/** The rows `edit` writes: two that were there, and for notes one it creates. */
const editedIds = (table: Indexed) => [`${prefix[table]}0`, `${prefix[table]}2`, ...(table === 'notes' ? ['n-new'] : [])];

/** Edits rows 0 and 2 of each table, and (for notes) creates one more. */
function edit(ctx: CoreContext, forumId: string, table: Indexed): void {
  const ids = prefix[table];
  for (const i of [0, 2]) {
    if (table === 'sessions') writeRow(ctx, table, `${ids}${i}`, { title: { fr: `Foncier rural ${i}` } });
    if (table === 'notes') writeRow(ctx, table, `${ids}${i}`, { text: `Terraces rebuilt ${i}` });
    if (table === 'key_messages') writeRow(ctx, table, `${ids}${i}`, { text: { en: `Wells for every village ${i}` } });
    if (table === 'participants') writeRow(ctx, table, `${ids}${i}`, { organisation: 'Sahel Cities Network' });
  }
  if (table === 'notes') writeRow(ctx, 'notes', 'n-new', { forum_id: forumId, lang: 'en', text: 'A new note about terraces', deleted: 0 });
}

const words: Record<Indexed, string[]> = {
  sessions: ['foncier rural', 'marchés', 'markets'],
  notes: ['terraces', 'heritage'],
  key_messages: ['wells', 'schools'],
  participants: ['sahel', 'tongji', 'zhang'],
};

describe('search reindexing of updated rows, deferred to one statement each way', () => {
  it('leaves every index as the row-by-row update triggers do, a row made inside indexed by its insert trigger', async () => {
    const byTrigger = await forumWithRows();
    const deferred = await forumWithRows();
    for (const table of indexed) {
      byTrigger.ctx.db.transaction(() => edit(byTrigger.ctx, byTrigger.forumId, table))();
      deferred.ctx.db.transaction(() => {
        withSearchUpdatesDeferred(deferred.ctx.db, table, editedIds(table), () => {
          edit(deferred.ctx, deferred.forumId, table);
          // Set aside until the end: the index still holds the rows as they were taken out of it.
          if (table === 'notes') expect(found(deferred.ctx, 'notes', 'rebuilt')).toEqual([]);
        });
      })();
    }
    checkIndexes(byTrigger.ctx);
    checkIndexes(deferred.ctx);
    for (const table of indexed) {
      for (const word of words[table]) expect(found(deferred.ctx, table, word)).toEqual(found(byTrigger.ctx, table, word));
    }
    expect(found(deferred.ctx, 'notes', 'terraces')).toHaveLength(3);
    expect(flags(deferred.ctx)).toBe(0);
  });

  it('takes the index back with the rows when the work inside fails, and leaves no flag', async () => {
    const { ctx } = await forumWithRows();
    const before = found(ctx, 'notes', 'heritage');
    expect(() =>
      ctx.db.transaction(() =>
        withSearchUpdatesDeferred(ctx.db, 'notes', ['n0', 'n1'], () => {
          writeRow(ctx, 'notes', 'n0', { text: 'Half written' });
          throw new Error('the slice failed');
        }),
      )(),
    ).toThrow(/slice failed/);
    checkIndexes(ctx);
    expect(found(ctx, 'notes', 'heritage')).toEqual(before);
    expect(found(ctx, 'notes', 'half')).toEqual([]);
    expect(flags(ctx)).toBe(0);
    // The update trigger is back at work.
    writeRow(ctx, 'notes', 'n1', { text: 'Written after the failure' });
    expect(found(ctx, 'notes', 'failure')).toHaveLength(1);
    checkIndexes(ctx);
  });

  it('refuses to nest, and inside a deferral of the insert triggers leaves the update triggers at work', async () => {
    const { ctx, forumId } = await forumWithRows();
    expect(() =>
      ctx.db.transaction(() =>
        withSearchUpdatesDeferred(ctx.db, 'notes', ['n0'], () => withSearchUpdatesDeferred(ctx.db, 'sessions', ['s0'], () => undefined)),
      )(),
    ).toThrow(/already deferred/);
    ctx.db.transaction(() =>
      withSearchDeferred(ctx.db, (added) => {
        writeRow(ctx, 'notes', 'fresh', { forum_id: forumId, lang: 'en', text: 'Fresh note about orchards', deleted: 0 });
        added('notes', ctx.db.prepare("SELECT rowid FROM notes WHERE id = 'fresh'").pluck().get() as number);
        // 'fresh' is not in the index yet: taking it out along with n3 would damage the index.
        withSearchUpdatesDeferred(ctx.db, 'notes', ['fresh', 'n3'], () => writeRow(ctx, 'notes', 'n3', { text: 'Heritage vineyards' }));
      }),
    )();
    checkIndexes(ctx);
    expect(found(ctx, 'notes', 'vineyards')).toHaveLength(1);
    expect(found(ctx, 'notes', 'orchards')).toHaveLength(1);
    expect(flags(ctx)).toBe(0);
  });
});

describe('m027 deferred search updates', () => {
  it('takes the version of its place in the list', () => {
    expect(m027DeferredSearchUpdates.version).toBe(migrations.indexOf(m027DeferredSearchUpdates) + 1);
    expect(m027DeferredSearchUpdates.version).toBeLessThanOrEqual(latestVersion);
  });

  it('upgrades a database: each update trigger keeps its text with the condition added, and edits are still indexed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    databaseBefore(file, m027DeferredSearchUpdates, ['en'], (db) => {
      db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', 'old-laptop')").run();
      db.prepare("INSERT INTO sessions (id, forum_id, title, room) VALUES ('session-0001', 'forum-0001', '{\"en\":\"Rural heritage\"}', '{\"en\":\"Hall A\"}')").run();
      db.prepare("INSERT INTO notes (id, forum_id, session_id, lang, text, author, deleted) VALUES ('note-0001', 'forum-0001', 'session-0001', 'en', 'Terraces and wells', 'old-laptop', 0)").run();
    });
    const ctx = await openCore(file, { backupDir: path.join(dir, 'backups') });
    try {
      for (const index of Object.values(searchIndexes)) {
        const sql = ctx.db.prepare("SELECT sql FROM sqlite_schema WHERE name = ?").pluck().get(index.updateTrigger) as string;
        expect(sql).toContain(`WHEN NOT EXISTS (SELECT 1 FROM search_deferred WHERE tbl = '${index.table}:update')`);
        expect(sql).toMatch(/AFTER UPDATE OF .+ BEGIN/s);
      }
      ctx.db.prepare("UPDATE notes SET text = 'Orchards and wells' WHERE id = 'note-0001'").run();
      ctx.db.prepare(`UPDATE sessions SET title = '{"en":"Coastal cities"}' WHERE id = 'session-0001'`).run();
      expect(found(ctx, 'notes', 'orchards')).toHaveLength(1);
      expect(found(ctx, 'notes', 'terraces')).toEqual([]);
      expect(found(ctx, 'sessions', 'coastal')).toHaveLength(1);
      expect(found(ctx, 'sessions', 'heritage')).toEqual([]);
      checkIndexes(ctx);
    } finally {
      closeCore(ctx);
    }
  });
});
