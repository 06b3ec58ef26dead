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

/** The same `api` object, seen through the venue part of the contract. */
export const venueApi: VenueApi = api;

/** Said on the window whenever this tab changes venue mode or the peers, so every view re-reads. */
export const venueChangedEvent = 'plenary:venue-changed';

export function announceVenueChange(): void {
  window.dispatchEvent(new Event(venueChangedEvent));
}
