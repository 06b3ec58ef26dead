import { describe, expect, it } from 'vitest';
import { countdown, elapsedMs, formatClock, paused, resumed } from '../../../shared/speakingTime';

const t0 = Date.parse('2026-03-02T09:00:00.000Z');

describe('speaking time arithmetic', () => {
  it('counts from the start, banks the time on pause and goes on from there on resume', () => {
    let timer = resumed({ spokenMs: 0, startedAt: null }, t0);
    expect(timer).toEqual({ spokenMs: 0, startedAt: '2026-03-02T09:00:00.000Z' });
    expect(elapsedMs(timer, t0 + 45_000)).toBe(45_000);
    timer = paused(timer, t0 + 45_000);
    expect(timer).toEqual({ spokenMs: 45_000, startedAt: null });
    // Standing still: the clock moves, the spoken time does not.
    expect(elapsedMs(timer, t0 + 600_000)).toBe(45_000);
    timer = resumed(timer, t0 + 600_000);
    expect(elapsedMs(timer, t0 + 615_000)).toBe(60_000);
    // Resuming a running timer changes nothing.
    expect(resumed(timer, t0 + 700_000)).toBe(timer);
  });

  it('passes through warning and final phases to over time, shown as +m:ss', () => {
    const timer = { spokenMs: 0, startedAt: new Date(t0).toISOString() };
    const at = (s: number) => countdown(timer, 60_000, t0 + s * 1000);
    expect([at(0), at(29), at(30), at(50), at(60), at(72)].map((c) => [c.phase, formatClock(c.remainingMs)])).toEqual([
      ['normal', '1:00'],
      ['normal', '0:31'],
      ['warning', '0:30'],
      ['final', '0:10'],
      ['final', '0:00'],
      ['over', '+0:12'],
    ]);
    expect(at(72).remainingMs).toBe(-12_000);
    expect(formatClock(-125_000)).toBe('+2:05');
    expect(formatClock(-300)).toBe('+0:01');
    expect(formatClock(300)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(180_000)).toBe('3:00');
  });

  it('never counts a start stamped in this laptop’s future (a clock behind) as negative time', () => {
    const ahead = { spokenMs: 20_000, startedAt: new Date(t0 + 90_000).toISOString() };
    expect(elapsedMs(ahead, t0)).toBe(20_000);
    expect(elapsedMs({ spokenMs: -5, startedAt: null }, t0)).toBe(0);
    expect(elapsedMs({ spokenMs: 1000, startedAt: 'not a time' }, t0)).toBe(1000);
  });
});
