import { Bonjour, type Browser, type Service } from 'bonjour-service';
import type { NearbyLaptop } from '../../../shared/venue';
import { advertisedTxt, instanceName, nearbyFromServices, plenaryServiceType, type AdvertisedLaptop } from './nearbyLaptops';

/** Announces this laptop on the local network and lists the others; exchanges nothing with them. */
export interface VenueDiscovery {
  /** Announces (or re-announces, after a change of address or name) this laptop. */
  advertise(laptop: AdvertisedLaptop): void;
  /** Stops announcing this laptop; browsing goes on until `stop`. */
  unadvertise(): void;
  /** The Plenary laptops seen on the network now, this one left out. */
  nearby(): NearbyLaptop[];
  /** Stops announcing and browsing and closes the multicast socket. */
  stop(): void;
}

export interface DiscoveryOptions {
  ownDeviceId: string;
  /** Whether a laptop is paired already (the venue screen shows it so). */
  isPaired: (deviceId: string) => boolean;
  /** Where a multicast failure is told (a network without multicast, a port taken); never thrown. */
  onError?: (error: Error) => void;
}

/**
 * mDNS/DNS-SD discovery with bonjour-service (pure JavaScript, on multicast-dns): advertises
 * `_plenary._tcp` with TXT `{ id, fp, h }` and browses for the same type. A network that blocks
 * multicast only means an empty list: pairing by typed address still works.
 */
export function startBonjourDiscovery(options: DiscoveryOptions): VenueDiscovery {
  const report = (error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error)));
  let bonjour: Bonjour | undefined = new Bonjour({}, report);
  let browser: Browser | undefined = bonjour.find({ type: plenaryServiceType });
  let published: Service | undefined;

  const unadvertise = () => {
    const service = published;
    published = undefined;
    // A goodbye packet (TTL 0) tells the others at once that this laptop left.
    service?.stop?.();
  };

  return {
    advertise(laptop) {
      if (!bonjour) return;
      unadvertise();
      try {
        const service = bonjour.publish({ name: instanceName(laptop), type: plenaryServiceType, port: laptop.port, txt: advertisedTxt(laptop) });
        service.on('error', report);
        published = service;
      } catch (error) {
        report(error);
      }
    },
    unadvertise,
    nearby() {
      return browser ? nearbyFromServices(browser.services, options.ownDeviceId, options.isPaired) : [];
    },
    stop() {
      // unpublishAll sends the goodbye and only then closes the socket (stopping the service
      // first would leave its goodbye unsent behind a socket already closed).
      published = undefined;
      browser?.stop();
      browser = undefined;
      const closing = bonjour;
      bonjour = undefined;
      closing?.unpublishAll(() => closing.destroy());
    },
  };
}
