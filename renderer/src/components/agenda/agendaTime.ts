import { useEffect, useState } from 'react';
import { momentInZone, type ForumMoment } from '../../../../shared/forumClock';

// The venue's clock lives in shared/forumClock.ts, which the companion server reads too.
export { momentInZone, nowAndNext, type ForumMoment } from '../../../../shared/forumClock';

/** The venue's clock, re-read every `intervalMs`; renders again only when the minute changes. */
export function useForumClock(timeZone: string, intervalMs: number): ForumMoment {
  const [moment, setMoment] = useState(() => momentInZone(timeZone));
  useEffect(() => {
    const tick = () =>
      setMoment((previous) => {
        const next = momentInZone(timeZone);
        return next.day === previous.day && next.time === previous.time ? previous : next;
      });
    tick();
    const timer = window.setInterval(tick, intervalMs);
    return () => window.clearInterval(timer);
  }, [timeZone, intervalMs]);
  return moment;
}

/** Every day from start to end inclusive, plus days sessions were put on outside that range. */
export function agendaDays(startDate: string, endDate: string, sessionDays: Iterable<string>): string[] {
  const days = new Set<string>();
  const day = new Date(`${startDate}T00:00:00Z`);
  const last = new Date(`${endDate}T00:00:00Z`);
  // A bound keeps a corrupt date range from spinning; no forum runs for more than a year.
  for (let i = 0; day <= last && i < 366; i++) {
    days.add(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  for (const d of sessionDays) days.add(d);
  return [...days].sort();
}
