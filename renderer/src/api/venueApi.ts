import type { z } from 'zod';
import type { Result } from '../../../shared/result';
import type { venueContract } from '../../../shared/venue';
import { api } from './plenaryApi';

type VenueContract = typeof venueContract;
export type VenueCommand = keyof VenueContract;

/** The venue commands as the screens call them, typed by the venue contract alone. */
export type VenueApi = {
  [K in VenueCommand]: (input: z.input<VenueContract[K]['input']>) => Promise<Result<z.output<VenueContract[K]['output']>>>;
};

// The venue contract joins the app's one contract (shared/ipc.ts) with its handlers; this is the
// same `api` object seen through that part of it, so the venue screens need nothing else.
export const venueApi = api as unknown as VenueApi;

/** Said on the window whenever this tab changes venue mode or the peers, so every view re-reads. */
export const venueChangedEvent = 'plenary:venue-changed';

export function announceVenueChange(): void {
  window.dispatchEvent(new Event(venueChangedEvent));
}
