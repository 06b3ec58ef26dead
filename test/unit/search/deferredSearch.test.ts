import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { openSearchDeferral, searchIndexes, withSearchDeferred } from '../../../main/core/store/searchIndexes';
import { forumInput } from '../../../shared/forum';
import { tempCore, validForum } from '../helpers/tempCore';

type Indexed = keyof typeof searchIndexes;
const indexed = Object.keys(searchIndexes) as Indexed[];
const contents = (ctx: CoreContext, table: Indexed) => ctx.db.prepare(`SELECT rowid, * FROM ${table}_search ORDER BY rowid`).all();

function fill(ctx: CoreContext, forumId: string) {
  for (let i = 0; i < 5; i++) {
    writeRow(ctx, 'sessions', `s${i}`, { forum_id: forumId, title: { en: `Land markets ${i}`, fr: `Marchés fonciers ${i}` }, room: { en: `Room ${i}` }, description: { es: 'Mercados de tierras' }, kind: 'parallel', deleted: 0 });
    writeRow(ctx, 'notes', `n${i}`, { forum_id: forumId, session_id: `s${i}`, lang: 'ar', text: `ملاحظة ${i} about heritage`, deleted: 0 });
    writeRow(ctx, 'key_messages', `k${i}`, { forum_id: forumId, session_id: `s${i}`, text: { en: `Villages need schools ${i}`, zh: `乡村需要学校 ${i}` }, status: 'draft', position: `a${i}`, deleted: 0 });
    writeRow(ctx, 'participants', `p${i}`, { forum_id: forumId, name: `Zhāng Wěi ${i}`, organisation: 'Tongji University', email: `z${i}@example.org`, roles: ['participant'], deleted: 0 });
  }
}

describe('search indexing deferred to the end of an import slice', () => {
  it('indexes rows exactly as the row-by-row triggers do', async () => {
    const ctx = await tempCore();
    const forumId = createForum(ctx, forumInput.parse(validForum)).id;
    fill(ctx, forumId);
    const byTrigger = Object.fromEntries(indexed.map((t) => [t, contents(ctx, t)]));
    for (const t of indexed) expect(byTrigger[t]?.length).toBeGreaterThan(0);

    // The same rows indexed again in bulk, the way an import's slice does it.
    ctx.db.transaction(() => {
      for (const t of indexed) ctx.db.prepare(`DELETE FROM ${t}_search`).run();
      withSearchDeferred(ctx.db, (added) => {
        for (const t of indexed) {
          for (const rowid of ctx.db.prepare(`SELECT rowid FROM ${t}`).pluck().all() as number[]) added(t, rowid);
        }
      });
    })();
    for (const t of indexed) expect(contents(ctx, t)).toEqual(byTrigger[t]);
  });

  it('leaves the triggers on after the slice, and off only inside it', async () => {
    const ctx = await tempCore();
    const forumId = createForum(ctx, forumInput.parse(validForum)).id;
    ctx.db.transaction(() =>
      withSearchDeferred(ctx.db, () => {
        writeRow(ctx, 'notes', 'inside', { forum_id: forumId, lang: 'en', text: 'written inside the slice', deleted: 0 });
        expect(ctx.db.prepare("SELECT count(*) FROM notes_search WHERE notes_search MATCH 'inside'").pluck().get()).toBe(0);
      }),
    )();
    expect(ctx.db.prepare('SELECT count(*) FROM search_deferred').pluck().get()).toBe(0);
    writeRow(ctx, 'notes', 'after', { forum_id: forumId, lang: 'en', text: 'written after the slice', deleted: 0 });
    expect(ctx.db.prepare("SELECT count(*) FROM notes_search WHERE notes_search MATCH 'after'").pluck().get()).toBe(1);
  });

  it('keeps one deferral open across several batches of a slice, and indexes them all as it closes', async () => {
    const ctx = await tempCore();
    const forumId = createForum(ctx, forumInput.parse(validForum)).id;
    const note = (id: string, text: string) => {
      writeRow(ctx, 'notes', id, { forum_id: forumId, lang: 'en', text, deleted: 0 });
      return ctx.db.prepare('SELECT rowid FROM notes WHERE id = ?').pluck().get(id) as number;
    };
    const hits = (word: string) => ctx.db.prepare('SELECT count(*) FROM notes_search WHERE notes_search MATCH ?').pluck().get(word);
    ctx.db.transaction(() => {
      const deferral = openSearchDeferral(ctx.db);
      deferral.added('notes', note('a', 'first batch about terraces'));
      // A batch that defers on its own inside joins the open one instead of indexing early.
      withSearchDeferred(ctx.db, (added) => added('notes', note('b', 'second batch about terraces')));
      expect(hits('terraces')).toBe(0);
      deferral.close();
      expect(hits('terraces')).toBe(2);
      deferral.close();
      expect(hits('terraces')).toBe(2);
    })();
    expect(ctx.db.prepare('SELECT count(*) FROM search_deferred').pluck().get()).toBe(0);
  });

  it('abandoned with its transaction, leaves no flag behind and the triggers working', async () => {
    const ctx = await tempCore();
    const forumId = createForum(ctx, forumInput.parse(validForum)).id;
    expect(() =>
      ctx.db.transaction(() => {
        const deferral = openSearchDeferral(ctx.db);
        try {
          writeRow(ctx, 'notes', 'lost', { forum_id: forumId, lang: 'en', text: 'undone with the slice', deleted: 0 });
          throw new Error('the slice failed');
        } catch (error) {
          deferral.abandon();
          throw error;
        }
      })(),
    ).toThrow(/slice failed/);
    expect(ctx.db.prepare('SELECT count(*) FROM search_deferred').pluck().get()).toBe(0);
    expect(ctx.db.prepare("SELECT count(*) FROM notes WHERE id = 'lost'").pluck().get()).toBe(0);
    // No deferral is left active: the next one starts afresh, and a plain write is indexed by its trigger.
    writeRow(ctx, 'notes', 'kept', { forum_id: forumId, lang: 'en', text: 'written after the failure', deleted: 0 });
    expect(ctx.db.prepare("SELECT count(*) FROM notes_search WHERE notes_search MATCH 'failure'").pluck().get()).toBe(1);
    ctx.db.transaction(() => withSearchDeferred(ctx.db, (added) => added('notes', ctx.db.prepare("SELECT rowid FROM notes WHERE id = 'kept'").pluck().get() as number)))();
    expect(ctx.db.prepare('SELECT count(*) FROM search_deferred').pluck().get()).toBe(0);
  });

  it('refuses to run outside a transaction, where the flag could outlive the import', async () => {
    const ctx = await tempCore();
    expect(() => withSearchDeferred(ctx.db, () => undefined)).toThrow(/transaction/);
    expect(ctx.db.prepare('SELECT count(*) FROM search_deferred').pluck().get()).toBe(0);
  });
});
