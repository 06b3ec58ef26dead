import { describe, expect, it } from 'vitest';
import type { ParticipationStats } from '../../../shared/participationStats';
import { participationStats } from '../../../main/core/store/participationStats';
import { actOnSpeaker, addSpeaker, nextSpeaker } from '../../../main/core/store/speakerQueue';
import { call, room } from './speakersFixture';

const t0 = Date.parse('2026-03-02T09:00:00.000Z');
const s = 1000;

describe('spoken time in the participation figures', () => {
  it('counts who actually spoke, per speaker, delegation, gender and region; listed or withdrawn is not spoken', async () => {
    const r = await room();
    const [amina, tomas, li, jonas] = r.people.map((p) => p.id) as [string, string, string, string];
    const addAt = (participantId: string | null, delegation = '', kind: 'statement' | 'reply' = 'statement') =>
      addSpeaker(r.ctx, r.forum.id, r.subject, { participantId, delegation, kind }, t0);
    addAt(amina);
    addAt(tomas);
    addAt(null, 'Kenya');
    const withdrawn = addAt(li);
    addAt(jonas);
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0); // Amina: 150 s
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0 + 150 * s); // Tomás: 40 s
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0 + 190 * s); // Kenya: 200 s, over time
    actOnSpeaker(r.ctx, r.forum.id, r.subject, withdrawn, 'withdraw', t0 + 200 * s);
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0 + 390 * s); // Jonas: still speaking, 10 s so far
    // Amina answers Tomás: a right of reply, 30 s, her second turn.
    addAt(amina, '', 'reply');
    const stats = participationStats(r.ctx.db, r.forum.id, t0 + 400 * s);
    expect(stats.spoken).toEqual({
      totalMs: 400 * s,
      turns: 4,
      bySpeaker: [
        { participantId: null, name: 'Kenya', delegation: 'Kenya', ms: 200 * s, turns: 1 },
        { participantId: amina, name: 'Amina Diallo', delegation: 'Republic of Senegal', ms: 150 * s, turns: 1 },
        { participantId: tomas, name: 'Tomás Ruiz', delegation: 'Chile', ms: 40 * s, turns: 1 },
        { participantId: jonas, name: 'Jonas Berg', delegation: 'Norway', ms: 10 * s, turns: 1 },
      ],
      byDelegation: [
        { delegation: 'Kenya', ms: 200 * s, turns: 1 },
        { delegation: 'Republic of Senegal', ms: 150 * s, turns: 1 },
        { delegation: 'Chile', ms: 40 * s, turns: 1 },
        { delegation: 'Norway', ms: 10 * s, turns: 1 },
      ],
      byGender: expect.objectContaining({ female: 150 * s, male: 50 * s, unknown: 200 * s }),
      // Kenya, typed by name, counts in Africa with Senegal.
      byRegion: expect.objectContaining({ AF: 350 * s, SA: 40 * s, EU: 10 * s, unknown: 0, AS: 0 }),
    });
    // Later, with Jonas done after 25 s and Amina's reply heard for 30 s.
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0 + 415 * s);
    nextSpeaker(r.ctx, r.forum.id, r.subject, t0 + 445 * s);
    const later = participationStats(r.ctx.db, r.forum.id, t0 + 9999 * s).spoken;
    expect(later.totalMs).toBe(445 * s);
    expect(later.bySpeaker.find((x) => x.participantId === amina)).toMatchObject({ ms: 180 * s, turns: 2 });
    // Through the contract, as the screen asks for it.
    const viaContract = await call<ParticipationStats>(r.ctx, 'stats:get', { forumId: r.forum.id });
    expect(viaContract.spoken.turns).toBe(5);
  });

  it('a forum without speakers’ lists has no spoken time', async () => {
    const r = await room();
    const spoken = participationStats(r.ctx.db, r.forum.id, t0).spoken;
    expect(spoken).toMatchObject({ totalMs: 0, turns: 0, bySpeaker: [], byDelegation: [] });
  });
});
