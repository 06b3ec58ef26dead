import { z } from 'zod';

// The venue network: a laptop that switches venue mode on listens on its local network address
// besides loopback, pairs with other laptops by a one-time code, and pulls what it lacks from its
// paired peers through the same checks and import path as bundle files.

/** A local network address the organiser may choose to listen on (IPv4 or IPv6, no zone). */
export const venueHost = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[0-9a-fA-F.:]+$/, 'validation.invalid');

export const venuePort = z.number().int().min(1024).max(65535);

/** Six digits, shown on the laptop being joined; single use, valid a few minutes. */
export const pairingCode = z.string().regex(/^\d{6}$/, 'validation.pairingCode');

/**
 * The address another laptop types or scans: `https://HOST:PORT/#fp=<certificate sha-256>`. With
 * the fingerprint, the joining laptop pins the certificate before it sends anything.
 */
export const laptopUrl = z
  .string()
  .min(10)
  .max(300)
  .regex(/^https:\/\/[^\s/]+(\/[^\s]*)?$/, 'validation.laptopUrl');

export const localAddress = z.object({
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  /** The network interface's name (wlan0, en0 …), to help choose. */
  interfaceName: z.string(),
});
export type LocalAddress = z.infer<typeof localAddress>;

export const venueStatus = z.object({
  enabled: z.boolean(),
  /** The address listened on besides loopback, when enabled. */
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  /** What other laptops type or scan to pair (with the certificate's fingerprint). */
  laptopUrl: z.string().nullable(),
  /** The current pairing code and when it stops working (ISO time); null when none is open. */
  pairing: z.object({ code: pairingCode, expiresAt: z.string() }).nullable(),
  /** The addresses this computer has on local networks now, to choose from. */
  addresses: z.array(localAddress),
  /** SHA-256 of this laptop's venue certificate, as peers pin it. */
  certificateFingerprint: z.string(),
});
export type VenueStatus = z.infer<typeof venueStatus>;

export const peerState = z.enum(['never', 'ok', 'unreachable', 'backing_off']);
export type PeerState = z.infer<typeof peerState>;

/** A paired laptop, as the status bar and the venue screen show it. */
export const venuePeer = z.object({
  deviceId: z.string(),
  name: z.string(),
  /** The device key's fingerprint, as in the People and laptops view. */
  fingerprint: z.string(),
  url: z.string(),
  pairedAt: z.string(),
  /** The last exchange that went through (ISO time), null if none yet. */
  lastExchangeAt: z.string().nullable(),
  state: peerState,
  /** Why the last exchange failed: an error code the UI translates. */
  lastError: z.string().nullable(),
  /** When the next attempt is due while backing off (ISO time). */
  retryAt: z.string().nullable(),
  /** Changes received from this peer since pairing. */
  changesReceived: z.number().int(),
});
export type VenuePeer = z.infer<typeof venuePeer>;

/** A Plenary laptop announcing itself on the local network (mDNS/DNS-SD); nothing is exchanged. */
export const nearbyLaptop = z.object({
  name: z.string(),
  deviceId: z.string(),
  url: z.string(),
  paired: z.boolean(),
});
export type NearbyLaptop = z.infer<typeof nearbyLaptop>;

export const syncRoundOutcome = z.object({
  deviceId: z.string(),
  ok: z.boolean(),
  /** Changes applied from this peer in the round. */
  changes: z.number().int(),
  /** Changes kept aside (clock far ahead, or a role missing). */
  held: z.number().int(),
  error: z.string().nullable(),
});
export type SyncRoundOutcome = z.infer<typeof syncRoundOutcome>;

export const venueContract = {
  'venue:status': {
    input: z.object({}).strict(),
    output: venueStatus,
  },
  /** Switches venue mode on: listen on `host` (a local address) as well as loopback. */
  'venue:start': {
    input: z.object({ host: venueHost, port: venuePort.optional() }).strict(),
    output: venueStatus,
  },
  'venue:stop': {
    input: z.object({}).strict(),
    output: venueStatus,
  },
  /** A fresh pairing code (the previous one stops working). */
  'venue:pairingCode': {
    input: z.object({}).strict(),
    output: venueStatus,
  },
  'peers:list': {
    input: z.object({}).strict(),
    output: z.array(venuePeer),
  },
  /** Joins the laptop at `url` with the code shown on its screen; both pin each other's keys. */
  'peers:add': {
    input: z.object({ url: laptopUrl, code: pairingCode }).strict(),
    output: venuePeer,
  },
  /** Forgets a paired laptop: no more exchanges with it (its changes already here stay). */
  'peers:remove': {
    input: z.object({ deviceId: z.string().min(1).max(200) }).strict(),
    output: z.array(venuePeer),
  },
  /** One exchange round with every paired peer, now. */
  'peers:sync': {
    input: z.object({}).strict(),
    output: z.object({ peers: z.array(syncRoundOutcome) }),
  },
  'peers:nearby': {
    input: z.object({}).strict(),
    output: z.array(nearbyLaptop),
  },
} as const;

export type VenueContract = typeof venueContract;
