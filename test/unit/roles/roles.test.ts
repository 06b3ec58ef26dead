import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { forumIdFor } from '../../../main/core/roles/forumAuthority';
import { writeRow } from '../../../main/core/store/changeLog';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { deviceIdentity, fingerprintOf, publicDeviceIdentity } from '../../../main/core/sync/deviceIdentity';
import { createForum } from '../../../main/core/store/forums';
import { forumInput } from '../../../shared/forum';
import { craftBundle, hlcAt } from '../helpers/craftBundle';
import { importBytes } from '../helpers/exchange';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';

const fingerprint = (ctx: CoreContext) => fingerprintOf(publicDeviceIdentity(ctx).publicKey);
/** `to` takes in everything `from` has of the forum. */
const carry = (from: CoreContext, to: CoreContext, forumId: string) => importBytes(to, exportBundle(from, { forumId }).bytes);
const paragraphs = (ctx: CoreContext, forumId: string) =>
  ctx.db.prepare("SELECT id FROM outcome_paragraphs WHERE forum_id = ? AND kind <> 'heading' AND status <> 'agreed' AND deleted = 0 ORDER BY position").pluck().all(forumId) as string[];
const statusOf = (ctx: CoreContext, id: string) => ctx.db.prepare('SELECT status FROM outcome_paragraphs WHERE id = ?').pluck().get(id);
const firstSession = (ctx: CoreContext, forumId: string) => ctx.db.prepare('SELECT id FROM sessions WHERE forum_id = ? ORDER BY day, start_time').pluck().get(forumId) as string;
const note = (ctx: CoreContext, forumId: string, id: string, sessionId = firstSession(ctx, forumId)) =>
  writeRow(ctx, 'notes', id, { forum_id: forumId, session_id: sessionId, lang: 'en', text: `Note ${id}`, created_at: new Date().toISOString(), deleted: 0 });
const hasNote = (ctx: CoreContext, id: string) => ctx.db.prepare('SELECT 1 FROM notes WHERE id = ?').get(id) !== undefined;
const rolesOf = async (ctx: CoreContext, forumId: string, device: CoreContext) =>
  (await invoke(ctx, 'roles:list', { forumId })).laptops.find((l) => l.deviceId === device.deviceId)?.roles.map((r) => r.role) ?? [];

/** An owner with a demo forum, and laptops that hold a copy of it and are known to the owner. */
async function forumWith(count: number) {
  const owner = await tempCore();
  const forum = createDemoForum(owner);
  const others: CoreContext[] = [];
  for (let i = 0; i < count; i++) {
    const laptop = await tempCore();
    await carry(owner, laptop, forum.id);
    await carry(laptop, owner, forum.id);
    others.push(laptop);
  }
  return { owner, forumId: forum.id, others };
}

describe('roles across laptops', () => {
  it('the laptop that creates a forum owns it, by a key its id was derived from; roles stay off until it grants one', async () => {
    const owner = await tempCore();
    const forum = createDemoForum(owner);
    const row = owner.db.prepare('SELECT owner_key AS key, owner_nonce AS nonce FROM forums WHERE id = ?').get(forum.id) as { key: string; nonce: string };
    expect(row.key).toBe(publicDeviceIdentity(owner).publicKey);
    expect(forumIdFor(row.key, row.nonce)).toBe(forum.id);
    const roles = await invoke(owner, 'roles:list', { forumId: forum.id });
    expect(roles.enabled).toBe(false);
    expect(roles.laptops).toEqual([expect.objectContaining({ deviceId: owner.deviceId, isOwner: true, isThisLaptop: true, roles: [] })]);
  });

  it('a rapporteur writes notes; its own laptop refuses to mark a paragraph agreed, and a forged one is held back on the owner’s', async () => {
    const { owner, forumId, others } = await forumWith(1);
    const [rapporteur] = others as [CoreContext];
    await invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(rapporteur), role: 'rapporteur' });
    await carry(owner, rapporteur, forumId);
    expect(await rolesOf(rapporteur, forumId, rapporteur)).toEqual(['rapporteur']);

    note(rapporteur, forumId, 'note-by-rapporteur');
    const [paragraph = ''] = paragraphs(rapporteur, forumId);
    const before = snapshot(rapporteur);
    expect(() => writeRow(rapporteur, 'outcome_paragraphs', paragraph, { status: 'agreed' })).toThrow(/needs the role of chair/);
    expect(snapshot(rapporteur)).toBe(before);

    // A laptop that skips its own check (or was changed to) signs the change all the same.
    const forged = craftBundle(rapporteur, forumId, [
      [rapporteur.deviceId, hlcAt(0), 'notes', 'note-forged-along', { forum_id: forumId, session_id: firstSession(owner, forumId), lang: 'en', text: 'Fine', deleted: 0 }, { text: [] }],
      [rapporteur.deviceId, hlcAt(1), 'outcome_paragraphs', paragraph, { status: 'agreed' }],
    ]);
    const preview = await importBytes(owner, forged);
    expect(preview.quarantined).toEqual({ changes: 1, reasons: [{ device: rapporteur.deviceId, fingerprint: fingerprint(rapporteur), needed: ['chair'], changes: 1 }] });
    expect(statusOf(owner, paragraph)).not.toBe('agreed');
    expect(hasNote(owner, 'note-forged-along')).toBe(true);
    const held = await invoke(owner, 'held:list', { forumId });
    expect(held).toEqual([expect.objectContaining({ reason: 'role', needed: ['chair'], changes: 1 })]);
    // The same bundle again (a relay brings it with every exchange): the held change is known.
    const again = await importBytes(owner, forged);
    expect(again.changes).toMatchObject({ new: 0, alreadyHere: 2 });
    expect(again.quarantined.changes).toBe(0);
    expect(await invoke(owner, 'held:list', { forumId })).toEqual(held);

    // The owner decides: it makes the change again as its own, and it travels signed by the owner.
    await invoke(owner, 'held:apply', { forumId, deviceId: rapporteur.deviceId, reason: 'role' });
    expect(statusOf(owner, paragraph)).toBe('agreed');
    expect(await invoke(owner, 'held:list', { forumId })).toEqual([]);
    await carry(owner, rapporteur, forumId);
    expect(statusOf(rapporteur, paragraph)).toBe('agreed');
  });

  it('a grant travelling with the work it allows lets it in; a grant its signer had no right to make is held back', async () => {
    const { owner, forumId, others } = await forumWith(2);
    const [secretariat, chair] = others as [CoreContext, CoreContext];
    await invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(secretariat), role: 'secretariat' });
    await carry(owner, secretariat, forumId);
    await carry(chair, secretariat, forumId);
    await invoke(secretariat, 'roles:grant', { forumId, fingerprint: fingerprint(chair), role: 'chair' });
    await expect(invoke(secretariat, 'roles:grant', { forumId, fingerprint: fingerprint(chair), role: 'secretariat' })).rejects.toMatchObject({ code: 'role_required' });
    await carry(secretariat, chair, forumId);
    const [paragraph = ''] = paragraphs(chair, forumId);
    writeRow(chair, 'outcome_paragraphs', paragraph, { status: 'agreed' });
    const forged = craftBundle(chair, forumId, [
      [chair.deviceId, hlcAt(0), 'role_grants', `${forumId}/${chair.deviceId}/secretariat`, { forum_id: forumId, device_id: chair.deviceId, fingerprint: fingerprint(chair), role: 'secretariat', sessions: [], active: 1, deleted: 0 }],
    ]);

    const newcomer = await tempCore();
    const preview = await carry(chair, newcomer, forumId);
    expect(preview.quarantined.changes).toBe(0);
    expect(statusOf(newcomer, paragraph)).toBe('agreed');
    expect((await importBytes(newcomer, forged)).quarantined.changes).toBe(1);
    expect(await rolesOf(newcomer, forumId, chair)).toEqual(['chair']);
  });

  it('a revocation stands from its clock on: what the laptop did before stays, what it does after is held back', async () => {
    const { owner, forumId, others } = await forumWith(1);
    const [chair] = others as [CoreContext];
    await invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(chair), role: 'chair' });
    await carry(owner, chair, forumId);
    const [first = '', second = ''] = paragraphs(chair, forumId);
    writeRow(chair, 'outcome_paragraphs', first, { status: 'agreed' });
    await carry(chair, owner, forumId);
    await invoke(owner, 'roles:revoke', { forumId, fingerprint: fingerprint(chair), role: 'chair' });
    await carry(owner, chair, forumId);
    expect(() => writeRow(chair, 'outcome_paragraphs', second, { status: 'agreed' })).toThrow(/role_required|needs the role/);
    const forged = craftBundle(chair, forumId, [[chair.deviceId, hlcAt(0), 'outcome_paragraphs', second, { status: 'agreed' }]]);
    expect((await importBytes(owner, forged)).quarantined.changes).toBe(1);
    expect(statusOf(owner, first)).toBe('agreed');
    expect(statusOf(owner, second)).not.toBe('agreed');
  });

  it('laptops that wrote before roles were switched on keep their rights until a grant or revocation narrows them', async () => {
    const { owner, forumId, others } = await forumWith(1);
    const [early] = others as [CoreContext];
    note(early, forumId, 'note-before-roles');
    await carry(early, owner, forumId);
    await invoke(owner, 'roles:enable', { forumId });
    // Written before this laptop heard of roles: its old rights still cover it.
    note(early, forumId, 'note-after-roles');
    expect((await carry(early, owner, forumId)).quarantined.changes).toBe(0);
    expect(hasNote(owner, 'note-after-roles')).toBe(true);
    expect((await invoke(owner, 'roles:list', { forumId })).laptops.find((l) => l.deviceId === early.deviceId)?.legacy).toBe(true);

    await invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(early), role: 'observer' });
    note(early, forumId, 'note-as-observer');
    expect((await carry(early, owner, forumId)).quarantined.changes).toBe(1);
    expect(hasNote(owner, 'note-as-observer')).toBe(false);
  });

  it('a rapporteur for some sessions writes notes in those only', async () => {
    const { owner, forumId, others } = await forumWith(1);
    const [rapporteur] = others as [CoreContext];
    const sessions = owner.db.prepare('SELECT id FROM sessions WHERE forum_id = ? AND deleted = 0 ORDER BY day, start_time').pluck().all(forumId) as string[];
    const [mine = '', other = ''] = sessions;
    await invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(rapporteur), role: 'rapporteur', sessions: [mine] });
    await carry(owner, rapporteur, forumId);
    note(rapporteur, forumId, 'note-in-my-session', mine);
    expect(() => note(rapporteur, forumId, 'note-elsewhere', other)).toThrow(/rapporteur for other sessions only/);
  });

  it('refuses bad grants with a clear message and changes nothing', async () => {
    const { owner, forumId, others } = await forumWith(1);
    const [laptop] = others as [CoreContext];
    const before = snapshot(owner);
    await expect(invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(laptop), role: 'king' as never })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(laptop), role: 'owner' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/never granted/) });
    await expect(invoke(owner, 'roles:grant', { forumId, fingerprint: 'ABCD-EFGH-JKLM-NPQR', role: 'chair' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(laptop), role: 'chair', sessions: ['no-such-session'] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(invoke(owner, 'roles:revoke', { forumId, fingerprint: fingerprint(laptop), role: 'chair' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(snapshot(owner)).toBe(before);
    const beforeLaptop = snapshot(laptop);
    await expect(invoke(laptop, 'roles:enable', { forumId })).rejects.toMatchObject({ code: 'role_required' });
    expect(snapshot(laptop)).toBe(beforeLaptop);
  });

  it('a forged claim to own the forum is held back, and the owner stays who it was', async () => {
    const { owner, forumId, others } = await forumWith(1);
    const [forger] = others as [CoreContext];
    const forged = craftBundle(forger, forumId, [[forger.deviceId, hlcAt(0), 'forums', forumId, { owner_key: publicDeviceIdentity(forger).publicKey, owner_nonce: 'x', roles_legacy: {} }]]);
    expect((await importBytes(owner, forged)).quarantined).toMatchObject({ changes: 1, reasons: [{ needed: ['owner'] }] });
    const roles = await invoke(owner, 'roles:list', { forumId });
    expect(roles.enabled).toBe(false);
    expect(roles.ownerDeviceId).toBe(owner.deviceId);
  });
});

describe('grants that do not hold', () => {
  const grantLine = (by: CoreContext, forumId: string, to: CoreContext, role: string, at: number, active = 1): Parameters<typeof craftBundle>[2][number] => [
    by.deviceId,
    hlcAt(at),
    'role_grants',
    `${forumId}/${to.deviceId}/${role}`,
    { forum_id: forumId, device_id: to.deviceId, fingerprint: fingerprint(to), role, sessions: [], active, deleted: 0 },
  ];

  it('a grant for a role that does not exist is held back, and grants nothing', async () => {
    const { owner, forumId, others } = await forumWith(1);
    const [laptop] = others as [CoreContext];
    await invoke(owner, 'roles:enable', { forumId });
    const held = async () => (await invoke(owner, 'roles:list', { forumId })).laptops.map((l) => [l.deviceId, l.roles, l.legacy, l.isOwner]);
    const before = await held();
    const preview = await importBytes(owner, craftBundle(laptop, forumId, [grantLine(laptop, forumId, laptop, 'king', 0)]));
    expect(preview.quarantined.changes).toBe(1);
    expect(await held()).toEqual(before);
  });

  it('a grant signed after its signer lost the secretariat role is held back, and so is the work it would have allowed', async () => {
    const { owner, forumId, others } = await forumWith(2);
    const [secretariat, drafter] = others as [CoreContext, CoreContext];
    await invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(secretariat), role: 'secretariat' });
    await invoke(owner, 'roles:revoke', { forumId, fingerprint: fingerprint(secretariat), role: 'secretariat' });
    await carry(owner, secretariat, forumId);
    const [paragraph = ''] = paragraphs(owner, forumId);
    const bundle = craftBundle(
      secretariat,
      forumId,
      [grantLine(secretariat, forumId, drafter, 'chair', 0), [drafter.deviceId, hlcAt(1), 'outcome_paragraphs', paragraph, { status: 'agreed' }]],
      { signers: [{ device: secretariat.deviceId, identity: deviceIdentity(secretariat) }, { device: drafter.deviceId, identity: deviceIdentity(drafter) }] },
    );
    expect((await importBytes(owner, bundle)).quarantined.changes).toBe(2);
    expect(await rolesOf(owner, forumId, drafter)).toEqual([]);
    expect(statusOf(owner, paragraph)).not.toBe('agreed');
  });

  it('a grant loop (A grants B, B grants A back after A was revoked) gives neither the role', async () => {
    const { owner, forumId, others } = await forumWith(2);
    const [a, b] = others as [CoreContext, CoreContext];
    await invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(a), role: 'secretariat' });
    await carry(owner, a, forumId);
    await carry(b, a, forumId);
    // A, still secretariat, grants B chair; then loses its own role; B tries to give A's back.
    await invoke(a, 'roles:grant', { forumId, fingerprint: fingerprint(b), role: 'chair' });
    await carry(a, owner, forumId);
    await invoke(owner, 'roles:revoke', { forumId, fingerprint: fingerprint(a), role: 'secretariat' });
    const loop = craftBundle(b, forumId, [grantLine(b, forumId, a, 'secretariat', 0)]);
    expect((await importBytes(owner, loop)).quarantined.changes).toBe(1);
    expect(await rolesOf(owner, forumId, a)).toEqual([]);
    expect(await rolesOf(owner, forumId, b)).toEqual(['chair']);
  });

  it('a forum made before roles existed is owned by the laptop that created it, and keeps working', async () => {
    const creator = await tempCore();
    const forum = createForum(creator, forumInput.parse(validForum), { id: 'forum-made-before-roles' });
    expect(creator.db.prepare('SELECT owner_key FROM forums WHERE id = ?').pluck().get(forum.id)).toBeNull();
    const other = await tempCore();
    await carry(creator, other, forum.id);
    writeRow(other, 'forums', forum.id, { theme: { en: 'Written before roles' } });
    await carry(other, creator, forum.id);
    const roles = await invoke(other, 'roles:list', { forumId: forum.id });
    expect(roles.ownerDeviceId).toBe(creator.deviceId);
    await invoke(creator, 'roles:enable', { forumId: forum.id });
    expect((await invoke(creator, 'roles:list', { forumId: forum.id })).laptops.find((l) => l.deviceId === other.deviceId)?.legacy).toBe(true);
    await expect(invoke(other, 'roles:enable', { forumId: forum.id })).rejects.toMatchObject({ code: 'role_required' });
  });
});

describe('making a row is part of the role that makes it', () => {
  it('a drafter creates a draft paragraph and proposes an amendment, but cannot create one already agreed', async () => {
    const { owner, forumId, others } = await forumWith(1);
    const [drafter] = others as [CoreContext];
    await invoke(owner, 'roles:grant', { forumId, fingerprint: fingerprint(drafter), role: 'drafter' });
    await carry(owner, drafter, forumId);
    const created = await invoke(drafter, 'paragraphs:create', { documentId: forumId, after: null, kind: 'numbered', text: { en: 'Market towns link villages to services.' } });
    expect(created.status).toBe('draft');
    await invoke(drafter, 'amendments:propose', { paragraphId: created.id, kind: 'replace', lang: 'en', text: 'Market towns link villages to public services.', proposer: { participantId: null, name: 'Kenya' }, rationale: '' });
    expect(() => writeRow(drafter, 'outcome_paragraphs', 'agreed-from-the-start', { forum_id: forumId, document_id: forumId, kind: 'numbered', text: { en: 'Agreed already' }, position: 'a0', status: 'agreed', deleted: 0 })).toThrow(/needs the role of chair/);
  });
});
