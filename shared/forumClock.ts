// The venue's clock, one rule for the app's agenda and the participant companion: now is read in
// the forum's time zone, never the laptop's.

/** A wall-clock moment at the venue: the calendar day and the minute, as the agenda writes them. */
export interface ForumMoment {
  day: string;
  time: string;
}

interface Timed {
  day: string;
  startTime: string;
  endTime: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Now, read in the forum's time zone (not the laptop's: the organiser may have flown in). */
export function momentInZone(timeZone: string, date: Date = new Date()): ForumMoment {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The sessions running at `moment` (parallel ones together) and the ones starting next: every
 * session sharing the earliest start still to come, on whatever day that is.
 */
export function nowAndNext<T extends Timed>(sessions: readonly T[], moment: ForumMoment): { now: T[]; next: T[] } {
  const now: T[] = [];
  let next: T[] = [];
  let nextKey = '';
  const here = `${moment.day} ${moment.time}`;
  for (const session of sessions) {
    if (session.day === moment.day && session.startTime <= moment.time && moment.time < session.endTime) {
      now.push(session);
      continue;
    }
    const key = `${session.day} ${session.startTime}`;
    if (key <= here) continue;
    if (!nextKey || key < nextKey) {
      nextKey = key;
      next = [session];
    } else if (key === nextKey) next.push(session);
  }
  return { now, next };
}
