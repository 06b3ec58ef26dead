// The arithmetic of a speaker's countdown, shared by the core (spoken time in the figures) and the
// screens (the laptop's timer and both projectors). A running timer is stored as two synced cells,
// when it was last started (the starting laptop's wall clock) and the milliseconds spoken before
// that, so every laptop computes the same countdown from its own clock and nobody's clock is moved.

/** Kinds of turn: a statement, a right of reply, a point of order. */
export const speakerKinds = ['statement', 'reply', 'point_of_order'] as const;
export type SpeakerKind = (typeof speakerKinds)[number];

/** Default speaking times, per kind, for a list whose chair set none. */
export const defaultSpeakingMs: Readonly<Record<SpeakerKind, number>> = { statement: 180_000, reply: 120_000, point_of_order: 60_000 };

/** The warning phase starts this long before the end, the red final phase this long before it. */
export const warningMs = 30_000;
export const finalMs = 10_000;

/** The longest speaking time a chair may set: a keynote is long, a day is not. */
export const maxSpeakingMs = 4 * 60 * 60_000;

export interface TimerCells {
  /** Milliseconds spoken before the current start (never negative). */
  spokenMs: number;
  /** When the timer was last started (ISO), or null while it stands still. */
  startedAt: string | null;
}

/**
 * Milliseconds spoken at `nowMs`. A start stamped in this laptop's future (its clock runs behind
 * the laptop that pressed start) counts as just started, never as negative time.
 */
export function elapsedMs(timer: TimerCells, nowMs: number): number {
  const before = Math.max(0, timer.spokenMs);
  if (timer.startedAt === null) return before;
  const started = Date.parse(timer.startedAt);
  if (!Number.isFinite(started)) return before;
  return before + Math.max(0, Math.floor(nowMs - started));
}

/** The cells after pausing at `nowMs`: what was spoken is banked, the timer stands still. */
export function paused(timer: TimerCells, nowMs: number): TimerCells {
  return { spokenMs: elapsedMs(timer, nowMs), startedAt: null };
}

/** The cells after starting (or resuming) at `nowMs`; a running timer is left as it is. */
export function resumed(timer: TimerCells, nowMs: number): TimerCells {
  return timer.startedAt !== null ? timer : { spokenMs: Math.max(0, timer.spokenMs), startedAt: new Date(nowMs).toISOString() };
}

export type TimerPhase = 'normal' | 'warning' | 'final' | 'over';

export interface Countdown {
  elapsedMs: number;
  /** Allotted minus elapsed: negative once over time. */
  remainingMs: number;
  phase: TimerPhase;
  running: boolean;
}

export function countdown(timer: TimerCells, allottedMs: number, nowMs: number): Countdown {
  const elapsed = elapsedMs(timer, nowMs);
  const remainingMs = allottedMs - elapsed;
  const phase: TimerPhase = remainingMs < 0 ? 'over' : remainingMs <= finalMs ? 'final' : remainingMs <= warningMs ? 'warning' : 'normal';
  return { elapsedMs: elapsed, remainingMs, phase, running: timer.startedAt !== null };
}

/**
 * "2:05" for what is left, "+0:12" once over time; whole seconds rounded away from the end, so
 * the display reaches 0:00 exactly at the end and reads +0:01 the moment it is passed (never
 * "+0:00", which would say over time and no time at once).
 */
export function formatClock(remainingMs: number): string {
  const over = remainingMs < 0;
  const seconds = Math.ceil(Math.abs(remainingMs) / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return over ? `+${text}` : text;
}

/** Time spoken, for the figures: "4:05", or "1:02:05" past an hour. */
export function formatSpoken(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
