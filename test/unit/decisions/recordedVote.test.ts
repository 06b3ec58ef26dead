import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { maxVoteFileBytes, tallyVotes } from '../../../shared/decisions';
import { snapshot } from '../helpers/tempCore';
import { clockedLaptop } from './decisionsFixture';

describe('the tally of a recorded vote', () => {
  it('is a simple majority of those voting: abstentions and absences count for neither side', () => {
    expect(tallyVotes(['yes', 'yes', 'no', 'abstain', 'abstain', 'abstain', 'absent'])).toEqual({ yes: 2, no: 1, abstain: 3, absent: 1, voting: 3, adopted: true });
    expect(tallyVotes(['yes', 'no', 'abstain'])).toMatchObject({ voting: 2, adopted: false });
    expect(tallyVotes(['abstain', 'absent'])).toMatchObject({ voting: 0, adopted: false });
    expect(tallyVotes([])).toMatchObject({ adopted: false });
  });
});

describe('decisions on a document', () => {
  it('records adoption by consensus with who recorded it, when, and a note', async () => {
    const { ctx, documentId, clock } = await clockedLaptop();
    const result = await invoke(ctx, 'decisions:consensus', { documentId, note: 'Adopted at the closing plenary' });
    expect(result.decisions).toEqual([
      expect.objectContaining({ paragraphId: null, method: 'consensus', adopted: true, note: 'Adopted at the closing plenary', recordedAt: new Date(clock.now).toISOString() }),
    ]);
  });

  it('records a vote from a file whose header and votes are in French, names the delegations in the reader\'s language, and tallies it', async () => {
    const { ctx, documentId, paragraphIds } = await clockedLaptop();
    const csv = 'Délégation;Vote\nKenya;oui\nChine;pour\nMexique;non\nFrance;abstention\nAllemagne;absent\n';
    const result = await invoke(ctx, 'decisions:voteFile', { documentId, paragraphId: paragraphIds[0] ?? null, csv, lang: 'es' });
    const [decision] = result.decisions;
    expect(decision).toMatchObject({ method: 'vote', paragraphId: paragraphIds[0], adopted: true, tally: { yes: 2, no: 1, abstain: 1, absent: 1, voting: 3 } });
    expect(decision?.votes.map((v) => `${v.name}:${v.vote}`)).toEqual(['Alemania:absent', 'China:yes', 'Francia:abstain', 'Kenia:yes', 'México:no']);
  });

  it('takes English votes without a header, and a vote changed on the grid changes the tally', async () => {
    const { ctx, documentId } = await clockedLaptop();
    await invoke(ctx, 'decisions:voteFile', { documentId, csv: 'KE,yes\nCN,no\nMX,no\n' });
    const before = (await invoke(ctx, 'decisions:get', { documentId })).decisions[0];
    expect(before).toMatchObject({ adopted: false, tally: { yes: 1, no: 2 } });
    const after = (await invoke(ctx, 'decisions:votes', { documentId, votes: [{ delegation: 'MX', vote: 'yes' }] })).decisions[0];
    expect(after).toMatchObject({ adopted: true, tally: { yes: 2, no: 1 } });
  });
});

describe('a bad vote file', () => {
  async function refused(csv: string) {
    const { ctx, documentId } = await clockedLaptop();
    await invoke(ctx, 'decisions:voteFile', { documentId, csv: 'Kenya,yes\n' });
    const before = snapshot(ctx);
    const check = await invoke(ctx, 'decisions:checkVoteFile', { documentId, csv });
    await expect(invoke(ctx, 'decisions:voteFile', { documentId, csv })).rejects.toMatchObject({ code: 'vote_file_rejected' });
    expect(snapshot(ctx)).toBe(before);
    return check;
  }

  it('lists each unknown delegation with its line, and records nothing', async () => {
    const check = await refused('delegation,vote\nKenya,yes\n\nAtlantis,no\nChina,yes\nNarnia,abstain\n');
    expect(check.votes).toEqual([]);
    expect(check.problems).toEqual([
      { line: 4, code: 'unknownDelegation', value: 'Atlantis' },
      { line: 6, code: 'unknownDelegation', value: 'Narnia' },
    ]);
  });

  it('refuses a delegation listed twice, under two of its names, naming both lines', async () => {
    const check = await refused('delegation,vote\nKenya,yes\nChina,no\nKE,no\n');
    expect(check.problems).toEqual([{ line: 4, code: 'duplicate', value: 'KE (2)' }]);
  });

  it('refuses a vote that is not yes, no, abstain or absent', async () => {
    const check = await refused('Kenya,yes\nChina,maybe\nMexico,\n');
    expect(check.problems).toEqual([
      { line: 2, code: 'badVote', value: 'maybe' },
      { line: 3, code: 'badVote', value: '' },
    ]);
  });

  it('refuses a file too large to be a vote, or with too many rows, or with no votes', async () => {
    expect((await refused(`delegation,vote\n${'Kenya,yes\n'.repeat(Math.ceil(maxVoteFileBytes / 10) + 1)}`)).problems).toEqual([{ line: 0, code: 'tooLarge', value: String(maxVoteFileBytes) }]);
    expect((await refused('Kenya,yes\n'.repeat(1200))).problems).toEqual([{ line: 0, code: 'tooManyRows', value: '1000' }]);
    expect((await refused('delegation,vote\n')).problems).toEqual([{ line: 0, code: 'empty', value: '' }]);
  });
});
