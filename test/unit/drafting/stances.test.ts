import { describe, expect, it } from 'vitest';
import type { Stance } from '../../../shared/amendments';
import type { Participant } from '../../../shared/participants';
import { dispatch } from '../../../main/core/commands/dispatch';
import { stanceId } from '../../../main/core/store/stances';
import { snapshot, tempCore } from '../helpers/tempCore';
import { call, documentOf, drafting, listStances, send, type Drafting } from './amendmentFixture';

const setStance = (ctx: Drafting['ctx'], input: Record<string, unknown>) =>
  call<Stance[]>(ctx, 'stances:set', { note: '', ...input });

describe('stances', () => {
  it('tallies one stance per delegation on the paragraph', async () => {
    const { ctx, paragraphs, delegate, documentId } = await drafting();
    await setStance(ctx, { paragraphId: paragraphs[0], delegation: { participantId: delegate.id, name: '' }, stance: 'support' });
    await setStance(ctx, { paragraphId: paragraphs[0], delegation: { participantId: null, name: 'Kenya' }, stance: 'objection', note: ' Prefers the 2019 text. ' });
    const list = await setStance(ctx, { paragraphId: paragraphs[0], delegation: { participantId: null, name: 'Chile' }, stance: 'reservation' });
    expect(list.map((s) => [s.delegation, s.participantId, s.stance, s.note])).toEqual([
      ['Chile', null, 'reservation', ''],
      ['Kenya', null, 'objection', 'Prefers the 2019 text.'],
      ['Republic of Senegal', delegate.id, 'support', ''],
    ]);
    expect(await listStances(ctx, paragraphs[0])).toEqual(list);
    expect(await listStances(ctx, paragraphs[1])).toEqual([]);
    const doc = await documentOf(ctx, documentId);
    expect(doc.paragraphs.map((p) => p.stances)).toEqual([
      { support: 1, objection: 1, reservation: 1 },
      { support: 0, objection: 0, reservation: 0 },
    ]);
  });

  it('replaces a delegation’s stance when set again, however its name is typed', async () => {
    const { ctx, paragraphs } = await drafting();
    await setStance(ctx, { paragraphId: paragraphs[0], delegation: { participantId: null, name: 'UN-Habitat' }, stance: 'objection', note: 'Too vague.' });
    const list = await setStance(ctx, { paragraphId: paragraphs[0], delegation: { participantId: null, name: ' un-habitat ' }, stance: 'support', note: 'Too vague.' });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ delegation: 'un-habitat', stance: 'support', note: 'Too vague.' });
    expect(list[0]?.id).toBe(stanceId(paragraphs[0], { participantId: null, name: 'UN-HABITAT' }));
  });

  it('shows a participant delegation by organisation, else by name', async () => {
    const { ctx, paragraphs, forum } = await drafting();
    const person = await call<Participant>(ctx, 'participants:create', {
      forumId: forum.id,
      participant: { name: 'Li Wei', organisation: '', orgType: null, country: 'CN', gender: null, roles: [], email: '', languages: [] },
    });
    const list = await setStance(ctx, { paragraphId: paragraphs[0], delegation: { participantId: person.id, name: 'typed aside' }, stance: 'support' });
    expect(list.map((s) => s.delegation)).toEqual(['Li Wei']);
  });

  it('clears a stance with null, and clearing what is not there writes nothing', async () => {
    const { ctx, paragraphs, delegate } = await drafting();
    const delegation = { participantId: delegate.id, name: '' };
    await setStance(ctx, { paragraphId: paragraphs[0], delegation, stance: 'reservation' });
    expect(await setStance(ctx, { paragraphId: paragraphs[0], delegation, stance: null })).toEqual([]);
    const kept = snapshot(ctx);
    await setStance(ctx, { paragraphId: paragraphs[0], delegation, stance: null });
    await setStance(ctx, { paragraphId: paragraphs[0], delegation: { participantId: null, name: 'Nobody yet' }, stance: null });
    expect(snapshot(ctx)).toBe(kept);
    const back = await setStance(ctx, { paragraphId: paragraphs[0], delegation, stance: 'support' });
    expect(back.map((s) => s.stance)).toEqual(['support']);
  });

  it('merges the same delegation’s stance recorded on two laptops: the later one wins', async () => {
    const a = await drafting();
    const b = await tempCore();
    await send(a.ctx, b, a.forum.id);
    await setStance(a.ctx, { paragraphId: a.paragraphs[0], delegation: { participantId: null, name: 'Kenya' }, stance: 'objection' });
    // b hears of it first, so its own stance is later on every clock (within one millisecond the
    // two would tie and the device ids, random here, would decide).
    await send(a.ctx, b, a.forum.id);
    await setStance(b, { paragraphId: a.paragraphs[0], delegation: { participantId: null, name: 'KENYA' }, stance: 'support', note: 'After consultations.' });
    await send(a.ctx, b, a.forum.id);
    await send(b, a.ctx, a.forum.id);
    const onA = await listStances(a.ctx, a.paragraphs[0]);
    expect(onA).toEqual(await listStances(b, a.paragraphs[0]));
    expect(onA.map((s) => [s.delegation, s.stance, s.note])).toEqual([['KENYA', 'support', 'After consultations.']]);
  });

  describe('bad input', () => {
    const refused = async (setup: Drafting, input: Record<string, unknown>, code: string, issue?: { path: string; message: string }) => {
      const kept = snapshot(setup.ctx);
      const result = await dispatch(setup.ctx, 'cli', 'stances:set', { note: '', ...input });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      if (issue) expect(result.error.issues).toContainEqual(issue);
      expect(snapshot(setup.ctx)).toBe(kept);
    };

    it('refuses a participant of another forum, an unknown one, or no delegation at all', async () => {
      const setup = await drafting();
      const other = await drafting(setup.ctx);
      const on = { paragraphId: setup.paragraphs[0], stance: 'support' };
      await refused(setup, { ...on, delegation: { participantId: other.delegate.id, name: '' } }, 'not_found');
      await refused(setup, { ...on, delegation: { participantId: 'no-such-person', name: '' } }, 'not_found');
      await refused(setup, { ...on, delegation: { participantId: null, name: '  ' } }, 'invalid_input', { path: 'delegation.name', message: 'validation.required' });
    });

    it('refuses an unknown or deleted paragraph, an unknown stance and a note too long', async () => {
      const setup = await drafting();
      const kenya = { participantId: null, name: 'Kenya' };
      await refused(setup, { paragraphId: 'no-such-paragraph', delegation: kenya, stance: 'support' }, 'not_found');
      await call(setup.ctx, 'paragraphs:setDeleted', { id: setup.paragraphs[1], deleted: true });
      await refused(setup, { paragraphId: setup.paragraphs[1], delegation: kenya, stance: 'support' }, 'not_found');
      await refused(setup, { paragraphId: setup.paragraphs[0], delegation: kenya, stance: 'abstention' }, 'invalid_input', { path: 'stance', message: 'validation.invalid' });
      await refused(setup, { paragraphId: setup.paragraphs[0], delegation: kenya, stance: 'support', note: 'x'.repeat(2001) }, 'invalid_input', { path: 'note', message: 'validation.tooLong' });
      const list = await dispatch(setup.ctx, 'cli', 'stances:list', { paragraphId: 'no-such-paragraph' });
      expect(list.ok ? null : list.error.code).toBe('not_found');
    });
  });
});
