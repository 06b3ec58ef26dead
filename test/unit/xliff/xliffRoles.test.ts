import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { fingerprintOf, publicDeviceIdentity } from '../../../main/core/sync/deviceIdentity';
import { refusal, send } from '../drafting/draftingFixture';
import { snapshot, tempCore } from '../helpers/tempCore';
import { exportFile, translateLikeCatTool, xliffForum } from './xliffFixture';

const fingerprint = (ctx: CoreContext) => fingerprintOf(publicDeviceIdentity(ctx).publicKey);

// A translators' file writes paragraphs, agenda fields and key messages: the same cells the
// screens write, so the same roles. All or nothing: one cell the laptop may not write refuses the file.
describe('translators\' files and roles', () => {
  it('a rapporteur’s laptop cannot import a document’s translations (nothing changes); a drafter’s can translate its paragraphs, not its title', async () => {
    const owner = await xliffForum();
    const forumId = owner.forum.id;
    const rapporteur = await tempCore();
    const drafter = await tempCore();
    for (const laptop of [rapporteur, drafter]) {
      await send(owner.ctx, laptop, forumId);
      await send(laptop, owner.ctx, forumId);
    }
    await invoke(owner.ctx, 'roles:grant', { forumId, fingerprint: fingerprint(rapporteur), role: 'rapporteur' });
    await invoke(owner.ctx, 'roles:grant', { forumId, fingerprint: fingerprint(drafter), role: 'drafter' });
    for (const laptop of [rapporteur, drafter]) await send(owner.ctx, laptop, forumId);

    const xml = translateLikeCatTool((await exportFile(owner.ctx, forumId, 'es', { scope: { kind: 'document', documentId: owner.document.id } })).xml, 'es', () => false);
    const before = snapshot(rapporteur);
    const error = await refusal(rapporteur, 'xliff:import', { forumId, fileName: 'es.xlf', xml });
    expect(error.code).toBe('role_required');
    expect(snapshot(rapporteur)).toBe(before);

    // The title is the secretariat's: a drafter's file that translates it is refused whole.
    const drafterBefore = snapshot(drafter);
    expect((await refusal(drafter, 'xliff:import', { forumId, fileName: 'es.xlf', xml })).code).toBe('role_required');
    expect(snapshot(drafter)).toBe(drafterBefore);
    const paragraphsOnly = translateLikeCatTool(
      (await exportFile(owner.ctx, forumId, 'es', { scope: { kind: 'document', documentId: owner.document.id } })).xml,
      'es',
      (unitId) => !unitId.startsWith('outcome_paragraphs.'),
    );
    const imported = await invoke(drafter, 'xliff:import', { forumId, fileName: 'es.xlf', xml: paragraphsOnly });
    expect(imported.written).toBe(3);
  });
});
