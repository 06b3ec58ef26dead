import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { importBytes } from '../helpers/exchange';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';

describe('deleting a forum', () => {
  it('is a change in the log that travels in a bundle, and undoing it is one more', async () => {
    const organiser = await tempCore();
    const forum = await invoke(organiser, 'forums:create', validForum);
    const colleague = await tempCore();
    await importBytes(colleague, exportBundle(organiser, { forumId: forum.id }).bytes);
    expect((await invoke(colleague, 'forums:list', {})).map((f) => f.id)).toEqual([forum.id]);

    expect(await invoke(organiser, 'forums:setDeleted', { id: forum.id, deleted: true })).toEqual({ id: forum.id, deleted: true });
    expect(await invoke(organiser, 'forums:list', {})).toEqual([]);
    expect((await invoke(organiser, 'forums:list', { deleted: true })).map((f) => f.id)).toEqual([forum.id]);
    await expect(invoke(organiser, 'forums:get', { id: forum.id })).rejects.toMatchObject({ code: 'not_found' });
    const logged = organiser.db.prepare("SELECT cells FROM changes WHERE tbl = 'forums' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(logged)).toEqual({ deleted: 1 });

    // The deletion of a whole forum asks for a yes on the laptop that receives it.
    await importBytes(colleague, exportBundle(organiser, { forumId: forum.id }).bytes, { confirmMassChanges: true });
    expect(await invoke(colleague, 'forums:list', {})).toEqual([]);

    await invoke(organiser, 'forums:setDeleted', { id: forum.id, deleted: false });
    expect((await invoke(organiser, 'forums:list', {})).map((f) => f.id)).toEqual([forum.id]);
    await importBytes(colleague, exportBundle(organiser, { forumId: forum.id }).bytes, { confirmMassChanges: true });
    expect((await invoke(colleague, 'forums:get', { id: forum.id })).title).toEqual(validForum.title);
  });

  it('refuses an unknown forum or a malformed request, changing nothing', async () => {
    const ctx = await tempCore();
    const forum = await invoke(ctx, 'forums:create', validForum);
    const before = snapshot(ctx);
    await expect(invoke(ctx, 'forums:setDeleted', { id: 'no-such-forum', deleted: true })).rejects.toMatchObject({ code: 'not_found' });
    for (const bad of [{ id: forum.id, deleted: 'yes' }, { id: forum.id }, { id: '', deleted: true }, { id: forum.id, deleted: true, cascade: true }]) {
      await expect(invoke(ctx, 'forums:setDeleted', bad as never)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect(snapshot(ctx)).toBe(before);
  });

  it('keeps one demo at a time: asked again, the demo this laptop has comes back', async () => {
    const ctx = await tempCore();
    const first = await invoke(ctx, 'demo:create', {});
    const again = await invoke(ctx, 'demo:create', {});
    expect(again.id).toBe(first.id);
    expect((await invoke(ctx, 'forums:list', {})).filter((f) => f.isDemo)).toHaveLength(1);
    // Once deleted, a fresh demo can be added.
    await invoke(ctx, 'forums:setDeleted', { id: first.id, deleted: true });
    const fresh = await invoke(ctx, 'demo:create', {});
    expect(fresh.id).not.toBe(first.id);
  });
});
