import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { venueStatus } from '../../../shared/venue';
import { laptop } from './venueHelpers';

// The venue screen and the status bar both ask for venue mode's state as a window opens: the
// first asks of a laptop that never used the venue network arrive together.
describe('venue mode asked about twice at once, the first time', () => {
  it('makes one certificate and answers both with it', async () => {
    const ctx = await laptop('Secretariat');
    const answers = await Promise.all([dispatch(ctx, 'http', 'venue:status', {}), dispatch(ctx, 'http', 'venue:status', {}), dispatch(ctx, 'http', 'peers:list', {})]);
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    const fingerprints = answers.slice(0, 2).map((a) => (a.ok ? venueStatus.parse(a.value).certificateFingerprint : ''));
    expect(fingerprints[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprints[1]).toBe(fingerprints[0]);
  });
});
