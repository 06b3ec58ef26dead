import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { importBytes } from '../helpers/exchange';
import { snapshot } from '../helpers/tempCore';
import { forumTables } from '../sync/forumTables';
import { clockedLaptop, hours, startOfForum } from './decisionsFixture';

describe('the silence procedure', () => {
  it('circulates for 72 hours by default and is adopted once the deadline passes in silence', async () => {
    const { ctx, documentId, clock } = await clockedLaptop();
    const started = await invoke(ctx, 'silence:start', { documentId });
    const [procedure] = started.silence;
    expect(procedure).toMatchObject({ state: 'open', startedAt: new Date(startOfForum).toISOString(), deadline: new Date(startOfForum + hours(72)).toISOString() });
    expect(procedure?.title).toMatch(/Songyang/);
    clock.now = startOfForum + hours(72) + 1;
    expect((await invoke(ctx, 'decisions:get', { documentId })).silence[0]?.state).toBe('adopted');
  });

  it('circulates an issuance by its symbol, and refuses one that does not exist, changing nothing', async () => {
    const { ctx, documentId } = await clockedLaptop();
    const issued = await invoke(ctx, 'outcome:issue', { documentId, symbol: 'UN-Habitat/FURL/2026/L.1' });
    const started = await invoke(ctx, 'silence:start', { documentId, issuanceId: issued.id });
    expect(started.silence[0]).toMatchObject({ issuanceId: issued.id, title: expect.stringMatching(/^UN-Habitat\/FURL\/2026\/L\.1: Songyang/) });
    const before = snapshot(ctx);
    await expect(invoke(ctx, 'silence:start', { documentId, issuanceId: 'no-such-issuance' })).rejects.toMatchObject({ code: 'not_found' });
    expect(snapshot(ctx)).toBe(before);
  });

  it('is broken by an objection recorded in time, whatever the clock says afterwards', async () => {
    const { ctx, documentId, clock } = await clockedLaptop();
    const procedureId = (await invoke(ctx, 'silence:start', { documentId, hours: 24 })).silence[0]?.id ?? '';
    clock.now = startOfForum + hours(23);
    const objected = await invoke(ctx, 'silence:object', { procedureId, delegation: 'Kenya', text: 'Paragraph 3 goes too far.', textLang: 'en' });
    expect(objected.silence[0]).toMatchObject({ state: 'broken', objections: [expect.objectContaining({ delegation: 'KE', late: false, objectedAt: new Date(startOfForum + hours(23)).toISOString() })] });
    clock.now = startOfForum + hours(500);
    expect((await invoke(ctx, 'decisions:get', { documentId })).silence[0]?.state).toBe('broken');
  });

  it('refuses an objection after the deadline, changing nothing, and a clock that jumps decides nothing for good', async () => {
    const { ctx, documentId, clock } = await clockedLaptop();
    const procedureId = (await invoke(ctx, 'silence:start', { documentId })).silence[0]?.id ?? '';
    // The laptop's clock jumps four days ahead: the deadline looks passed, and an objection is refused.
    clock.now = startOfForum + hours(96);
    expect((await invoke(ctx, 'decisions:get', { documentId })).silence[0]?.state).toBe('adopted');
    const before = snapshot(ctx);
    await expect(invoke(ctx, 'silence:object', { procedureId, delegation: 'China', text: '反对', textLang: 'zh' })).rejects.toMatchObject({ code: 'objection_too_late' });
    expect(snapshot(ctx)).toBe(before);
    // It jumps back: nothing was recorded as adopted, the procedure is open again and takes the objection.
    clock.now = startOfForum + hours(10);
    expect((await invoke(ctx, 'decisions:get', { documentId })).silence[0]?.state).toBe('open');
    const objected = await invoke(ctx, 'silence:object', { procedureId, delegation: 'China', text: '我们反对第三段。', textLang: 'zh' });
    expect(objected.silence[0]).toMatchObject({ state: 'broken', objections: [expect.objectContaining({ delegation: 'CN', lang: 'zh', late: false })] });
  });

  it('shows an objection that came by bundle stamped after the deadline as late, and does not count it', async () => {
    const secretariat = await clockedLaptop();
    const { documentId } = secretariat;
    const procedureId = (await invoke(secretariat.ctx, 'silence:start', { documentId, hours: 24 })).silence[0]?.id ?? '';
    const other = await clockedLaptop(secretariat);
    // The other laptop records an objection in time by its clock; then the deadline is moved
    // earlier on the secretariat's laptop. Neither laptop's clock decides: the times do.
    other.clock.now = startOfForum + hours(20);
    await invoke(other.ctx, 'silence:object', { procedureId, delegation: 'Mexico', text: 'Objetamos.', textLang: 'es' });
    await invoke(secretariat.ctx, 'silence:deadline', { procedureId, deadline: new Date(startOfForum + hours(12)).toISOString() });
    await importBytes(secretariat.ctx, exportBundle(other.ctx, { forumId: other.forumId, forPeer: secretariat.ctx.deviceId }).bytes);
    await importBytes(other.ctx, exportBundle(secretariat.ctx, { forumId: secretariat.forumId, forPeer: other.ctx.deviceId }).bytes);
    secretariat.clock.now = startOfForum + hours(13);
    other.clock.now = startOfForum + hours(13);
    for (const laptop of [secretariat, other]) {
      const [procedure] = (await invoke(laptop.ctx, 'decisions:get', { documentId })).silence;
      expect(procedure).toMatchObject({ state: 'adopted', objections: [expect.objectContaining({ delegation: 'MX', late: true })] });
    }
    expect(forumTables(other.ctx)).toEqual(forumTables(secretariat.ctx));
  });
});

describe('two laptops recording a vote', () => {
  it('converge through bundles: one delegation\'s vote is one row, the later entry wins, statements from both are kept', async () => {
    const a = await clockedLaptop();
    const b = await clockedLaptop(a);
    const { documentId } = a;
    await invoke(a.ctx, 'decisions:voteFile', { documentId, csv: 'Kenya,yes\nChina,yes\nMexico,no\n' });
    b.clock.now = startOfForum + 60_000;
    await invoke(b.ctx, 'decisions:votes', { documentId, votes: [{ delegation: 'Mexique', vote: 'abstain' }, { delegation: 'France', vote: 'no' }] });
    await invoke(a.ctx, 'decisions:addStatement', { documentId, delegation: 'Kenya', kind: 'explanation_of_vote', text: 'We voted yes because…', textLang: 'en' });
    await invoke(b.ctx, 'decisions:addStatement', { documentId, delegation: 'France', kind: 'reservation', text: 'La France émet une réserve.', textLang: 'fr' });
    await importBytes(b.ctx, exportBundle(a.ctx, { forumId: a.forumId, forPeer: b.ctx.deviceId }).bytes);
    await importBytes(a.ctx, exportBundle(b.ctx, { forumId: b.forumId, forPeer: a.ctx.deviceId }).bytes);
    expect(forumTables(a.ctx)).toEqual(forumTables(b.ctx));
    const seen = await invoke(a.ctx, 'decisions:get', { documentId });
    expect(seen.decisions[0]?.votes.map((v) => `${v.delegation}:${v.vote}`)).toEqual(['CN:yes', 'FR:no', 'KE:yes', 'MX:abstain']);
    expect(seen.decisions[0]?.tally).toMatchObject({ yes: 2, no: 1, abstain: 1, adopted: true });
    expect(seen.statements.map((s) => `${s.delegation}:${s.kind}:${s.lang}`).sort()).toEqual(['FR:reservation:fr', 'KE:explanation_of_vote:en']);
  });
});
