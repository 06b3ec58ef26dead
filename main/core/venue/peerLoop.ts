import type { PeerState, SyncRoundOutcome, VenuePeer } from '../../../shared/venue';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { parseLaptopUrl, requestPeer } from './venueClient';
import type { VenueCertificate } from './venueCertificate';
import { pullFromPeer } from './venueExchange';
import { getPeer, listPeers, recordExchange, type PairedPeer } from './venuePeers';

export interface LoopSettings {
  pullIntervalMs: number;
  nudgeDelayMs: number;
  timeoutMs: number;
  backupEveryMs: number;
}

interface PeerRun {
  state: PeerState;
  lastError: string | null;
  retryAt: number | null;
  failures: number;
  running: Promise<SyncRoundOutcome> | null;
  again: boolean;
}

const firstBackOffMs = 2000;
const longestBackOffMs = 5 * 60 * 1000;

/**
 * Pulls from each paired peer every few seconds and at once when it nudges; nudges every peer
 * soon after this laptop's log grows (a local write, or changes brought from another peer, which
 * then travel on along a chain). One exchange at a time per peer; a peer that fails is backed off
 * exponentially (2 s doubling to 5 min) and never holds up anything else.
 */
export class PeerLoop {
  private readonly runs = new Map<string, PeerRun>();
  private tick: NodeJS.Timeout | null = null;
  private watch: NodeJS.Timeout | null = null;
  private lastSeq = 0;
  private lastBackupAt = Number.NEGATIVE_INFINITY;
  private active = false;
  private closed = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly certificate: () => Promise<VenueCertificate>,
    private readonly settings: LoopSettings,
  ) {}

  start(): void {
    if (this.active || this.closed) return;
    this.active = true;
    this.lastSeq = this.newestSeq();
    this.tick = setInterval(() => {
      for (const peer of listPeers(this.ctx.db)) this.pullSoon(peer.deviceId);
    }, this.settings.pullIntervalMs);
    this.watch = setInterval(() => this.nudgeIfWritten(), this.settings.nudgeDelayMs);
    for (const peer of listPeers(this.ctx.db)) this.pullSoon(peer.deviceId);
  }

  stop(): void {
    this.active = false;
    if (this.tick) clearInterval(this.tick);
    if (this.watch) clearInterval(this.watch);
    this.tick = null;
    this.watch = null;
  }

  /** The database is closing: nothing more touches it from here. */
  close(): void {
    this.closed = true;
    this.stop();
  }

  forget(deviceId: string): void {
    this.runs.delete(deviceId);
  }

  /** A pull from that peer now, or right after the one under way; not while it is backed off. */
  pullSoon(deviceId: string): void {
    if (!this.active || this.closed) return;
    const run = this.run(deviceId);
    if (run.running) {
      run.again = true;
      return;
    }
    if (run.retryAt !== null && run.retryAt > Date.now()) return;
    void this.pull(deviceId);
  }

  /** One exchange with every paired peer (after any under way), whatever their back-off. */
  async round(): Promise<SyncRoundOutcome[]> {
    const peers = listPeers(this.ctx.db);
    return Promise.all(
      peers.map(async (peer) => {
        const running = this.run(peer.deviceId).running;
        if (running) await running.catch(() => undefined);
        return this.pull(peer.deviceId);
      }),
    );
  }

  describe(peer: PairedPeer): VenuePeer {
    const run = this.runs.get(peer.deviceId);
    return {
      deviceId: peer.deviceId,
      name: peer.name,
      fingerprint: peer.fingerprint,
      url: peer.url,
      pairedAt: peer.pairedAt,
      lastExchangeAt: peer.lastExchangeAt,
      state: run?.state ?? (peer.lastExchangeAt ? 'ok' : 'never'),
      lastError: run?.lastError ?? null,
      retryAt: run?.retryAt ? new Date(run.retryAt).toISOString() : null,
      changesReceived: peer.changesReceived,
    };
  }

  private run(deviceId: string): PeerRun {
    let run = this.runs.get(deviceId);
    if (!run) this.runs.set(deviceId, (run = { state: 'never', lastError: null, retryAt: null, failures: 0, running: null, again: false }));
    return run;
  }

  private pull(deviceId: string): Promise<SyncRoundOutcome> {
    const run = this.run(deviceId);
    const running = this.exchange(deviceId, run).finally(() => {
      run.running = null;
      if (run.again) {
        run.again = false;
        this.pullSoon(deviceId);
      }
    });
    run.running = running;
    return running;
  }

  private async exchange(deviceId: string, run: PeerRun): Promise<SyncRoundOutcome> {
    const failed = (error: string): SyncRoundOutcome => ({ deviceId, ok: false, changes: 0, held: 0, error });
    const peer = getPeer(this.ctx.db, deviceId);
    if (!peer) return failed('not_found');
    try {
      if (!peer.url) throw new CoreError('peer_unreachable', `${peer.name} joined without listening; it is reached when it pulls from here.`);
      const address = parseLaptopUrl(peer.url);
      const certificate = await this.certificate();
      const result = await pullFromPeer(this.ctx, peer, {
        address,
        certificate,
        timeoutMs: this.settings.timeoutMs,
        skipBackup: Date.now() - this.lastBackupAt < this.settings.backupEveryMs,
        cancelled: () => this.closed,
      });
      if (result.backedUp) this.lastBackupAt = Date.now();
      if (this.closed) return failed('internal');
      recordExchange(this.ctx.db, deviceId, new Date().toISOString(), result.changes);
      Object.assign(run, { state: 'ok', lastError: result.refused?.code ?? null, retryAt: null, failures: 0 });
      return { deviceId, ok: true, changes: result.changes, held: result.held, error: result.refused?.code ?? null };
    } catch (error) {
      const code = error instanceof CoreError ? error.code : 'internal';
      if (this.closed) return failed(code);
      run.failures += 1;
      run.retryAt = Date.now() + Math.min(firstBackOffMs * 2 ** (run.failures - 1), longestBackOffMs);
      run.state = code === 'peer_unreachable' ? 'unreachable' : 'backing_off';
      run.lastError = code;
      return failed(code);
    }
  }

  private newestSeq(): number {
    return this.ctx.db.prepare('SELECT ifnull(max(seq), 0) FROM changes').pluck().get() as number;
  }

  private nudgeIfWritten(): void {
    if (this.closed || !this.ctx.db.open) return;
    const newest = this.newestSeq();
    if (newest === this.lastSeq) return;
    const forums = this.ctx.db.prepare('SELECT DISTINCT forum_id FROM changes WHERE seq > ? AND forum_id IS NOT NULL LIMIT 20').pluck().all(this.lastSeq) as string[];
    this.lastSeq = newest;
    void this.certificate().then((certificate) => {
      for (const peer of listPeers(this.ctx.db)) {
        const run = this.run(peer.deviceId);
        if (!peer.url || (run.retryAt !== null && run.retryAt > Date.now())) continue;
        const address = parseLaptopUrl(peer.url);
        for (const forumId of forums) {
          requestPeer(address, certificate, { method: 'POST', path: '/v1/nudge', json: { forumId }, pinned: peer.certFingerprint, maxBytes: 4096, timeoutMs: this.settings.timeoutMs }).catch(
            () => undefined, // the pulls say how the peer is doing
          );
        }
      }
    });
  }
}
