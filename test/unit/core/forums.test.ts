import { describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { createForum, getForum, listForums, updateForum } from '../../../main/core/store/forums';
import { forumInput } from '../../../shared/forum';
import { tempCore, validForum } from '../helpers/tempCore';

describe('forums', () => {
  it('are created, listed and read back as typed', async () => {
    const ctx = await tempCore();
    const forum = createForum(ctx, forumInput.parse(validForum));
    expect(forum).toMatchObject({ ...validForum, isDemo: false });
    expect(listForums(ctx.db).map((f) => f.id)).toEqual([forum.id]);
    expect(getForum(ctx.db, forum.id)).toEqual(forum);
  });

  it('record only the fields an edit changed', async () => {
    const ctx = await tempCore();
    const forum = createForum(ctx, forumInput.parse(validForum));
    const updated = updateForum(ctx, forum.id, forumInput.parse({ ...validForum, endDate: '2026-03-05', title: { en: validForum.title.en } }));
    const last = ctx.db.prepare('SELECT cells FROM changes ORDER BY seq DESC LIMIT 1').pluck().get() as string;
    expect(JSON.parse(last)).toEqual({ end_date: '2026-03-05', 'title@es': '' });
    expect(updated.title).toEqual({ en: validForum.title.en });
  });

  it('survive closing and reopening the database, with the same device id', async () => {
    const ctx = await tempCore();
    const forum = createForum(ctx, forumInput.parse(validForum));
    const { databasePath, deviceId } = ctx;
    closeCore(ctx);
    const again = await openCore(databasePath);
    expect(again.deviceId).toBe(deviceId);
    expect(getForum(again.db, forum.id).title).toEqual(validForum.title);
    // The clock resumes past the last change even if the wall clock went back.
    const last = again.db.prepare('SELECT max(hlc) FROM changes').pluck().get() as string;
    expect(again.clock.now() > last).toBe(true);
    closeCore(again);
  });

  it('report a missing forum as not_found', async () => {
    const ctx = await tempCore();
    expect(() => getForum(ctx.db, 'no-such-forum')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
