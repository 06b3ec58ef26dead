import { describe, expect, it } from 'vitest';
import type { ImportPreview, SessionOutcome } from '../../../shared/sync';
import { bundlesGoingIn, importedForums, sessionResults, splitDuplicates, summariseSession } from '../../../renderer/src/components/sync/sessionSummary';

const laptops = {
  a: { id: 'device-a', name: 'Rapporteur A', fingerprint: 'AAAA-BBBB-CCCC-DDDD', status: 'unknown' as const },
  b: { id: 'device-b', name: 'Rapporteur B', fingerprint: 'EEEE-FFFF-GGGG-HHHH', status: 'trusted' as const },
};
const forum = { id: 'forum-1', title: 'Forum on Urban-Rural Linkages', isNew: false };

function ready(name: string, device: ImportPreview['device'], preview: Partial<ImportPreview> = {}): SessionOutcome {
  return {
    name,
    status: 'ready',
    preview: {
      forum,
      device,
      changes: { total: 10, new: 6, alreadyHere: 4 },
      rows: {},
      skew: { changes: 0, maxAheadMs: 0 },
      held: { changes: 0, maxAheadMs: 0 },
      quarantined: { changes: 0, reasons: [] },
      massChanges: [],
      ...preview,
    },
  };
}
const refused = (name: string, code: 'bundle_rejected' | 'confirmation_required', message = 'The file is damaged.'): SessionOutcome => ({ name, status: 'refused', error: { code, message } });

describe('session summary', () => {
  const outcomes: SessionOutcome[] = [
    ready('a-morning.plenary', laptops.a, { rows: { participants: { added: 0, updated: 2 }, notes: { added: 3, updated: 0 } }, skew: { changes: 2, maxAheadMs: 60_000 } }),
    ready('b.plenary', laptops.b, { rows: { key_messages: { added: 1, updated: 0 } }, changes: { total: 5, new: 0, alreadyHere: 5 } }),
    refused('damaged.plenary', 'bundle_rejected'),
    ready('a-evening.plenary', laptops.a, {
      forum: { id: 'forum-2', title: 'Expert group', isNew: true },
      rows: { notes: { added: 2, updated: 1 }, key_messages: { added: 4, updated: 0 }, sessions: { added: 0, updated: 0 } },
      skew: { changes: 1, maxAheadMs: 120_000 },
      held: { changes: 3, maxAheadMs: 5 * 86_400_000 },
      massChanges: [{ table: 'participants', deleted: 150, rewritten: 0, live: 200 }],
    }),
  ];

  it('groups bundles per laptop in the order they first appear, and sums what they add', () => {
    const summary = summariseSession(outcomes);
    expect(summary.bundles).toBe(4);
    expect(summary.groups.map((g) => [g.name, g.fingerprint, g.bundles.map((b) => b.name)])).toEqual([
      ['Rapporteur A', 'AAAA-BBBB-CCCC-DDDD', ['a-morning.plenary', 'a-evening.plenary']],
      ['Rapporteur B', 'EEEE-FFFF-GGGG-HHHH', ['b.plenary']],
    ]);
    const [a, b] = summary.groups;
    // Notes and key messages lead, other kinds follow as they came; kinds with nothing are left out.
    expect(a?.rows).toEqual([
      { table: 'notes', added: 5, updated: 1 },
      { table: 'key_messages', added: 4, updated: 0 },
      { table: 'participants', added: 0, updated: 2 },
    ]);
    expect(a?.changes).toEqual({ total: 20, new: 12, alreadyHere: 8 });
    expect(a?.forums.map((f) => f.id)).toEqual(['forum-1', 'forum-2']);
    expect(a?.skew).toEqual({ changes: 3, maxAheadMs: 120_000 });
    expect(a?.held).toEqual({ changes: 3, maxAheadMs: 5 * 86_400_000 });
    expect(a?.massChanges).toEqual([{ table: 'participants', deleted: 150, rewritten: 0, live: 200 }]);
    expect(a?.bundles.map((x) => x.sweeping)).toEqual([false, true]);
    expect(b?.changes).toEqual({ total: 5, new: 0, alreadyHere: 5 });
    expect(summary.refused).toEqual([{ name: 'damaged.plenary', reason: 'bundle_rejected', message: 'The file is damaged.' }]);
  });

  it('adds up sweeping deletions of one table across a laptop’s bundles, out of what is here', () => {
    const sweep = (deleted: number, live: number) => ready(`sweep-${deleted}.plenary`, laptops.b, { massChanges: [{ table: 'notes', deleted, rewritten: 1, live }] });
    const summary = summariseSession([sweep(80, 100), sweep(15, 20)]);
    expect(summary.groups[0]?.massChanges).toEqual([{ table: 'notes', deleted: 95, rewritten: 2, live: 100 }]);
  });

  it('adds up, per laptop, the changes kept aside for want of a role and the roles they needed', () => {
    const reason = (needed: Array<'chair' | 'drafter'>, changes: number) => ({ device: 'device-x', fingerprint: '', needed, changes });
    const summary = summariseSession([
      ready('b-1.plenary', laptops.b, { quarantined: { changes: 2, reasons: [reason(['chair'], 2)] } }),
      ready('b-2.plenary', laptops.b, { quarantined: { changes: 3, reasons: [reason(['chair'], 1), reason(['drafter'], 2)] } }),
      ready('a.plenary', laptops.a),
    ]);
    expect(summary.groups.map((g) => [g.name, g.quarantined])).toEqual([
      ['Rapporteur B', { changes: 5, needed: ['chair', 'drafter'] }],
      ['Rapporteur A', { changes: 0, needed: [] }],
    ]);
  });

  it('lists a file whose bytes repeat another’s once, as a duplicate of the first', () => {
    const files = [
      { name: 'a.plenary', data: 'QUJD' },
      { name: 'b.plenary', data: 'REVG' },
      { name: 'a (copy).plenary', data: 'QUJD' },
    ];
    const { unique, duplicates } = splitDuplicates(files);
    expect(unique.map((f) => f.name)).toEqual(['a.plenary', 'b.plenary']);
    expect(duplicates).toEqual([{ name: 'a (copy).plenary', sameAs: 'a.plenary' }]);
    expect(summariseSession([], duplicates).refused).toEqual([{ name: 'a (copy).plenary', reason: 'duplicate', message: '', sameAs: 'a.plenary' }]);
  });

  it('counts the bundles that would go in: trusted laptops only, sweeping ones only with a yes', () => {
    const summary = summariseSession(outcomes);
    expect(bundlesGoingIn(summary, { trust: [], confirmMassChanges: false })).toBe(1);
    expect(bundlesGoingIn(summary, { trust: ['device-a'], confirmMassChanges: false })).toBe(2);
    expect(bundlesGoingIn(summary, { trust: ['device-a'], confirmMassChanges: true })).toBe(3);
  });

  it('says per file what happened, a refusal of a laptop left untrusted told apart from a damaged file', () => {
    const imported = (o: SessionOutcome): SessionOutcome => (o.status === 'ready' ? { ...o, status: 'imported' } : o);
    const results: SessionOutcome[] = [
      refused('a-morning.plenary', 'bundle_rejected', 'This is the first bundle from “Rapporteur A”.'),
      imported(outcomes[1] as SessionOutcome),
      refused('damaged.plenary', 'bundle_rejected'),
      refused('a-evening.plenary', 'bundle_rejected', 'This is the first bundle from “Rapporteur A”.'),
    ];
    const lines = sessionResults(results, outcomes, [], [{ name: 'b (copy).plenary', sameAs: 'b.plenary' }]);
    expect(lines.map((l) => [l.name, l.status === 'imported' ? `${l.laptop}: ${l.changes}` : l.reason])).toEqual([
      ['a-morning.plenary', 'untrusted'],
      ['b.plenary', 'Rapporteur B: 0'],
      ['damaged.plenary', 'bundle_rejected'],
      ['a-evening.plenary', 'untrusted'],
      ['b (copy).plenary', 'duplicate'],
    ]);
    expect(importedForums(lines)).toEqual(['forum-1']);
    // Trusted, the same refusal is not the user's choice: it keeps the core's reason.
    expect(sessionResults(results, outcomes, ['device-a'])[0]).toMatchObject({ status: 'refused', reason: 'bundle_rejected' });
  });
});
