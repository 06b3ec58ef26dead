import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SpeakerList } from '../../../shared/speakers';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempCore';

/** The demo forum with a speakers' list on its first session: two spoke, one speaks, two wait. */
async function demoWithList(): Promise<{ db: string; sessionId: string; otherSession: string }> {
  const db = path.join(tempDir(), 'plenary.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  const ctx = await openCore(db);
  try {
    const [forum] = await invoke(ctx, 'forums:list', {});
    const agenda = await invoke(ctx, 'agenda:get', { forumId: forum?.id ?? '' });
    const [session, other] = agenda.sessions;
    const ref = { forumId: forum?.id ?? '', subject: { kind: 'session' as const, id: session?.id ?? '' } };
    for (const delegation of ['Kenya', 'Chile', 'Norway', 'India']) await invoke(ctx, 'speakers:add', { ...ref, participantId: null, delegation, kind: 'statement' });
    await invoke(ctx, 'speakers:add', { ...ref, participantId: null, delegation: 'Brazil', kind: 'point_of_order' });
    await invoke(ctx, 'speakers:next', ref);
    // Brazil's turn must run: a turn that never ran a millisecond is not counted as spoken (spokenTime.ts).
    await new Promise((resolve) => setTimeout(resolve, 5));
    await invoke(ctx, 'speakers:next', ref);
    return { db, sessionId: session?.id ?? '', otherSession: other?.id ?? '' };
  } finally {
    closeCore(ctx);
  }
}

describe('plenary speakers list', () => {
  it('prints who speaks, who waits (a point of order marked) and who has spoken', async () => {
    const { db, sessionId, otherSession } = await demoWithList();
    const result = await cli('speakers', 'list', '--db', db, '--session', sessionId);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Speakers' list: /);
    expect(result.out).toMatch(/Speaking now: Kenya, statement, 0:0\d of 3:00/);
    expect(result.out).toMatch(/Waiting:\n {2}1\. Chile\n {2}2\. Norway\n {2}3\. India/);
    expect(result.out).toMatch(/Finished:\n {2}Brazil {2}0:0\d {2}\[point of order\]/);
    const json = await cli('speakers', 'list', '--db', db, '--session', sessionId, '--json');
    const list = JSON.parse(json.out) as SpeakerList;
    expect(list.current?.name).toBe('Kenya');
    expect(list.waiting.map((e) => e.name)).toEqual(['Chile', 'Norway', 'India']);
    expect(list.finished.map((e) => [e.name, e.kind])).toEqual([['Brazil', 'point_of_order']]);
    // The figures say who actually spoke: Brazil's point of order has ended, Kenya is speaking.
    const stats = await cli('stats', '--db', db);
    expect(stats.out).toMatch(/Who actually spoke\nTurns: \d; time spoken: .*\n.*Delegation +Turns +Time spoken/);
    expect(stats.out).toMatch(/\n {2}Brazil +1 +0:0\d/);
    const empty = await cli('speakers', 'list', '--db', db, '--session', otherSession);
    expect(empty.out).toMatch(/Nobody has the floor\.\n\nNobody is waiting\./);
  });

  it('a bad or unknown id, or no list named: a clear message and exit code 2', async () => {
    const { db, sessionId } = await demoWithList();
    const cases: Array<[string[], RegExp]> = [
      [['--session', 'no such id!'], /--session takes an id/],
      [['--session', '00000000-0000-4000-8000-00000000abcd'], /There is no session 00000000-0000-4000-8000-00000000abcd in this database/],
      [['--paragraph', sessionId], /There is no paragraph/],
      [[], /Name one list: --session ID/],
      [['--session', sessionId, '--paragraph', sessionId], /Name one list/],
    ];
    for (const [args, message] of cases) {
      const result = await cli('speakers', 'list', '--db', db, ...args);
      expect(result, args.join(' ')).toMatchObject({ code: 2, out: '', err: expect.stringMatching(message) });
    }
  });
});
