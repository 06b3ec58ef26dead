import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { fingerprintOf, publicDeviceIdentity } from '../../../main/core/sync/deviceIdentity';
import { allows } from '../../../shared/roles';
import { importBytes } from '../helpers/exchange';
import { snapshot, tempCore } from '../helpers/tempCore';

const fingerprint = (ctx: CoreContext) => fingerprintOf(publicDeviceIdentity(ctx).publicKey);
const carry = (from: CoreContext, to: CoreContext, forumId: string) => importBytes(to, exportBundle(from, { forumId }).bytes);

describe('who may issue', () => {
  it('issuing and choosing which issuance stands are the secretariat’s', () => {
    const holder = (role: 'secretariat' | 'chair' | 'drafter') => ({ enabled: true, isOwner: false, legacy: false, roles: [{ role, sessions: [] }] });
    expect(allows(holder('secretariat'), 'issuances', ['forum_id', 'symbol', 'snapshot']).allowed).toBe(true);
    expect(allows(holder('chair'), 'issuances', ['chosen_at'])).toEqual({ allowed: false, needed: ['secretariat'] });
    expect(allows(holder('drafter'), 'issuances', ['forum_id', 'symbol'])).toEqual({ allowed: false, needed: ['secretariat'] });
  });

  it('a chair’s laptop is refused (role_required, nothing changed); the secretariat’s issues', async () => {
    const owner = await tempCore();
    const forumId = createDemoForum(owner).id;
    const chair = await tempCore();
    const secretariat = await tempCore();
    for (const laptop of [chair, secretariat]) {
      await carry(owner, laptop, forumId);
      await carry(laptop, owner, forumId);
    }
    await invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(chair), role: 'chair' });
    await invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(secretariat), role: 'secretariat' });
    await carry(owner, chair, forumId);
    await carry(owner, secretariat, forumId);
    const before = snapshot(chair);
    await expect(invoke(chair, 'outcome:issue', { documentId: forumId, symbol: 'L.1' })).rejects.toMatchObject({ code: 'role_required' });
    expect(snapshot(chair)).toBe(before);
    await expect(invoke(secretariat, 'outcome:issue', { documentId: forumId, symbol: 'L.1' })).resolves.toMatchObject({ symbol: 'L.1' });
  });
});
