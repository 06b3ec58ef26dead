import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { decodeHlc } from '../../../main/core/sync/hybridClock';
import { craftBundle, hlcAt, type CraftedLine } from '../helpers/craftBundle';
import { expectImportRefused, importBytes, previewBytes } from '../helpers/exchange';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';

const day = 86_400_000;

/** Laptop B holds the demo forum (from A) and a forum of its own, with a session and a person. */
async function twoForums() {
  const a = await tempCore();
  const b = await tempCore();
  const shared = createDemoForum(a);
  await importBytes(b, exportBundle(a, { forumId: shared.id }).bytes);
  const own = await invoke(b, 'forums:create', { ...validForum, title: { en: 'Private workshop' } });
  const session = await invoke(b, 'sessions:create', {
    forumId: own.id,
    session: { day: '2026-03-02', startTime: '09:00', endTime: '10:00', kind: 'plenary', title: { en: 'Closed door' }, room: {}, description: {}, roles: [] },
  });
  const person = await invoke(b, 'participants:create', {
    forumId: own.id,
    participant: { name: 'Dana Private', organisation: '', orgType: null, country: '', gender: null, roles: [], email: '', languages: [] },
  });
  const sharedPerson = b.db.prepare('SELECT id FROM participants WHERE forum_id = ? LIMIT 1').pluck().get(shared.id) as string;
  const sharedSession = b.db.prepare('SELECT id FROM sessions WHERE forum_id = ? LIMIT 1').pluck().get(shared.id) as string;
  return { a, b, shared: shared.id, own: own.id, session: session.id, person: person.id, sharedPerson, sharedSession };
}

const expectRefused = (ctx: CoreContext, bytes: Uint8Array, message: RegExp) => expectImportRefused(ctx, bytes, message);

describe('a bundle for one forum', () => {
  it('may not rename, delete or move rows of another forum, nor point at them', async () => {
    const { a, b, shared, own, session, person, sharedPerson } = await twoForums();
    const line = (table: string, rowId: string, cells: Record<string, unknown>, parents?: Record<string, string[]>): CraftedLine =>
      parents ? [a.deviceId, hlcAt(0), table, rowId, cells, parents] : [a.deviceId, hlcAt(0), table, rowId, cells];
    const attempts: CraftedLine[][] = [
      [line('participants', person, { name: 'Renamed by a stranger' })],
      [line('sessions', session, { deleted: 1 })],
      [line('forums', own, { 'title@en': 'Taken over' })],
      [line('participants', sharedPerson, { forum_id: own })],
      [line('notes', 'planted-note', { forum_id: shared, session_id: session, lang: 'en', text: 'planted' }, { text: [] })],
      [line('stances', 'planted-stance', { forum_id: shared, participant_id: person, stance: 'support' })],
    ];
    for (const lines of attempts) await expectRefused(b, craftBundle(a, shared, lines), /another forum/);
  });

  it('may not write a note in the name of another laptop', async () => {
    const { a, b, shared, sharedSession } = await twoForums();
    const forged: CraftedLine = [a.deviceId, hlcAt(0), 'notes', 'forged-note', { forum_id: shared, session_id: sharedSession, lang: 'en', text: 'x', author: b.deviceId }, { text: [] }];
    await expectRefused(b, craftBundle(a, shared, [forged]), /author other than the laptop/);
  });

  it('may not change a row it never created here, or refer to one this laptop lacks', async () => {
    const { a, b, shared } = await twoForums();
    await expectRefused(b, craftBundle(a, shared, [[a.deviceId, hlcAt(0), 'participants', 'nobody-here', { name: 'Ghost' }]]), /does not have/);
    const orphan: CraftedLine = [a.deviceId, hlcAt(0), 'notes', 'orphan', { forum_id: shared, session_id: 'no-such-session', lang: 'en', text: 'x' }, { text: [] }];
    await expectRefused(b, craftBundle(a, shared, [orphan]), /does not have/);
  });
});

describe('clocks', () => {
  it('hold back changes stamped more than a day ahead, list them, and apply them only when asked; the clock never moves', async () => {
    const { a, b, shared, sharedSession } = await twoForums();
    const ahead = await tempCore({ wallClock: () => Date.now() + 3 * day });
    await importBytes(ahead, exportBundle(a, { forumId: shared }).bytes);
    await invoke(ahead, 'sessions:update', { id: sharedSession, session: { ...(await sessionInput(ahead, sharedSession)), title: { en: 'From three days ahead' } } });
    const bytes = exportBundle(ahead, { forumId: shared, forPeer: b.deviceId }).bytes;
    const clockBefore = b.clock.current();

    const preview = await previewBytes(b, bytes);
    expect(preview.held.changes).toBeGreaterThan(0);
    expect(preview.held.maxAheadMs).toBeGreaterThan(2.9 * day);
    await importBytes(b, bytes);
    expect(title(b, sharedSession)).not.toBe('From three days ahead');
    expect(b.db.prepare("SELECT count(*) FROM held_changes WHERE reason = 'clock_ahead'").pluck().get()).toBe(preview.held.changes);
    expect(decodeHlc(b.clock.now()).millis).toBeLessThan(Date.now() + 60_000);
    expect(b.clock.current() >= clockBefore).toBe(true);

    await importBytes(b, bytes, { applyHeld: true });
    expect(title(b, sharedSession)).toBe('From three days ahead');
    expect(decodeHlc(b.clock.now()).millis).toBeLessThan(Date.now() + 60_000);
    // A person's edit afterwards takes effect, although the value it replaces is stamped days later.
    await invoke(b, 'sessions:update', { id: sharedSession, session: { ...(await sessionInput(b, sharedSession)), title: { en: 'Set right here' } } });
    expect(title(b, sharedSession)).toBe('Set right here');
    await importBytes(ahead, exportBundle(b, { forumId: shared }).bytes, { applyHeld: true });
    expect(title(ahead, sharedSession)).toBe('Set right here');
  });

  it('let a local edit win over a value from a laptop a few hours ahead, on every laptop', async () => {
    const { a, b, shared, sharedSession, sharedPerson } = await twoForums();
    const fast = await tempCore({ wallClock: () => Date.now() + 2 * 3_600_000 });
    await importBytes(fast, exportBundle(a, { forumId: shared }).bytes);
    await invoke(fast, 'sessions:update', { id: sharedSession, session: { ...(await sessionInput(fast, sharedSession)), title: { en: 'Two hours ahead' } } });
    const person = await invoke(fast, 'participants:get', { id: sharedPerson });
    const { id: _id, checkedInAt: _c, ...input } = person;
    await invoke(fast, 'participants:update', { id: sharedPerson, participant: { ...input, name: 'Fast Name' } });
    const result = await importBytes(b, exportBundle(fast, { forumId: shared }).bytes);
    expect(result.held.changes).toBe(0);
    expect(title(b, sharedSession)).toBe('Two hours ahead');

    await invoke(b, 'sessions:update', { id: sharedSession, session: { ...(await sessionInput(b, sharedSession)), title: { en: 'Edited here, later' } } });
    await invoke(b, 'participants:update', { id: sharedPerson, participant: { ...input, name: 'Local Name' } });
    expect(title(b, sharedSession)).toBe('Edited here, later');
    expect((await invoke(b, 'participants:get', { id: sharedPerson })).name).toBe('Local Name');
    await importBytes(fast, exportBundle(b, { forumId: shared }).bytes);
    expect(title(fast, sharedSession)).toBe('Edited here, later');
    expect((await invoke(fast, 'participants:get', { id: sharedPerson })).name).toBe('Local Name');
  });
});

describe('changes held back', () => {
  it('are listed per laptop, and applied or discarded later, without moving the clock', async () => {
    const { a, b, shared, sharedSession } = await twoForums();
    const ahead = await tempCore({ wallClock: () => Date.now() + 5 * day });
    await importBytes(ahead, exportBundle(a, { forumId: shared }).bytes);
    await invoke(ahead, 'sessions:update', { id: sharedSession, session: { ...(await sessionInput(ahead, sharedSession)), title: { en: 'Five days ahead' } } });
    const bytes = exportBundle(ahead, { forumId: shared, forPeer: b.deviceId }).bytes;
    await importBytes(b, bytes);

    const [group, ...others] = await invoke(b, 'held:list', { forumId: shared });
    expect(others).toEqual([]);
    expect(group).toMatchObject({ forumId: shared, forumTitle: 'Forum on Urban-Rural Linkages', device: { id: ahead.deviceId } });
    expect(group?.maxAheadMs).toBeGreaterThan(4.9 * day);
    const before = snapshot(b);
    await expect(invoke(b, 'held:apply', { forumId: shared, deviceId: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
    expect(snapshot(b)).toBe(before);

    expect(await invoke(b, 'held:apply', { forumId: shared, deviceId: ahead.deviceId })).toEqual({ applied: group?.changes });
    expect(title(b, sharedSession)).toBe('Five days ahead');
    expect(await invoke(b, 'held:list', {})).toEqual([]);
    expect(decodeHlc(b.clock.now()).millis).toBeLessThan(Date.now() + 60_000);

    // Discarding forgets them; the same bundle can bring them back.
    const c = await tempCore();
    await importBytes(c, exportBundle(a, { forumId: shared }).bytes);
    await importBytes(c, bytes);
    expect(await invoke(c, 'held:discard', { forumId: shared, deviceId: ahead.deviceId })).toEqual({ discarded: group?.changes });
    expect(await invoke(c, 'held:list', {})).toEqual([]);
    expect(title(c, sharedSession)).not.toBe('Five days ahead');
  });
});

describe('mass changes', () => {
  it('deleting every participant is shown in the preview and needs an explicit yes', async () => {
    const { a, b, shared } = await twoForums();
    const ids = a.db.prepare('SELECT id FROM participants WHERE forum_id = ?').pluck().all(shared) as string[];
    for (const id of ids) await invoke(a, 'participants:setDeleted', { id, deleted: true });
    const bytes = exportBundle(a, { forumId: shared, forPeer: b.deviceId }).bytes;
    const preview = await previewBytes(b, bytes);
    expect(preview.massChanges).toEqual([{ table: 'participants', deleted: 200, rewritten: 0, live: 200 }]);
    const before = snapshot(b);
    await expect(importBytes(b, bytes)).rejects.toMatchObject({ code: 'confirmation_required', message: expect.stringMatching(/deletes 200 of 200 participants/) });
    expect(snapshot(b)).toBe(before);
    await importBytes(b, bytes, { confirmMassChanges: true });
    expect(b.db.prepare('SELECT count(*) FROM participants WHERE forum_id = ? AND deleted = 0').pluck().get(shared)).toBe(0);
  });
});

function title(ctx: CoreContext, sessionId: string): string | undefined {
  return (JSON.parse(ctx.db.prepare('SELECT title FROM sessions WHERE id = ?').pluck().get(sessionId) as string) as Record<string, string>).en;
}

async function sessionInput(ctx: CoreContext, sessionId: string) {
  const row = ctx.db.prepare('SELECT forum_id FROM sessions WHERE id = ?').pluck().get(sessionId) as string;
  const agenda = await invoke(ctx, 'agenda:get', { forumId: row });
  const session = agenda.sessions.find((s) => s.id === sessionId);
  if (!session) throw new Error('no session');
  return { day: session.day, startTime: session.startTime, endTime: session.endTime, kind: session.kind, title: session.title, room: session.room, description: session.description, roles: session.roles.map((r) => ({ participantId: r.participantId, role: r.role })) };
}
