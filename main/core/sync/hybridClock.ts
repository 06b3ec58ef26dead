// A hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so that changes
// made on laptops whose clocks disagree still get a total order that respects causality.
// Encoded as a fixed-width string so that SQLite's text ordering is the clock's ordering.

export interface Timestamp {
  millis: number;
  counter: number;
}

const MAX_COUNTER = 0xffff;
/** A change stamped further ahead than this is worth a warning: the sending laptop's clock is off. */
export const MAX_DRIFT_MS = 5 * 60 * 1000;

export function encodeHlc({ millis, counter }: Timestamp): string {
  return `${millis.toString().padStart(15, '0')}-${counter.toString(16).padStart(4, '0')}`;
}

/** What an encoded clock value looks like. */
export const hlcPattern = /^(\d{15})-([0-9a-f]{4})$/;

export function decodeHlc(hlc: string): Timestamp {
  const match = hlcPattern.exec(hlc);
  if (!match) throw new Error(`Not a clock value: ${hlc}`);
  return { millis: Number(match[1]), counter: parseInt(match[2] ?? '0', 16) };
}

export class HybridClock {
  private last: Timestamp;
  private seen: string;

  constructor(
    private readonly wallClock: () => number = Date.now,
    last?: string,
    /** The newest timestamp ever received, skewed ones included. */
    newestSeen?: string,
  ) {
    this.last = last ? decodeHlc(last) : { millis: 0, counter: 0 };
    this.seen = newestSeen ?? '';
  }

  /**
   * The newest timestamp received from anywhere, even one too far ahead to jump to. A local
   * change stamped after it wins every cell it writes; one stamped before it may not.
   */
  newestSeen(): string {
    return this.seen;
  }

  /**
   * This laptop's wall clock now (milliseconds), as the clock reads it: where a time is recorded as
   * people read it (an objection's), not to order changes. It may jump either way.
   */
  wallNow(): number {
    return this.wallClock();
  }

  /** The newest value issued or received; persisted so a restart never goes back. */
  current(): string {
    return encodeHlc(this.last);
  }

  /** A new timestamp for a local change: strictly greater than every earlier one. */
  now(): string {
    const wall = Math.floor(this.wallClock());
    if (wall > this.last.millis) {
      this.last = { millis: wall, counter: 0 };
    } else {
      // The wall clock stood still or jumped backwards: keep the logical time and count.
      this.last = this.bump(this.last.millis, this.last.counter + 1);
    }
    return encodeHlc(this.last);
  }

  /**
   * Note a timestamp that arrived in a bundle without moving this clock: a bundle is untrusted
   * input, and a laptop whose clock is wrong must not drag every other laptop's clock along. A
   * local edit that must beat a change stamped ahead of this clock names it as replaced instead
   * (see writeRow), which every laptop folds the same way.
   */
  observe(remote: string): void {
    decodeHlc(remote);
    if (remote > this.seen) this.seen = remote;
  }

  private bump(millis: number, counter: number): Timestamp {
    // A counter overflow borrows a millisecond rather than breaking the encoding.
    return counter > MAX_COUNTER ? { millis: millis + 1, counter: 0 } : { millis, counter };
  }
}
