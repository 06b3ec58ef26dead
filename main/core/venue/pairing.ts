import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** How long a pairing code works, and how many wrong tries void it. */
export const pairingCodeLifetimeMs = 5 * 60 * 1000;
export const pairingAttempts = 5;

export interface OpenCode {
  code: string;
  expiresAt: number;
}

/**
 * The code shown on the laptop being joined: six digits, single use, valid five minutes; five wrong
 * tries void it (a new one must be shown), so guessing a million codes over the network is not an
 * option. Kept in memory only: a restart closes pairing.
 */
export class PairingCodes {
  private current: (OpenCode & { wrong: number }) | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** A fresh code; the previous one stops working. */
  issue(): OpenCode {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.current = { code, expiresAt: this.now() + pairingCodeLifetimeMs, wrong: 0 };
    return { code, expiresAt: this.current.expiresAt };
  }

  open(): OpenCode | null {
    if (this.current && this.current.expiresAt <= this.now()) this.current = null;
    return this.current ? { code: this.current.code, expiresAt: this.current.expiresAt } : null;
  }

  /**
   * Whether `check(code)` holds for the open code; a failure counts as a wrong try. The caller
   * consumes the code with `use()` once the whole pairing went through.
   */
  attempt(check: (code: string) => boolean): boolean {
    const open = this.open();
    if (!open || !this.current) return false;
    if (check(open.code)) return true;
    this.current.wrong += 1;
    if (this.current.wrong >= pairingAttempts) this.current = null;
    return false;
  }

  use(): void {
    this.current = null;
  }

  close(): void {
    this.current = null;
  }
}

/** Both ends of a pairing as each side sees them: certificate fingerprints and device ids. */
export interface PairingParties {
  hostCert: string;
  joinerCert: string;
  hostDevice: string;
  joinerDevice: string;
}

/**
 * What both sides prove knowledge of the code over. Binding the certificates each side saw means a
 * machine in the middle (which shows each side its own certificate) makes the proofs disagree.
 */
export function pairingMessage(direction: 'join' | 'host', parties: PairingParties): Buffer {
  return Buffer.from(['plenary-venue-pairing-1', direction, parties.hostCert, parties.joinerCert, parties.hostDevice, parties.joinerDevice].join('\n'), 'utf8');
}

export function pairingProof(code: string, direction: 'join' | 'host', parties: PairingParties): string {
  return createHmac('sha256', code).update(pairingMessage(direction, parties)).digest('hex');
}

/** Timing-safe comparison of a proof received with the one expected. */
export function proofMatches(code: string, direction: 'join' | 'host', parties: PairingParties, proof: string): boolean {
  const expected = Buffer.from(pairingProof(code, direction, parties), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(proof) ? proof : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
