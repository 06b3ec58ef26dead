import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { reprojectRows, writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { forumInput } from '../../../shared/forum';
import { importBytes } from '../helpers/exchange';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';

const searchTables = ['notes', 'key_messages', 'sessions', 'participants'] as const;

/** FTS5's own check that an index holds exactly what its content table says (throws if not). */
function checkIndexes(ctx: CoreContext): void {
  for (const table of searchTables) ctx.db.prepare(`INSERT INTO ${table}_search (${table}_search, rank) VALUES ('integrity-check', 1)`).run();
}

const hits = (ctx: CoreContext, word: string) => ctx.db.prepare('SELECT count(*) FROM notes_search WHERE notes_search MATCH ?').pluck().get(word) as number;

// A bundle's new rows go in over several steps of one slice (16, then 64, then more), under one
// search deferral that indexes them all as the slice ends (applyBundlePlans, applyInChunks).
describe('the search index after an import', () => {
  it('holds every row the bundles created over several steps of a slice, and the edits of rows already here', async () => {
    const origin = await tempCore();
    const forumId = createForum(origin, forumInput.parse(validForum)).id;
    const base = exportBundle(origin, { forumId }).bytes;
    const laptop = await tempCore();
    await importBytes(laptop, base);
    laptop.db.transaction(() => {
      for (let n = 0; n < 300; n++) writeRow(laptop, 'notes', `note-${n}`, { forum_id: forumId, lang: 'en', text: `Terraces ${n} and water word${n}`, deleted: 0 });
      writeRow(laptop, 'key_messages', 'km-1', { forum_id: forumId, text: { en: 'Villages keep their terraces' }, status: 'draft', position: 'a0', deleted: 0 });
    })();
    // The same laptop edits a note the secretariat will already have: re-projected after the new rows.
    const first = exportBundle(laptop, { forumId }).bytes;
    writeRow(laptop, 'notes', 'note-0', { text: 'Terraces rebuilt after the flood' });
    writeRow(laptop, 'notes', 'note-300', { forum_id: forumId, lang: 'en', text: 'A late note about wells', deleted: 0 });
    const second = exportBundle(laptop, { forumId }).bytes;

    const secretariat = await tempCore();
    await importBytes(secretariat, base);
    const files = [first, second].map((bytes, i) => ({ name: `laptop-${i}.plenary`, data: Buffer.from(bytes).toString('base64') }));
    const { bundles } = await invoke(secretariat, 'bundles:import', { files, trust: true });
    expect(bundles.map((b) => b.status)).toEqual(['imported', 'imported']);
    checkIndexes(secretariat);
    expect(hits(secretariat, 'terraces')).toBe(300);
    expect(hits(secretariat, 'word299')).toBe(1);
    expect(hits(secretariat, 'flood')).toBe(1);
    expect(hits(secretariat, 'wells')).toBe(1);
    expect(secretariat.db.prepare("SELECT count(*) FROM key_messages_search WHERE key_messages_search MATCH 'villages'").pluck().get()).toBe(1);
    expect(secretariat.db.prepare('SELECT count(*) FROM search_deferred').pluck().get()).toBe(0);
  }, 60_000);

  it('reindexes the rows already here that a later bundle edits, in every index, and writes only the cells it changed', async () => {
    const origin = await tempCore();
    const forumId = createForum(origin, forumInput.parse(validForum)).id;
    origin.db.transaction(() => {
      writeRow(origin, 'sessions', 'session-1', { forum_id: forumId, title: { en: 'Land markets', fr: 'Marchés fonciers' }, room: { en: 'Hall B' }, kind: 'parallel', deleted: 0 });
      writeRow(origin, 'participants', 'person-1', { forum_id: forumId, name: 'Amina Diallo', organisation: 'Sahel Cities Network', email: 'amina@example.org', roles: ['participant'], deleted: 0 });
      for (let n = 0; n < 40; n++) writeRow(origin, 'notes', `note-${n}`, { forum_id: forumId, session_id: 'session-1', lang: 'en', text: `Orchards ${n} need water`, deleted: 0 });
      writeRow(origin, 'key_messages', 'km-1', { forum_id: forumId, session_id: 'session-1', text: { en: 'Keep the orchards', zh: '保护果园' }, status: 'draft', position: 'a0', deleted: 0 });
    })();
    const base = exportBundle(origin, { forumId }).bytes;
    const laptop = await tempCore();
    await importBytes(laptop, base);
    laptop.db.transaction(() => {
      for (let n = 0; n < 40; n += 2) writeRow(laptop, 'notes', `note-${n}`, { text: `Terraces ${n} after the flood` });
      writeRow(laptop, 'notes', 'note-1', { tags: ['water'] });
      writeRow(laptop, 'sessions', 'session-1', { title: { fr: 'Foncier rural', en: '' } });
      writeRow(laptop, 'participants', 'person-1', { name: 'Amina Diallo-Sow' });
      writeRow(laptop, 'key_messages', 'km-1', { text: { zh: '修复梯田' } });
    })();
    const edits = exportBundle(laptop, { forumId }).bytes;

    const secretariat = await tempCore();
    await importBytes(secretariat, base);
    const { bundles } = await invoke(secretariat, 'bundles:import', { files: [{ name: 'edits.plenary', data: Buffer.from(edits).toString('base64') }], trust: true });
    expect(bundles.map((b) => b.status)).toEqual(['imported']);
    checkIndexes(secretariat);
    const found = (table: string, word: string) => secretariat.db.prepare(`SELECT count(*) FROM ${table}_search WHERE ${table}_search MATCH ?`).pluck().get(word);
    expect([hits(secretariat, 'orchards'), hits(secretariat, 'flood')]).toEqual([20, 20]);
    expect([found('sessions', 'foncier'), found('sessions', 'markets'), found('sessions', 'hall')]).toEqual([1, 0, 1]);
    expect([found('participants', 'sow'), found('participants', 'sahel')]).toEqual([1, 1]);
    expect([found('key_messages', '修复梯田'), found('key_messages', '保护果园'), found('key_messages', 'orchards')]).toEqual([1, 0, 1]);
    expect(secretariat.db.prepare('SELECT count(*) FROM search_deferred').pluck().get()).toBe(0);
    expect(secretariat.db.prepare("SELECT name_key FROM participants WHERE id = 'person-1'").pluck().get()).toMatch(/sow/);

    // Only the cells the bundle set were worked out again: rebuilding every row from its whole history changes nothing.
    const imported = snapshot(secretariat);
    secretariat.db.transaction(() => {
      for (const table of searchTables) reprojectRows(secretariat.db, table, secretariat.db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[]);
    })();
    expect(snapshot(secretariat)).toBe(imported);
    // ...and the laptop that made the edits holds the same rows.
    const rows = (ctx: CoreContext, table: string) => ctx.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
    for (const table of searchTables) expect(rows(secretariat, table)).toEqual(rows(laptop, table));
  }, 60_000);
});
