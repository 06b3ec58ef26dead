import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, HybridClock, MAX_DRIFT_MS } from '../../../main/core/sync/hybridClock';

function manualClock(start: number) {
  let now = start;
  return { wall: () => now, set: (value: number) => (now = value) };
}

describe('HybridClock', () => {
  it('issues strictly increasing values while the wall clock advances', () => {
    const time = manualClock(1_000);
    const clock = new HybridClock(time.wall);
    const a = clock.now();
    time.set(2_000);
    const b = clock.now();
    expect(b > a).toBe(true);
    expect(decodeHlc(b)).toEqual({ millis: 2_000, counter: 0 });
  });

  it('stays monotonic when the wall clock stands still or jumps backwards', () => {
    const time = manualClock(50_000);
    const clock = new HybridClock(time.wall);
    const seen = [clock.now(), clock.now()];
    time.set(10_000); // someone set the laptop's clock back
    seen.push(clock.now(), clock.now());
    for (let i = 1; i < seen.length; i++) expect(seen[i]! > seen[i - 1]!).toBe(true);
    expect(decodeHlc(seen[3]!)).toEqual({ millis: 50_000, counter: 3 });
  });

  it('resumes from a persisted value after a restart with an earlier wall clock', () => {
    const earlier = new HybridClock(() => 90_000);
    const saved = earlier.now();
    const restarted = new HybridClock(() => 5_000, saved);
    expect(restarted.now() > saved).toBe(true);
  });

  it('never moves because of a timestamp seen in a bundle, however near or far ahead', () => {
    for (const ahead of [60_000, MAX_DRIFT_MS + 1, 365 * 86_400_000]) {
      const clock = new HybridClock(() => 1_000_000);
      const before = clock.now();
      const remote = encodeHlc({ millis: 1_000_000 + ahead, counter: 7 });
      clock.observe(remote);
      expect(clock.newestSeen()).toBe(remote);
      const after = clock.now();
      expect(decodeHlc(after)).toEqual({ millis: 1_000_000, counter: decodeHlc(before).counter + 1 });
    }
    expect(() => new HybridClock().observe('not-a-clock')).toThrow();
  });

  it('borrows a millisecond instead of overflowing the counter', () => {
    const clock = new HybridClock(() => 7, encodeHlc({ millis: 7, counter: 0xffff }));
    expect(decodeHlc(clock.now())).toEqual({ millis: 8, counter: 0 });
  });

  it('sorts as text in the same order as in time', () => {
    const values = [
      { millis: 9, counter: 1 },
      { millis: 10, counter: 0 },
      { millis: 1_700_000_000_000, counter: 0xa },
      { millis: 1_700_000_000_000, counter: 0xb },
    ].map(encodeHlc);
    expect([...values].sort()).toEqual(values);
    expect(() => decodeHlc('not-a-clock')).toThrow();
  });
});
