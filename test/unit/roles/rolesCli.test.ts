import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { fingerprintOf, publicDeviceIdentity } from '../../../main/core/sync/deviceIdentity';
import { cli } from '../helpers/cli';
import { craftBundle, hlcAt } from '../helpers/craftBundle';
import { tempDir } from '../helpers/tempCore';
import fs from 'node:fs';

/** Two laptops' databases holding the demo forum, each knowing the other. */
async function twoLaptops() {
  const dir = tempDir();
  const a = path.join(dir, 'owner.sqlite');
  const b = path.join(dir, 'other.sqlite');
  const file = (name: string) => path.join(dir, name);
  expect((await cli('demo', '--db', a)).code).toBe(0);
  expect((await cli('bundle', 'export', '--db', a, '--out', file('a.plenary'))).code).toBe(0);
  expect((await cli('bundle', 'import', '--db', b, '--trust', file('a.plenary'))).code).toBe(0);
  expect((await cli('bundle', 'export', '--db', b, '--out', file('b.plenary'))).code).toBe(0);
  expect((await cli('bundle', 'import', '--db', a, '--trust', file('b.plenary'))).code).toBe(0);
  const ctx = await openCore(b);
  const fp = fingerprintOf(publicDeviceIdentity(ctx).publicKey);
  const forumId = ctx.db.prepare('SELECT id FROM forums').pluck().get() as string;
  closeCore(ctx);
  return { a, b, fp, forumId, file };
}

describe('plenary roles', () => {
  it('grants, lists and revokes by fingerprint, and bundle inspect counts what a role did not allow', async () => {
    const { a, b, fp, forumId, file } = await twoLaptops();
    const before = await cli('roles', 'list', '--db', a);
    expect(before.out).toMatch(/Roles are off/);
    expect(before.out).toMatch(/owner/);

    const granted = await cli('roles', 'grant', '--db', a, '--device', fp.toLowerCase().replace(/-/g, ' '), '--role', 'rapporteur');
    expect(granted.code).toBe(0);
    expect(granted.out).toMatch(new RegExp(`${fp}\\s+\\S.*rapporteur`));
    const listed = JSON.parse((await cli('roles', 'list', '--db', a, '--json')).out) as { enabled: boolean; laptops: Array<{ fingerprint: string; roles: Array<{ role: string }> }> };
    expect(listed.enabled).toBe(true);
    expect(listed.laptops.find((l) => l.fingerprint === fp)?.roles).toEqual([{ role: 'rapporteur', sessions: [] }]);

    // The other laptop, skipping its own check, marks a paragraph agreed anyway.
    const ctx = await openCore(b);
    const paragraph = ctx.db.prepare("SELECT id FROM outcome_paragraphs WHERE kind <> 'heading' LIMIT 1").pluck().get() as string;
    fs.writeFileSync(file('forged.plenary'), craftBundle(ctx, forumId, [[ctx.deviceId, hlcAt(0), 'outcome_paragraphs', paragraph, { status: 'agreed' }]]));
    closeCore(ctx);
    const inspected = await cli('bundle', 'inspect', '--db', a, file('forged.plenary'));
    expect(inspected.out).toMatch(/Quarantined: 1 changes .* needing chair/);
    expect(JSON.parse((await cli('bundle', 'inspect', '--db', a, '--json', file('forged.plenary'))).out)).toMatchObject({ quarantined: { changes: 1 } });
    const imported = JSON.parse((await cli('bundle', 'import', '--db', a, '--json', file('forged.plenary'))).out) as Array<Record<string, unknown>>;
    expect(imported).toEqual([expect.objectContaining({ status: 'imported', quarantined: 1, quarantinedReasons: [expect.objectContaining({ needed: ['chair'], changes: 1 })] })]);
    expect((await cli('bundle', 'import', '--db', a, file('forged.plenary'))).out).toMatch(/already here/);
    expect((await cli('bundle', 'held', '--db', a)).out).toMatch(/roles did not allow \(they needed chair\)/);

    const revoked = await cli('roles', 'revoke', '--db', a, '--device', fp, '--role', 'rapporteur');
    expect(revoked.code).toBe(0);
    expect(revoked.out).toMatch(new RegExp(`${fp}\\s+\\S.*no role`));
  });

  it('refuses bad arguments before opening anything, and unknown laptops with a clear message', async () => {
    const { a, fp } = await twoLaptops();
    const role = await cli('roles', 'grant', '--db', a, '--device', fp, '--role', 'king');
    expect(role.code).not.toBe(0);
    expect(role.err).toMatch(/--role must be one of secretariat, chair, drafter, rapporteur, observer, not "king"/);
    expect((await cli('roles', 'grant', '--db', a, '--role', 'chair')).err).toMatch(/--device FINGERPRINT is required/);
    expect((await cli('roles', 'grant', '--db', a, '--device', fp, '--role', 'owner')).err).toMatch(/--role must be one of/);
    const unknown = await cli('roles', 'grant', '--db', a, '--device', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', '--role', 'chair');
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toMatch(/No laptop with the fingerprint ZZZZZZZZZZZZZZZZ is known here/);
    expect((await cli('roles', 'list', '--db', a)).out).toMatch(/Roles are off/);
  });

  it('a laptop that is not the owner cannot switch roles on', async () => {
    const { b, fp } = await twoLaptops();
    const attempt = await cli('roles', 'grant', '--db', b, '--device', fp, '--role', 'chair');
    expect(attempt.code).not.toBe(0);
    expect(attempt.err).toMatch(/Only the owner of this forum/);
  });
});
