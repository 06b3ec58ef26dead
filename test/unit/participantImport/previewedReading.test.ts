import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../main/core/coreContext';
import type { ImportRequest } from '../../../main/core/participants/planParticipantImport';
import { dispatch } from '../../../main/core/commands/dispatch';
import { forumCore, listed, preview, runImport } from './importHarness';

const csv = Buffer.from(
  ['Name,Organization,Country,E-mail', 'Ana Silva,UN-Habitat,Brazil,ana@example.org', 'Li Wei,Tsinghua University,China,li@example.org', 'Omar Haddad,City of Amman,Jordan,omar@example.org'].join('\n'),
);

const request = (forumId: string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  forumId,
  file: { fileName: 'participants.csv', data: csv.toString('base64') },
  duplicates: 'skip',
  ...extra,
});

/** The import's plan, asked of the worker as the import asks it. */
const plan = (ctx: CoreContext, forumId: string, extra: Partial<ImportRequest> = {}) => ctx.worker.run('participants:plan', { request: request(forumId, extra) });
const previewIn = (ctx: CoreContext, forumId: string, extra: Partial<ImportRequest> = {}) => ctx.worker.run('participants:preview', { request: request(forumId, extra) });

describe("the import takes its preview's reading of the file", () => {
  it('when it asks for the same, with the list unchanged: the same plan as a reading of its own', async () => {
    const { ctx, forumId } = await forumCore();
    const fresh = await plan(ctx, forumId);
    expect(fresh.fromPreview).toBe(false);
    await previewIn(ctx, forumId);
    const taken = await plan(ctx, forumId);
    expect(taken.fromPreview).toBe(true);
    expect(taken.result).toEqual(fresh.result);
    expect(taken.writes.map((w) => w.values)).toEqual(fresh.writes.map((w) => w.values));
    expect(taken.listVersion).toBe(fresh.listVersion);
    // Taken once: the next import reads the file again.
    expect((await plan(ctx, forumId)).fromPreview).toBe(false);
  });

  it('not when someone was added to the list since the preview: that person is then matched', async () => {
    const { ctx, forumId } = await forumCore();
    await preview(ctx, forumId, csv);
    const added = await dispatch(ctx, 'electron', 'participants:create', {
      forumId,
      participant: { name: 'Ana Silva', organisation: 'UN-Habitat', orgType: null, country: 'BR', gender: null, roles: ['participant'], email: 'ana@example.org', languages: [] },
    });
    expect(added.ok, JSON.stringify(added)).toBe(true);
    expect(await runImport(ctx, forumId, csv)).toEqual({ created: 2, merged: 0, skipped: 1 });
    expect((await listed(ctx, forumId)).filter((p) => p.name === 'Ana Silva')).toHaveLength(1);
  });

  it('not when the import asks for something else: another mapping, policy or confirmation, or another file', async () => {
    const { ctx, forumId } = await forumCore();
    for (const extra of [{ duplicates: 'merge' as const }, { samePerson: [1] }, { mapping: { name: 0, email: null } }, { file: { fileName: 'other.csv', data: csv.toString('base64') } }]) {
      await previewIn(ctx, forumId);
      expect((await plan(ctx, forumId, extra)).fromPreview, JSON.stringify(extra)).toBe(false);
    }
  });

  it('not when the forum was deleted since the preview: the import is refused as without one', async () => {
    const { ctx, forumId } = await forumCore();
    await previewIn(ctx, forumId);
    const deleted = await dispatch(ctx, 'electron', 'forums:setDeleted', { id: forumId, deleted: true });
    expect(deleted.ok, JSON.stringify(deleted)).toBe(true);
    await expect(plan(ctx, forumId)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the app previews, then imports: everyone is in, once', async () => {
    const { ctx, forumId } = await forumCore();
    const shown = await preview(ctx, forumId, csv);
    expect(shown.counts.toCreate).toBe(3);
    expect(await runImport(ctx, forumId, csv)).toEqual({ created: 3, merged: 0, skipped: 0 });
    expect((await listed(ctx, forumId)).map((p) => p.name).sort()).toEqual(['Ana Silva', 'Li Wei', 'Omar Haddad']);
    // The same file again, previewed first: all three are here already and skipped.
    await preview(ctx, forumId, csv);
    expect(await runImport(ctx, forumId, csv)).toEqual({ created: 0, merged: 0, skipped: 3 });
  });
});
