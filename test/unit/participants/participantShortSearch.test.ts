import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { queryParticipants } from '../../../main/core/store/participants';
import { participantQuery, type Participant } from '../../../shared/participants';
import { fold } from '../../../shared/foldText';
import { foldCases } from '../helpers/foldCases';
import { validForum } from '../helpers/tempCore';
import { forumWithPeople, must, names, person } from './participantFixture';

// Texts of one or two characters are found in a per-connection copy of the forum's names; these
// prove the copy follows every write and finds exactly what LIKE '%text%' finds.
describe('participants:query with one or two characters', () => {
  it('sees participants added, renamed, tombstoned and restored after the first search', async () => {
    const { ctx, forumId } = await forumWithPeople([{ name: '王小明', email: '' }, { name: 'Ana Silva', email: '' }]);
    expect(await names(ctx, { forumId, text: '小明' })).toEqual(['王小明']);

    const added = await must<Participant>(ctx, 'participants:create', { forumId, participant: person({ name: '小明', email: '' }) });
    expect(await names(ctx, { forumId, text: '小明' })).toEqual(['小明', '王小明']);

    await must(ctx, 'participants:update', { id: added.id, participant: person({ name: '张伟', email: '' }) });
    expect(await names(ctx, { forumId, text: '小明' })).toEqual(['王小明']);
    expect(await names(ctx, { forumId, text: '张' })).toEqual(['张伟']);

    await must(ctx, 'participants:setDeleted', { id: added.id, deleted: true });
    expect(await names(ctx, { forumId, text: '张' })).toEqual([]);
    await must(ctx, 'participants:setDeleted', { id: added.id, deleted: false });
    expect(await names(ctx, { forumId, text: '张' })).toEqual(['张伟']);

    // Written after the copy was made, in another forum: still not this forum's.
    const other = await must<{ id: string }>(ctx, 'forums:create', validForum);
    await must(ctx, 'participants:create', { forumId: other.id, participant: person({ name: '张三', email: '' }) });
    expect(await names(ctx, { forumId, text: '张' })).toEqual(['张伟']);
    expect(await names(ctx, { forumId: other.id, text: '张' })).toEqual(['张三']);
    expect(await names(ctx, { forumId, text: '张' })).toEqual(['张伟']);
  });

  it('forgets a write that was rolled back', async () => {
    const { ctx, forumId } = await forumWithPeople([{ name: 'Ana Silva', email: '' }]);
    expect(await names(ctx, { forumId, text: 'jo' })).toEqual([]);
    const rollBack = new Error('roll back');
    expect(() =>
      ctx.db.transaction(() => {
        ctx.db.prepare("UPDATE participants SET name = 'Jo Li'").run();
        // Searched inside the transaction, so the copy holds the name that is about to vanish.
        const inside = queryParticipants(ctx.db, participantQuery.parse({ forumId, text: 'jo' }));
        expect(inside.rows.map((p) => p.name)).toEqual(['Jo Li']);
        throw rollBack;
      })(),
    ).toThrow(rollBack);
    expect(await names(ctx, { forumId, text: 'jo' })).toEqual([]);
  });

  it('sees a write committed by another connection', async () => {
    const { ctx, forumId } = await forumWithPeople([{ name: 'Ana Silva', email: '' }]);
    expect(await names(ctx, { forumId, text: 'jo' })).toEqual([]);
    const other = new Database(ctx.db.name);
    try {
      other.prepare("UPDATE participants SET name = 'Jo Li'").run();
    } finally {
      other.close();
    }
    expect(await names(ctx, { forumId, text: 'jo' })).toEqual(['Jo Li']);
  });

  it('keeps to its forum and finds what the search fold finds: case and accents, punctuation as typed', async () => {
    const people = ['JOHN smith', 'Jörg Ødegaard', 'ÉMILE', 'émile', 'a_b', 'a%b', 'ab', 'x\\y', '李明', 'Anna'];
    const { ctx, forumId } = await forumWithPeople(people.map((name) => ({ name, organisation: 'Org', email: '' })));
    const other = await must<{ id: string }>(ctx, 'forums:create', validForum);
    await must(ctx, 'participants:create', { forumId: other.id, participant: person({ name: 'John Other', email: '' }) });
    for (const text of ['jo', 'JO', 'é', 'É', 'ém', 'e', '_', '%', 'a_', '\\', 'ø', 'Ø', '明', 'or', 'g', 'nn']) {
      const expected = people.filter((name) => fold(`${name}\nOrg`).includes(fold(text))).sort();
      expect((await names(ctx, { forumId, text })).sort(), text).toEqual(expected);
    }
    expect(await names(ctx, { forumId, text: 'jo' })).toEqual(['JOHN smith', 'Jörg Ødegaard']);
  });

  it('finds with one or two characters exactly what three find, however the name is written', async () => {
    const people = foldCases.map(([input]) => input);
    const { ctx, forumId } = await forumWithPeople(people.map((name) => ({ name, organisation: '', email: '' })));
    for (const [input, folded] of foldCases) {
      const letters = [...folded];
      for (let length = 1; length <= 3; length++) {
        for (let at = 0; at + length <= letters.length; at++) {
          const piece = letters.slice(at, at + length).join('');
          // Names are stored composed (NFC), whichever way they were typed.
          const expected = people.filter((name) => fold(name).includes(piece)).map((name) => name.normalize('NFC')).sort();
          expect(expected).toContain(input.normalize('NFC'));
          for (const text of new Set([piece, piece.toUpperCase()])) {
            // ß capitalises to SS, which is another word: only a capital that folds back is asked.
            if (fold(text) !== piece) continue;
            expect((await names(ctx, { forumId, text })).sort(), `${text} (${input})`).toEqual(expected);
          }
        }
      }
    }
  });

  it('finds Jörg by jo and JÖ, one and two characters, in and out of a transaction', async () => {
    const { ctx, forumId } = await forumWithPeople([{ name: 'Jörg Müller', email: '' }, { name: 'Ana Silva', email: '' }]);
    for (const text of ['j', 'J', 'ö', 'Ö', 'o', 'jo', 'JO', 'jö', 'JÖ', 'jör', 'JOR']) {
      expect(await names(ctx, { forumId, text }), text).toEqual(['Jörg Müller']);
      const inside = ctx.db.transaction(() => queryParticipants(ctx.db, participantQuery.parse({ forumId, text })))();
      expect(inside.rows.map((p) => p.name), `${text} in a transaction`).toEqual(['Jörg Müller']);
    }
  });
});
