import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreContext } from '../../../main/core/coreContext';
import { reprojectRows } from '../../../main/core/store/changeLog';
import { rowHistory } from '../../../main/core/store/rowHistory';
import { syncedTables, type SyncedTable } from '../../../main/core/store/syncedTables';
import { encodeHlc } from '../../../main/core/sync/hybridClock';
import type { Participant } from '../../../shared/participants';
import { snapshot } from '../helpers/tempCore';
import { forumWithPeople, must, person } from './participantFixture';

/** The projection rebuilt from the change log alone, as another laptop would build it. */
function rebuildFromLog(ctx: CoreContext): void {
  ctx.db.transaction(() => {
    for (const table of Object.keys(syncedTables) as SyncedTable[]) {
      const ids = ctx.db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[];
      ctx.db.prepare(`DELETE FROM ${table}`).run();
      reprojectRows(ctx.db, table, ids);
    }
  })();
}

const lastCells = (ctx: CoreContext, id: string) => rowHistory(ctx.db, 'participants', id).at(-1)?.cells;

afterEach(() => {
  vi.useRealTimers();
});

describe('participants through the change log', () => {
  it('creates, reads, edits and deletes, and the log alone rebuilds the same tables', async () => {
    const { ctx, forumId, created } = await forumWithPeople([{}, { name: '王小明', email: '', country: '', orgType: null, gender: null, roles: [], languages: [] }]);
    const [ana, wang] = created as [Participant, Participant];
    expect(ana).toEqual({ id: ana.id, ...person(), checkedInAt: null });
    // Unknowns read back as the form sends them, and are stored as NULL so counts skip them.
    expect(wang).toMatchObject({ name: '王小明', email: '', country: '', orgType: null, gender: null, roles: [], languages: [] });
    expect(ctx.db.prepare('SELECT email, country, forum_id FROM participants WHERE id = ?').get(wang.id)).toEqual({ email: null, country: null, forum_id: forumId });
    expect(await must(ctx, 'participants:get', { id: ana.id })).toEqual(ana);

    const edited = await must<Participant>(ctx, 'participants:update', { id: ana.id, participant: person({ organisation: 'UNESCO', roles: ['chair', 'speaker'] }) });
    expect(edited).toMatchObject({ organisation: 'UNESCO', roles: ['chair', 'speaker'] });
    await must(ctx, 'participants:checkIn', { id: wang.id, checkedIn: true });
    await must(ctx, 'participants:setDeleted', { id: wang.id, deleted: true });

    const before = snapshot(ctx);
    rebuildFromLog(ctx);
    expect(snapshot(ctx)).toBe(before);
    // The search index follows the projection through its triggers.
    const found = ctx.db.prepare("SELECT count(*) FROM participants_search WHERE participants_search MATCH '\"unesco\"'").pluck().get();
    expect(found).toBe(1);
  });

  it('records only the cells an edit changes, so a concurrent edit of another field survives', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const { ctx, forumId, created } = await forumWithPeople([{}], { wallClock: () => now });
    const id = (created[0] as Participant).id;
    // Another laptop corrects the organisation a minute later, before it sees our edit...
    const remote = { device: 'ffffffff-remote-laptop', hlc: encodeHlc({ millis: now + 60_000, counter: 0 }) };
    // ...while we correct the email two minutes later.
    now += 120_000;
    await must(ctx, 'participants:update', { id, participant: person({ email: 'ana@unhabitat.org' }) });
    expect(lastCells(ctx, id)).toEqual({ email: 'ana@unhabitat.org' });

    ctx.db
      .prepare("INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells) VALUES (?, ?, 'participants', ?, ?, ?)")
      .run(remote.device, remote.hlc, id, forumId, JSON.stringify({ organisation: 'UN-Habitat Brazil' }));
    reprojectRows(ctx.db, 'participants', [id]);
    expect(ctx.db.prepare('SELECT organisation, email FROM participants WHERE id = ?').get(id)).toEqual({
      organisation: 'UN-Habitat Brazil',
      email: 'ana@unhabitat.org',
    });
  });

  it('writes nothing when an edit changes nothing, even with the roles in another order', async () => {
    const { ctx, created } = await forumWithPeople([{ roles: ['speaker', 'chair'] }]);
    const id = (created[0] as Participant).id;
    expect((created[0] as Participant).roles).toEqual(['chair', 'speaker']);
    const changes = () => ctx.db.prepare('SELECT count(*) FROM changes').pluck().get();
    const before = changes();
    await must(ctx, 'participants:update', { id, participant: person({ roles: ['chair', 'speaker', 'chair'] }) });
    expect(changes()).toBe(before);
  });

  it('keeps the first arrival time when checked in twice, and undoes a check-in', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { ctx, created } = await forumWithPeople([{}]);
    const id = (created[0] as Participant).id;
    vi.setSystemTime(new Date('2026-03-02T08:15:00.000Z'));
    const first = await must<Participant>(ctx, 'participants:checkIn', { id, checkedIn: true });
    expect(first.checkedInAt).toBe('2026-03-02T08:15:00.000Z');
    vi.setSystemTime(new Date('2026-03-02T09:40:00.000Z'));
    const again = await must<Participant>(ctx, 'participants:checkIn', { id, checkedIn: true });
    expect(again.checkedInAt).toBe('2026-03-02T08:15:00.000Z');
    expect(lastCells(ctx, id)).toEqual({ checked_in_at: '2026-03-02T08:15:00.000Z' });

    const undone = await must<Participant>(ctx, 'participants:checkIn', { id, checkedIn: false });
    expect(undone.checkedInAt).toBeNull();
    expect(lastCells(ctx, id)).toEqual({ checked_in_at: null });
    const back = await must<Participant>(ctx, 'participants:checkIn', { id, checkedIn: true });
    expect(back.checkedInAt).toBe('2026-03-02T09:40:00.000Z');
  });

  it('an edit never touches the check-in time', async () => {
    const { ctx, created } = await forumWithPeople([{}]);
    const id = (created[0] as Participant).id;
    const arrived = await must<Participant>(ctx, 'participants:checkIn', { id, checkedIn: true });
    const edited = await must<Participant>(ctx, 'participants:update', { id, participant: person({ name: 'Ana Maria Silva' }) });
    expect(edited.checkedInAt).toBe(arrived.checkedInAt);
    expect(lastCells(ctx, id)).toEqual({ name: 'Ana Maria Silva' });
  });

  it('deletes with a tombstone that can be undone; a deleted participant is not found', async () => {
    const { ctx, created } = await forumWithPeople([{}]);
    const id = (created[0] as Participant).id;
    expect(await must(ctx, 'participants:setDeleted', { id, deleted: true })).toEqual({ id, deleted: true });
    expect(ctx.db.prepare('SELECT deleted FROM participants WHERE id = ?').pluck().get(id)).toBe(1);
    for (const [name, input] of [
      ['participants:get', { id }],
      ['participants:update', { id, participant: person() }],
      ['participants:checkIn', { id, checkedIn: true }],
    ] as const) {
      await expect(must(ctx, name, input)).rejects.toThrow(/No participant/);
    }
    expect(await must(ctx, 'participants:setDeleted', { id, deleted: false })).toEqual({ id, deleted: false });
    expect(await must(ctx, 'participants:get', { id })).toMatchObject({ name: 'Ana Silva' });
  });

  it('stores names in one Unicode spelling, so a decomposed é is found and sorted as a composed one', async () => {
    const { ctx, forumId, created } = await forumWithPeople([{ name: 'Jose\u0301 Nu\u0301n\u0303ez' }, { name: 'José Zapata' }]);
    expect((created[0] as Participant).name).toBe('José Núñez');
    // Typed decomposed too (as macOS sends it), the search still finds the composed name.
    const found = await must<{ rows: Participant[] }>(ctx, 'participants:query', { forumId, text: 'Nu\u0301n\u0303ez' });
    expect(found.rows.map((p) => p.name)).toEqual(['José Núñez']);
    const short = await must<{ rows: Participant[] }>(ctx, 'participants:query', { forumId, text: 'e\u0301' });
    expect(short.rows.map((p) => p.name)).toEqual(['José Núñez', 'José Zapata']);
  });
});
