// Fair shares for the phones of a venue: at most `maxClients` addresses seen over a sliding window,
// and per address a token bucket (a steady rate with a burst for the page's first load). A phone
// polling every two seconds uses a twentieth of its share; a script hammering the laptop is slowed
// to the same share and told when to come back.

export interface CompanionLimitOptions {
  /** Distinct client addresses served within `windowMs` (default 1,000). */
  maxClients?: number;
  /** How long an address counts as a client after its last request (default 60 s). */
  windowMs?: number;
  /** Requests per second each client may make on average (default 10). */
  ratePerSecond?: number;
  /** Requests a client may make at once (default 20). */
  burst?: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

export type Admission = { ok: true } | { ok: false; reason: 'too_many_clients' | 'rate_limited'; retryAfterSeconds: number };

interface Client {
  tokens: number;
  /** When its tokens were last counted, and when it last asked. */
  at: number;
  seen: number;
}

export class CompanionLimits {
  readonly maxClients: number;
  readonly windowMs: number;
  readonly ratePerSecond: number;
  readonly burst: number;
  private readonly now: () => number;
  private readonly clients = new Map<string, Client>();

  constructor(options: CompanionLimitOptions = {}) {
    this.maxClients = options.maxClients ?? 1000;
    this.windowMs = options.windowMs ?? 60_000;
    this.ratePerSecond = options.ratePerSecond ?? 10;
    this.burst = options.burst ?? 20;
    this.now = options.now ?? Date.now;
  }

  /** Whether a request from `address` may be served now; counts it when it may. */
  admit(address: string): Admission {
    const now = this.now();
    let client = this.clients.get(address);
    if (client && now - client.seen > this.windowMs) {
      this.clients.delete(address);
      client = undefined;
    }
    if (!client) {
      if (this.clients.size >= this.maxClients) this.forgetIdle(now);
      if (this.clients.size >= this.maxClients) {
        return { ok: false, reason: 'too_many_clients', retryAfterSeconds: Math.max(1, Math.ceil(this.soonestFree(now) / 1000)) };
      }
      client = { tokens: this.burst, at: now, seen: now };
      this.clients.set(address, client);
    }
    client.tokens = Math.min(this.burst, client.tokens + ((now - client.at) / 1000) * this.ratePerSecond);
    client.at = now;
    if (client.tokens < 1) {
      return { ok: false, reason: 'rate_limited', retryAfterSeconds: Math.max(1, Math.ceil((1 - client.tokens) / this.ratePerSecond)) };
    }
    client.tokens -= 1;
    client.seen = now;
    return { ok: true };
  }

  /** Addresses counted as clients now. */
  clientCount(): number {
    this.forgetIdle(this.now());
    return this.clients.size;
  }

  private forgetIdle(now: number): void {
    for (const [address, client] of this.clients) if (now - client.seen > this.windowMs) this.clients.delete(address);
  }

  /** Milliseconds until the longest-idle client leaves the window. */
  private soonestFree(now: number): number {
    let oldest = now;
    for (const client of this.clients.values()) if (client.seen < oldest) oldest = client.seen;
    return oldest + this.windowMs - now;
  }
}
