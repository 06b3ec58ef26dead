import { isIP } from 'node:net';
import type { NearbyLaptop } from '../../../shared/venue';

// What the local network says about Plenary laptops is anyone's to say: each record is read as
// untrusted text, and nothing in it is ever contacted. Joining still takes the pairing code shown
// on that laptop's screen, and the certificate fingerprint is pinned before the code is sent.

/** The DNS-SD service type Plenary laptops announce (`_plenary._tcp`). */
export const plenaryServiceType = 'plenary';

/** The parts of a discovered DNS-SD service this module reads (as bonjour-service reports them). */
export interface DiscoveredService {
  name?: unknown;
  port?: unknown;
  addresses?: unknown;
  referer?: { address?: unknown } | undefined;
  txt?: unknown;
  lastSeen?: unknown;
}

/** What this laptop announces: its id, its venue certificate's fingerprint, and where it listens. */
export interface AdvertisedLaptop {
  deviceId: string;
  /** How the laptop is called ("Rapporteur – Room B"). */
  name: string;
  port: number;
  /** SHA-256 of the venue certificate, which the joining laptop pins. */
  fingerprint: string;
  /** The local address venue mode listens on, when it is one address (not every interface). */
  host?: string | null;
}

const idPattern = /^[A-Za-z0-9._:-]{1,200}$/;
const fingerprintPattern = /^[A-Fa-f0-9:]{32,200}$/;
const maxNameLength = 100;
// An mDNS instance name is one DNS label: 63 bytes at most.
const maxLabelBytes = 63;

/** The TXT record this laptop announces: `id`, `fp` and, when it listens on one address, `h`. */
export function advertisedTxt(laptop: AdvertisedLaptop): Record<string, string> {
  return { id: laptop.deviceId, fp: laptop.fingerprint, ...(laptop.host ? { h: laptop.host } : {}) };
}

/**
 * The instance name: the laptop's name, cut to fit one DNS label, followed by the start of its
 * device id, so two laptops both called "Secretariat" do not fight over one name on the network.
 */
export function instanceName(laptop: Pick<AdvertisedLaptop, 'deviceId' | 'name'>): string {
  const suffix = ` (${laptop.deviceId.slice(0, 8)})`;
  let name = cleanName(laptop.name) || 'Plenary';
  while (Buffer.byteLength(name + suffix) > maxLabelBytes) name = [...name].slice(0, -1).join('');
  return name + suffix;
}

/** The name shown for a discovered laptop: its instance name without the id suffix it carries. */
function displayName(instance: string, deviceId: string): string {
  const suffix = ` (${deviceId.slice(0, 8)})`;
  const name = instance.endsWith(suffix) ? instance.slice(0, -suffix.length) : instance;
  return cleanName(name) || deviceId.slice(0, 8);
}

function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return [...name.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim()].slice(0, maxNameLength).join('');
}

function txtValue(txt: unknown, key: string): string | undefined {
  if (typeof txt !== 'object' || txt === null) return undefined;
  const value: unknown = (txt as Record<string, unknown>)[key];
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return undefined;
}

/** An address a laptop can be reached at, as it goes in a URL; undefined if unusable. */
function urlHost(address: unknown): string | undefined {
  if (typeof address !== 'string') return undefined;
  const version = isIP(address);
  if (version === 4) return address;
  // A link-local IPv6 address needs its interface's zone, which differs on each computer.
  if (version === 6 && !/^fe[89ab]/i.test(address)) return `[${address}]`;
  return undefined;
}

function hostOf(service: DiscoveredService): string | undefined {
  // The address it says venue mode listens on; else the one its record came from; else any of
  // its addresses, IPv4 first.
  const announced = urlHost(txtValue(service.txt, 'h')) ?? urlHost(service.referer?.address);
  if (announced) return announced;
  const hosts = (Array.isArray(service.addresses) ? (service.addresses as unknown[]) : []).map(urlHost).filter((h) => h !== undefined);
  return hosts.find((h) => !h.startsWith('[')) ?? hosts[0];
}

/**
 * The Plenary laptops a browse found, each once: records without a well-formed id, fingerprint,
 * port or address are left out, as is this laptop's own; of several records for one laptop the
 * most recently seen wins.
 */
export function nearbyFromServices(services: readonly DiscoveredService[], ownDeviceId: string, isPaired: (deviceId: string) => boolean): NearbyLaptop[] {
  const byDevice = new Map<string, { laptop: NearbyLaptop; seen: number }>();
  for (const service of services) {
    const deviceId = txtValue(service.txt, 'id');
    const fingerprint = txtValue(service.txt, 'fp');
    if (!deviceId || !idPattern.test(deviceId) || deviceId === ownDeviceId) continue;
    if (!fingerprint || !fingerprintPattern.test(fingerprint)) continue;
    const port = service.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) continue;
    const host = hostOf(service);
    if (!host) continue;
    const name = displayName(typeof service.name === 'string' ? service.name : '', deviceId);
    const seen = typeof service.lastSeen === 'number' ? service.lastSeen : 0;
    const laptop: NearbyLaptop = { name, deviceId, url: `https://${host}:${port}/#fp=${fingerprint}`, paired: isPaired(deviceId) };
    const earlier = byDevice.get(deviceId);
    if (!earlier || seen >= earlier.seen) byDevice.set(deviceId, { laptop, seen });
  }
  return [...byDevice.values()].map((entry) => entry.laptop).sort((a, b) => a.name.localeCompare(b.name) || a.deviceId.localeCompare(b.deviceId));
}
