import { z } from 'zod';
import type { NearbyLaptop, SyncRoundOutcome, VenuePeer, VenueStatus } from '../../../shared/venue';
import type { CoreContext } from '../coreContext';
import { startCompanionServer } from '../companion/companionServer';
import { CoreError } from '../errors';
import { publicDeviceIdentity } from '../sync/deviceIdentity';
import { PairingCodes } from './pairing';
import { PeerLoop } from './peerLoop';
import { hasAddress, isAllInterfaces, localAddresses } from './localAddresses';
import { originOf } from './venueClient';
import { venueCertificate, type VenueCertificate } from './venueCertificate';
import { hostBundle, hostForums, maxBundleBytes } from './venueExchange';
import { acceptPairing, helloOf, joinPeer } from './venuePairing';
import { getPeer, listPeers, movePeer, peerByCertificate, rememberVenueSetting, removePeer, venueSetting } from './venuePeers';
import { startVenueServer, type RateLimit, type RunningVenueServer, type VenueRoutes } from './venueServer';

/** Laptops announcing themselves on the local network (mDNS); written by bonjourDiscovery.ts. */
export interface VenueDiscovery {
  advertise(info: { name: string; deviceId: string; port: number; fingerprint: string }): void;
  nearby(): NearbyLaptop[];
  stop(): void;
}

/** Another listener started and stopped with venue mode, on the same address: the companion. */
export interface VenueListener {
  close(): Promise<void>;
  /** The address phones open for a forum, or null while it has no link. */
  urlFor?(forumId: string): string | null;
}

/**
 * The participant companion beside the laptop listener: plain HTTP (phones cannot trust a
 * self-signed certificate), on the port after the laptops' one so that the link printed on the
 * programme stays the same from one day to the next; any free port if that one is taken.
 */
async function companionListener(ctx: CoreContext, host: string, venuePort: number): Promise<VenueListener> {
  const next = venuePort < 65535 ? venuePort + 1 : 0;
  try {
    return await startCompanionServer(ctx, { host, port: next });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || next === 0) throw error;
    return startCompanionServer(ctx, { host, port: 0 });
  }
}

export interface VenueOptions {
  /** How often each paired peer is asked for what this laptop lacks. */
  pullIntervalMs?: number;
  /** How soon after a local write the peers are nudged (writes in between go in one nudge). */
  nudgeDelayMs?: number;
  /** How long a peer may take to connect or to go on answering. */
  timeoutMs?: number;
  /** Live sync backs the database up before an import at most this often. */
  backupEveryMs?: number;
  /** The largest bundle taken from a peer in one answer (the bundle cap by default). */
  maxBundleBytes?: number;
  /** Requests each client certificate may make: a burst, then a steady rate. */
  rateLimit?: RateLimit;
  /** The clock pairing codes expire by. */
  now?: () => number;
  discovery?: VenueDiscovery;
  /**
   * Started after the laptop listener, on the same host, and closed with it: the participant
   * companion unless said otherwise (null: none, for tests of the laptop listener alone).
   */
  listeners?: ((ctx: CoreContext, host: string, venuePort: number) => Promise<VenueListener>) | null;
}

export interface StartOptions {
  host: string;
  port?: number;
  /** `--host 0.0.0.0` on the command line: every interface, said explicitly. */
  allInterfaces?: boolean;
}

const nudgeBody = z
  .object({
    forumId: z.string().min(1).max(100),
    /** Where the nudging laptop listens: its host (null: the address it came from) and port. */
    listening: z.object({ host: z.string().regex(/^[0-9a-fA-F.:]{2,64}$/).nullable(), port: z.number().int().min(1).max(65535) }).strict().nullable().optional(),
  })
  .strict();

/**
 * Venue mode on one open database: the TLS listener for paired laptops, the pairing code, and
 * the loop that pulls from each paired peer. One per core context, closed by closeCore.
 */
export class VenueController {
  private server: RunningVenueServer | null = null;
  private extra: VenueListener | null = null;
  private host: string | null = null;
  // The promise, not the certificate: two first asks at once (the venue screen and the status
  // bar opening together) must not both make one and race to write its file.
  private cert: Promise<VenueCertificate> | null = null;
  private readonly codes: PairingCodes;
  readonly loop: PeerLoop;
  private closed = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: VenueOptions = {},
  ) {
    this.codes = new PairingCodes(options.now);
    this.loop = new PeerLoop(ctx, () => this.certificate(), () => this.listening(), {
      pullIntervalMs: options.pullIntervalMs ?? 3000,
      nudgeDelayMs: options.nudgeDelayMs ?? 300,
      timeoutMs: options.timeoutMs ?? 15_000,
      backupEveryMs: options.backupEveryMs ?? 15 * 60 * 1000,
      maxBundleBytes: options.maxBundleBytes ?? maxBundleBytes,
    });
  }

  async certificate(): Promise<VenueCertificate> {
    this.cert ??= venueCertificate(this.ctx.databasePath);
    try {
      return await this.cert;
    } catch (error) {
      // A failure is not kept: the next ask (after the file was moved away) tries again.
      this.cert = null;
      throw error;
    }
  }

  async status(): Promise<VenueStatus> {
    const cert = await this.certificate();
    const open = this.server ? this.codes.open() : null;
    const urlHost = this.host && isAllInterfaces(this.host) ? (localAddresses().find((a) => a.family === 'IPv4')?.address ?? '127.0.0.1') : this.host;
    return {
      enabled: this.server !== null,
      host: this.server ? this.host : null,
      port: this.server?.port ?? null,
      laptopUrl: this.server && urlHost ? `${originOf(urlHost, this.server.port)}/#fp=${cert.fingerprint}` : null,
      pairing: open ? { code: open.code, expiresAt: new Date(open.expiresAt).toISOString() } : null,
      addresses: localAddresses(),
      certificateFingerprint: cert.fingerprint,
    };
  }

  /** Listens on `host` (refusing all interfaces unless said, and addresses this computer lacks) and starts the peers loop. */
  async start(options: StartOptions): Promise<VenueStatus> {
    if (this.closed) throw new CoreError('venue_unavailable', 'This database is being closed.');
    const { host } = options;
    if (isAllInterfaces(host) && options.allInterfaces !== true) {
      throw new CoreError('invalid_input', 'Venue mode listens on one local address; choose one of this computer’s addresses (every interface only from the command line, --host 0.0.0.0).', [
        { path: 'host', message: 'validation.invalid' },
      ]);
    }
    if (!isAllInterfaces(host) && !hasAddress(host)) {
      throw new CoreError('venue_unavailable', `This computer has no address ${host} now; choose one of its addresses (connect to the venue's network first).`);
    }
    const port = options.port ?? venueSetting(this.ctx.db)?.port ?? 0;
    if (this.server && this.host === host && (options.port === undefined || options.port === this.server.port)) return this.status();
    await this.stopListening();
    const cert = await this.certificate();
    try {
      this.server = await startVenueServer({ host, port, certificate: cert, routes: this.routes(cert), ...(this.options.rateLimit ? { rateLimit: this.options.rateLimit } : {}) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new CoreError('venue_unavailable', `Venue mode could not listen on ${originOf(host, port)} (${code}): another program may use that port, or the address is gone.`);
    }
    this.host = host;
    if (this.closed) {
      await this.stopListening();
      throw new CoreError('venue_unavailable', 'This database is being closed.');
    }
    rememberVenueSetting(this.ctx.db, { host, port: this.server.port });
    if (!this.codes.open()) this.codes.issue();
    const identity = publicDeviceIdentity(this.ctx);
    this.options.discovery?.advertise({ name: identity.name, deviceId: this.ctx.deviceId, port: this.server.port, fingerprint: cert.fingerprint });
    const listeners = this.options.listeners === undefined ? companionListener : this.options.listeners;
    if (listeners) {
      try {
        this.extra = await listeners(this.ctx, host, this.server.port);
      } catch (error) {
        await this.stopListening();
        throw error;
      }
    }
    this.loop.start();
    return this.status();
  }

  /** Switches venue mode off on this device: stops listening and pulling, and forgets to resume it. */
  async stop(): Promise<VenueStatus> {
    await this.stopListening();
    rememberVenueSetting(this.ctx.db, null);
    return this.status();
  }

  /** Venue mode as it was left on this device, when its address is still there; null otherwise. */
  async resume(): Promise<VenueStatus | null> {
    const setting = venueSetting(this.ctx.db);
    if (!setting || this.server) return null;
    if (!isAllInterfaces(setting.host) && !hasAddress(setting.host)) return null;
    return this.start({ host: setting.host, port: setting.port, allInterfaces: isAllInterfaces(setting.host) });
  }

  async newPairingCode(): Promise<VenueStatus> {
    if (!this.server) throw new CoreError('venue_unavailable', 'Switch venue mode on first: a pairing code is only useful while this laptop listens.');
    this.codes.issue();
    return this.status();
  }

  /** The companion's address for a forum while venue mode is on and the forum has a link. */
  companionUrl(forumId: string): string | null {
    return this.extra?.urlFor?.(forumId) ?? null;
  }

  peers(): VenuePeer[] {
    return listPeers(this.ctx.db).map((peer) => this.loop.describe(peer));
  }

  /** Where this laptop listens (or will, when venue mode resumes); every interface names no one host. */
  private listening(): { host: string | null; port: number } | null {
    const setting = venueSetting(this.ctx.db);
    const host = this.server ? this.host : (setting?.host ?? null);
    const port = this.server?.port ?? setting?.port ?? null;
    return port === null ? null : { host: host && !isAllInterfaces(host) ? host : null, port };
  }

  /** Joins the laptop at `url` with its code; both pin each other, and the first pull starts at once. */
  async addPeer(url: string, code: string): Promise<VenuePeer> {
    const cert = await this.certificate();
    const peer = await joinPeer(this.ctx, cert, url, code, this.listening(), this.options.timeoutMs ?? 15_000);
    this.loop.forget(peer.deviceId);
    this.loop.pullSoon(peer.deviceId);
    return this.loop.describe(peer);
  }

  removePeer(deviceId: string): VenuePeer[] {
    if (!getPeer(this.ctx.db, deviceId)) throw new CoreError('not_found', `No paired laptop ${deviceId}.`);
    removePeer(this.ctx.db, deviceId);
    this.loop.forget(deviceId);
    return this.peers();
  }

  /** One exchange with every paired peer now, backing off or not. */
  syncNow(): Promise<SyncRoundOutcome[]> {
    return this.loop.round();
  }

  nearby(): NearbyLaptop[] {
    const found = this.options.discovery?.nearby() ?? [];
    const paired = new Set(listPeers(this.ctx.db).map((p) => p.deviceId));
    return found.filter((laptop) => laptop.deviceId !== this.ctx.deviceId).map((laptop) => ({ ...laptop, paired: paired.has(laptop.deviceId) }));
  }

  /** Stops at once every timer (the database is about to close), then the listeners. */
  close(): Promise<void> {
    this.closed = true;
    this.loop.close();
    return this.stopListening();
  }

  private async stopListening(): Promise<void> {
    this.loop.stop();
    this.codes.close();
    this.options.discovery?.stop();
    const server = this.server;
    const extra = this.extra;
    this.server = null;
    this.extra = null;
    await Promise.all([server?.close(), extra?.close()]);
  }

  private routes(cert: VenueCertificate): VenueRoutes {
    return {
      hello: () => ({ ...helloOf(this.ctx) }),
      pair: (joinerCert, remoteAddress, body) => {
        const answer = acceptPairing(this.ctx, cert, this.codes, joinerCert, remoteAddress, body);
        this.loop.forget(answer.deviceId);
        const joiner = peerByCertificate(this.ctx.db, joinerCert);
        if (joiner?.url) this.loop.pullSoon(joiner.deviceId);
        return Promise.resolve(answer);
      },
      peerByCertificate: (fp) => peerByCertificate(this.ctx.db, fp),
      forums: () => hostForums(this.ctx),
      bundle: (peer, forumId, body) => hostBundle(this.ctx, peer, forumId, body),
      nudge: (peer, body, remoteAddress) => {
        const nudge = nudgeBody.safeParse(body);
        if (!nudge.success) throw new CoreError('invalid_input', 'A nudge names a forum: { forumId }.');
        // A laptop that came back on another address is found there: its certificate is pinned, so a wrong address only fails.
        const at = nudge.data.listening;
        if (at) movePeer(this.ctx.db, peer.deviceId, originOf(at.host ?? remoteAddress, at.port));
        this.loop.reachable(peer.deviceId);
        this.loop.pullSoon(peer.deviceId);
      },
    };
  }
}

const controllers = new WeakMap<CoreContext, VenueController>();

/** The venue controller of an open database, made on first use (with `options`, if given then). */
export function venueController(ctx: CoreContext, options?: VenueOptions): VenueController {
  let controller = controllers.get(ctx);
  if (!controller) {
    controller = new VenueController(ctx, options);
    controllers.set(ctx, controller);
    ctx.venue = controller;
  }
  return controller;
}
