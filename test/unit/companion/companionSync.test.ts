import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { fingerprintOf, publicDeviceIdentity } from '../../../main/core/sync/deviceIdentity';
import { allows } from '../../../shared/roles';
import { importBytes } from '../helpers/exchange';
import { snapshot, tempCore } from '../helpers/tempCore';
import { forumTables } from '../sync/forumTables';

const fingerprint = (ctx: CoreContext) => fingerprintOf(publicDeviceIdentity(ctx).publicKey);
const carry = (from: CoreContext, to: CoreContext, forumId: string) => importBytes(to, exportBundle(from, { forumId }).bytes);
const points = (ctx: CoreContext, forumId: string) =>
  ctx.db.prepare("SELECT id FROM outcome_paragraphs WHERE coalesce(document_id, forum_id) = ? AND kind = 'numbered' AND deleted = 0 ORDER BY position").pluck().all(forumId) as string[];

describe('announcements and the projected paragraph travel as forum data', () => {
  it('reach another laptop in a bundle, and two laptops that each change them converge', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const forumId = createDemoForum(a).id;
    const [first = '', second = ''] = points(a, forumId);
    const posted = await invoke(a, 'announcements:post', { forumId, text: 'Plenary resumes at 14:00 in Hall A.', lang: 'en' });
    await invoke(a, 'projector:show', { forumId, documentId: forumId, paragraphId: first });
    await carry(a, b, forumId);
    expect(await invoke(b, 'announcements:list', { forumId })).toEqual([posted]);
    expect(await invoke(b, 'projector:current', { forumId })).toMatchObject({ documentId: forumId, paragraphId: first });

    // Meanwhile, apart: b withdraws the announcement and posts one in Chinese; a moves the projector on.
    await invoke(b, 'announcements:withdraw', { id: posted.id });
    await invoke(b, 'announcements:post', { forumId, text: '午餐在露台供应。', lang: 'zh' });
    await invoke(a, 'projector:show', { forumId, documentId: forumId, paragraphId: second });
    await carry(a, b, forumId);
    await carry(b, a, forumId);
    expect(forumTables(a)).toEqual(forumTables(b));
    expect((await invoke(a, 'announcements:list', { forumId })).map((x) => [x.lang, x.withdrawn])).toEqual(
      expect.arrayContaining([
        ['en', true],
        ['zh', false],
      ]),
    );
    expect((await invoke(b, 'projector:current', { forumId })).paragraphId).toBe(second);
  });

  it('a post retried with its id makes one announcement; a move to where the projector is writes nothing', async () => {
    const ctx = await tempCore();
    const forumId = createDemoForum(ctx).id;
    const input = { forumId, id: 'announcement-0001', text: 'Buses leave at 18:00.', lang: 'en' };
    const once = await invoke(ctx, 'announcements:post', input);
    expect(await invoke(ctx, 'announcements:post', input)).toEqual(once);
    const [first = ''] = points(ctx, forumId);
    await invoke(ctx, 'projector:show', { forumId, documentId: forumId, paragraphId: first });
    const before = snapshot(ctx);
    await invoke(ctx, 'projector:show', { forumId, documentId: forumId, paragraphId: first });
    expect(snapshot(ctx)).toBe(before);
  });

  it('bad input is refused with a clear code and changes nothing', async () => {
    const ctx = await tempCore();
    const forumId = createDemoForum(ctx).id;
    const before = snapshot(ctx);
    await expect(invoke(ctx, 'announcements:post', { forumId, text: 'Hola', lang: 'ja' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(invoke(ctx, 'announcements:post', { forumId, text: '   ', lang: 'en' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(invoke(ctx, 'announcements:post', { forumId, text: 'x'.repeat(2001), lang: 'en' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(invoke(ctx, 'announcements:withdraw', { id: 'no-such-announcement' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(invoke(ctx, 'projector:show', { forumId, documentId: forumId, paragraphId: 'no-such-paragraph' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(invoke(ctx, 'projector:show', { forumId, documentId: 'no-such-document', paragraphId: null })).rejects.toMatchObject({ code: 'not_found' });
    expect(snapshot(ctx)).toBe(before);
  });
});

describe('roles over the companion data', () => {
  it('announcements are the secretariat’s; the projector is the chair’s or a drafter’s', () => {
    const holder = (role: 'secretariat' | 'chair' | 'drafter' | 'rapporteur') => ({ enabled: true, isOwner: false, legacy: false, roles: [{ role, sessions: [] }] });
    const cells = ['forum_id', 'text', 'lang', 'posted_by', 'posted_at', 'withdrawn'];
    expect(allows(holder('secretariat'), 'announcements', cells).allowed).toBe(true);
    expect(allows(holder('chair'), 'announcements', cells)).toEqual({ allowed: false, needed: ['secretariat'] });
    const projection = ['forum_id', 'document_id', 'paragraph_id', 'shown_at'];
    expect(allows(holder('chair'), 'projections', projection).allowed).toBe(true);
    expect(allows(holder('drafter'), 'projections', projection).allowed).toBe(true);
    expect(allows(holder('rapporteur'), 'projections', projection)).toEqual({ allowed: false, needed: ['chair', 'drafter'] });
  });

  it('a chair’s laptop moves the projector but may not post, and its refusal changes nothing', async () => {
    const owner = await tempCore();
    const chair = await tempCore();
    const forumId = createDemoForum(owner).id;
    await carry(owner, chair, forumId);
    await carry(chair, owner, forumId);
    await invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(chair), role: 'chair' });
    await carry(owner, chair, forumId);
    const before = snapshot(chair);
    await expect(invoke(chair, 'announcements:post', { forumId, text: 'From the chair', lang: 'en' })).rejects.toMatchObject({ code: 'role_required' });
    expect(snapshot(chair)).toBe(before);
    const [first = ''] = points(chair, forumId);
    await invoke(chair, 'projector:show', { forumId, documentId: forumId, paragraphId: first });
    await carry(chair, owner, forumId);
    expect((await invoke(owner, 'projector:current', { forumId })).paragraphId).toBe(first);
  });
});

describe('the companion link', () => {
  it('is this laptop’s own: made on first ask, kept, replaced by revoke, never in a bundle', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const forumId = createDemoForum(a).id;
    const link = await invoke(a, 'companion:link', { forumId });
    expect(link.path).toBe(`/c/${link.token}/`);
    expect(await invoke(a, 'companion:link', { forumId })).toEqual(link);
    const revoked = await invoke(a, 'companion:revoke', { forumId });
    expect(revoked.token).not.toBe(link.token);
    expect(await invoke(a, 'companion:link', { forumId })).toEqual(revoked);
    await carry(a, b, forumId);
    expect(b.db.prepare('SELECT count(*) FROM companion_links').pluck().get()).toBe(0);
    expect(Buffer.from(exportBundle(a, { forumId }).bytes).includes(revoked.token)).toBe(false);
  });
});
