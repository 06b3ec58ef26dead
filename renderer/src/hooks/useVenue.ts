import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/result';
import type { VenuePeer, VenueStatus } from '../../../shared/venue';
import { venueApi, venueChangedEvent } from '../api/venueApi';

/** How often the venue's state is read again while venue mode is on or peers exist. */
export const venuePollMs = 3000;

export interface VenueState {
  status: VenueStatus | undefined;
  peers: VenuePeer[] | undefined;
  /** Why the venue's state could not be read (the core does not answer the venue commands, say). */
  error: AppError | undefined;
  reload(): void;
}

/**
 * Venue mode and the paired peers, read once, then every few seconds only while there is
 * something to follow (venue mode on, or peers to exchange with), and again whenever this tab
 * changes them. Nothing is polled on a laptop that never used the venue network.
 */
export function useVenue(): VenueState {
  const [status, setStatus] = useState<VenueStatus>();
  const [peers, setPeers] = useState<VenuePeer[]>();
  const [error, setError] = useState<AppError>();
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    let timer: number | undefined;
    const read = async () => {
      const [s, p] = await Promise.all([venueApi['venue:status']({}), venueApi['peers:list']({})]);
      if (!live.current) return;
      if (s.ok) setStatus(s.value);
      if (p.ok) setPeers(p.value);
      setError(!s.ok ? s.error : !p.ok ? p.error : undefined);
      const follow = (s.ok && s.value.enabled) || (p.ok && p.value.length > 0);
      if (follow) timer = window.setTimeout(() => void read(), venuePollMs);
    };
    void read();
    window.addEventListener(venueChangedEvent, reload);
    return () => {
      live.current = false;
      window.clearTimeout(timer);
      window.removeEventListener(venueChangedEvent, reload);
    };
  }, [generation, reload]);

  return { status, peers, error, reload };
}

/** The current time, moving every second while `ticking`: ages on screen ("2 s ago") stay true. */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [ticking]);
  return now;
}
