import { describe, expect, it } from 'vitest';
import { reprojectRows, writeRow } from '../../../main/core/store/changeLog';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { syncedTables, type SyncedTable } from '../../../main/core/store/syncedTables';
import { snapshot, tempCore } from '../helpers/tempCore';

/** Empties every projection table and folds it back from the change log alone. */
function rebuildFromLog(ctx: CoreContext): void {
  ctx.db.transaction(() => {
    for (const table of Object.keys(syncedTables) as SyncedTable[]) {
      const ids = ctx.db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[];
      ctx.db.prepare(`DELETE FROM ${table}`).run();
      reprojectRows(ctx.db, table, ids);
    }
  })();
}

describe('the change log', () => {
  it('records one change per cell and updates the projection in the same write', async () => {
    const ctx = await tempCore();
    const change = writeRow(ctx, 'forums', 'forum-1', {
      title: { en: 'Forum', zh: '论坛' },
      start_date: '2026-11-23',
      languages: ['en', 'zh'],
    });
    expect(Object.keys(change?.cells ?? {}).sort()).toEqual(['languages', 'start_date', 'title@en', 'title@zh']);
    expect(change?.device).toBe(ctx.deviceId);
    const logged = ctx.db.prepare('SELECT device, hlc, tbl, row_id, cells FROM changes').all();
    expect(logged).toEqual([
      {
        device: ctx.deviceId,
        hlc: change?.hlc,
        tbl: 'forums',
        row_id: 'forum-1',
        cells: JSON.stringify({ 'title@en': 'Forum', 'title@zh': '论坛', start_date: '2026-11-23', languages: ['en', 'zh'] }),
      },
    ]);
    const row = ctx.db.prepare("SELECT title, start_date, languages FROM forums WHERE id = 'forum-1'").get();
    expect(row).toEqual({ title: '{"en":"Forum","zh":"论坛"}', start_date: '2026-11-23', languages: '["en","zh"]' });
  });

  it('keeps every earlier value in the log while the projection shows the latest', async () => {
    const ctx = await tempCore();
    writeRow(ctx, 'forums', 'f', { title: { en: 'First' } });
    writeRow(ctx, 'forums', 'f', { title: { en: 'Second' } });
    writeRow(ctx, 'forums', 'f', { title: { en: '' } });
    const history = ctx.db.prepare("SELECT cells ->> '$.\"title@en\"' FROM changes ORDER BY hlc").pluck().all();
    expect(history).toEqual(['First', 'Second', '']);
    expect(ctx.db.prepare("SELECT title FROM forums WHERE id = 'f'").pluck().get()).toBe('{}');
  });

  it('refuses unknown tables and columns before anything is written', async () => {
    const ctx = await tempCore();
    writeRow(ctx, 'forums', 'f', { title: { en: 'Kept' } });
    const before = snapshot(ctx);
    expect(() => writeRow(ctx, 'forums', 'f', { title: { en: 'New' }, nonsense: 1 })).toThrow(/no column forums.nonsense/);
    expect(() => writeRow(ctx, 'meta' as SyncedTable, 'device_id', { value: 'stolen' })).toThrow(/no column/);
    expect(() => writeRow(ctx, 'forums', 'f', { title: { 'en"); DROP TABLE forums; --': 'x' } })).toThrow(/no column/);
    expect(snapshot(ctx)).toBe(before);
  });

  it('can rebuild every projection from the log alone', async () => {
    const ctx = await tempCore();
    writeRow(ctx, 'forums', 'f', { title: { en: 'Forum', es: 'Foro' }, languages: ['en', 'es'], is_demo: 0, deleted: 0 });
    writeRow(ctx, 'sessions', 's', { forum_id: 'f', title: { en: 'Opening' }, themes: ['heritage'], deleted: 0 });
    writeRow(ctx, 'forums', 'f', { title: { es: 'Foro rural' } });
    writeRow(ctx, 'sessions', 's', { deleted: 1 });
    const before = snapshot(ctx);
    rebuildFromLog(ctx);
    expect(snapshot(ctx)).toBe(before);
  });

  it('holds everything the real commands wrote: the demo forum and an edit rebuild from the log alone', async () => {
    const ctx = await tempCore();
    const forum = await dispatch(ctx, 'cli', 'demo:create', {});
    if (!forum.ok) throw new Error(forum.error.message);
    const id = (forum.value as { id: string }).id;
    const current = await dispatch(ctx, 'cli', 'forums:get', { id });
    if (!current.ok) throw new Error(current.error.message);
    const { id: _id, isDemo: _demo, ...values } = current.value as Record<string, unknown>;
    await dispatch(ctx, 'cli', 'forums:update', { id, forum: { ...values, endDate: '2026-11-26', title: { en: 'Renamed', zh: '新名称' } } });
    await dispatch(ctx, 'cli', 'settings:set', { language: 'fr' });
    const before = snapshot(ctx);
    rebuildFromLog(ctx);
    // One device: the log replays in write order, so even the languages' order comes out the same.
    expect(snapshot(ctx)).toBe(before);
  });

  it('picks the same winner on every device: later clock first, then the higher device id', async () => {
    const ctx = await tempCore();
    const insert = ctx.db.prepare("INSERT INTO changes (hlc, device, tbl, row_id, cells) VALUES (?, ?, 'forums', 'f', ?)");
    insert.run('000000000000100-0000', 'device-a', '{"time_zone":"Asia/Shanghai","title@en":"A"}');
    insert.run('000000000000200-0000', 'device-b', '{"time_zone":"Europe/Paris"}');
    insert.run('000000000000200-0000', 'device-c', '{"time_zone":"America/Merida"}');
    insert.run('000000000000050-0000', 'device-z', '{"time_zone":"UTC","title@en":"Z","title@fr":"F"}');
    reprojectRows(ctx.db, 'forums', ['f']);
    // Per cell, not per write: the oldest write still wins the cells nobody changed after it.
    expect(ctx.db.prepare("SELECT time_zone, title FROM forums WHERE id = 'f'").get()).toEqual({
      time_zone: 'America/Merida',
      title: '{"en":"A","fr":"F"}',
    });
  });
});
