import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { snapshot, tempDir } from '../helpers/tempCore';

/** Every row of the database at `db`, for "nothing changed". */
async function stored(db: string): Promise<string> {
  const ctx = await openCore(db);
  try {
    return snapshot(ctx);
  } finally {
    await ctx.worker.close();
    closeCore(ctx);
  }
}

async function demoFolder() {
  const dir = tempDir();
  const db = path.join(dir, 'demo.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  const file = (name: string, content: string) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, content);
    return at;
  };
  return { dir, db, file };
}

describe('plenary outcome decide', () => {
  it('records adoption by consensus, then a recorded vote from a CSV file, printing the tally', async () => {
    const { db, file } = await demoFolder();
    expect(await cli('outcome', 'decide', '--db', db, '--consensus', '--note', 'Closing plenary')).toMatchObject({ code: 0, out: 'Adopted by consensus (Closing plenary).' });
    const vote = await cli('outcome', 'decide', '--db', db, '--vote', file('vote.csv', 'delegación,voto\nKenia,sí\nChina,sí\nMéxico,no\nFrancia,abstención\nAlemania,ausente\n'));
    expect(vote.code).toBe(0);
    expect(vote.out).toBe(
      'Recorded vote: 2 yes, 1 no, 1 abstaining, 1 absent (3 present and voting).\nAdopted: a simple majority of those present and voting (yes more than no); abstentions are not counted.',
    );
    const json = JSON.parse((await cli('outcome', 'decide', '--db', db, '--vote', file('again.csv', 'KE,no\nCN,no\n'), '--json')).out) as { decisions: unknown[] };
    expect(json.decisions).toEqual([expect.objectContaining({ adopted: false, tally: { yes: 0, no: 3, abstain: 1, absent: 1, voting: 3, adopted: false } })]);
  });

  it('refuses a bad vote file with exit code 2, each reason with its line, and changes nothing', async () => {
    const { db, file } = await demoFolder();
    await cli('outcome', 'decide', '--db', db, '--vote', file('first.csv', 'Kenya,yes\n'));
    const before = await stored(db);
    const bad = await cli('outcome', 'decide', '--db', db, '--vote', file('bad.csv', 'delegation,vote\nKenya,yes\nAtlantis,no\nKenya,no\nChina,perhaps\n'));
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('nothing was changed');
    expect(bad.out).toContain('line 3: "Atlantis" is not a delegation of this forum');
    expect(bad.out).toContain('line 4: the delegation "Kenya" is listed twice (first on line 2)');
    expect(bad.out).toContain('line 5: "perhaps" is not a vote (yes, no, abstain or absent)');
    const status = await cli('outcome', 'decide', '--db', db, '--consensus', '--paragraph', 'no-such-paragraph');
    expect(status.code).toBe(2);
    const big = await cli('outcome', 'decide', '--db', db, '--vote', file('big.csv', 'Kenya,yes\n'.repeat(30_000)));
    expect(big).toMatchObject({ code: 2 });
    expect(big.err).toMatch(/larger than 262144 bytes/);
    expect((await cli('outcome', 'decide', '--db', db, '--consensus', '--vote', 'x.csv')).code).toBe(2);
    expect(await stored(db)).toBe(before);
  });
});

describe('plenary outcome silence', () => {
  it('starts a procedure, records an objection, and says the silence was broken', async () => {
    const { db } = await demoFolder();
    expect((await cli('outcome', 'issue', '--db', db, '--symbol', 'FURL/2026/L.1')).code).toBe(0);
    const started = await cli('outcome', 'silence', 'start', '--db', db, '--hours', '48', '--issuance', 'FURL/2026/L.1');
    expect(started.code).toBe(0);
    expect(started.out).toMatch(/ {2}FURL\/2026\/L\.1: Songyang .* until .*: open$/);
    expect((await cli('outcome', 'silence', 'start', '--db', db, '--issuance', 'L.9')).code).toBe(2);
    const objected = await cli('outcome', 'silence', 'object', '--db', db, '--delegation', 'Kenya', '--text', 'We object to paragraph 2.');
    expect(objected.code).toBe(0);
    expect(objected.out).toMatch(/silence broken\n {2}objection by Kenya at .*: We object to paragraph 2\.$/);
    expect((await cli('outcome', 'silence', 'status', '--db', db)).out).toContain('silence broken');
    expect((await cli('outcome', 'silence', 'maybe', '--db', db)).code).toBe(2);
  });
});
