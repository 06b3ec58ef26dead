import { Bonjour, type Browser, type Service } from 'bonjour-service';
import type { NearbyLaptop } from '../../../shared/venue';
import { advertisedTxt, instanceName, nearbyFromServices, plenaryServiceType, type AdvertisedLaptop } from './nearbyLaptops';

/** Announces this laptop on the local network and lists the others; exchanges nothing with them. */
export interface BonjourDiscovery {
  /** Announces (or announces again, after a change of port or name) this laptop, and browses. */
  advertise(laptop: AdvertisedLaptop): void;
  /** The Plenary laptops seen on the network now, this one left out; starts browsing if stopped. */
  nearby(): NearbyLaptop[];
  /** Stops announcing (with a goodbye) and browsing, and closes the multicast socket. */
  stop(): void;
}

export interface DiscoveryOptions {
  ownDeviceId: string;
  /** Whether a laptop is paired already; the venue controller may also mark it itself. */
  isPaired?: (deviceId: string) => boolean;
  /** Where a multicast failure is told (a network without multicast, a port taken); never thrown. */
  onError?: (error: Error) => void;
}

/**
 * mDNS/DNS-SD discovery with bonjour-service (pure JavaScript, on multicast-dns): advertises
 * `_plenary._tcp` with TXT `{ id, fp, h }` and browses for the same type. A network that blocks
 * multicast only means an empty list: pairing by typed address still works. The socket is opened
 * on first use (advertising, or the venue screen asking who is nearby) and closed by `stop`, so
 * venue mode switched off leaves nothing listening; switched on again, it opens anew.
 */
export function bonjourDiscovery(options: DiscoveryOptions): BonjourDiscovery {
  const report = (error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error)));
  let running: { bonjour: Bonjour; browser: Browser; published?: Service } | undefined;

  const start = () => {
    if (running) return running;
    try {
      const bonjour = new Bonjour({}, report);
      running = { bonjour, browser: bonjour.find({ type: plenaryServiceType }) };
    } catch (error) {
      report(error);
    }
    return running;
  };

  return {
    advertise(laptop) {
      const now = start();
      if (!now) return;
      // A goodbye for the earlier announcement (another port, another name), then the new one.
      now.published?.stop?.();
      try {
        const service = now.bonjour.publish({ name: instanceName(laptop), type: plenaryServiceType, port: laptop.port, txt: advertisedTxt(laptop) });
        service.on('error', report);
        now.published = service;
      } catch (error) {
        report(error);
      }
    },
    nearby() {
      const now = start();
      return now ? nearbyFromServices(now.browser.services, options.ownDeviceId, options.isPaired ?? (() => false)) : [];
    },
    stop() {
      const closing = running;
      running = undefined;
      if (!closing) return;
      closing.browser.stop();
      // unpublishAll sends the goodbye and only then closes the socket (stopping the service
      // first would leave its goodbye unsent behind a socket already closed).
      closing.bonjour.unpublishAll(() => closing.bonjour.destroy());
    },
  };
}
