import os from 'node:os';
import type { LocalAddress } from '../../../shared/venue';

/** The addresses this computer has on local networks now (loopback and link-local left out). */
export function localAddresses(): LocalAddress[] {
  const out: LocalAddress[] = [];
  for (const [interfaceName, entries] of Object.entries(os.networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.internal || entry.address.startsWith('fe80:') || entry.address.includes('%')) continue;
      out.push({ address: entry.address, family: entry.family === 'IPv6' ? 'IPv6' : 'IPv4', interfaceName });
    }
  }
  return out;
}

export const isLoopback = (host: string): boolean => /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1';
export const isAllInterfaces = (host: string): boolean => host === '0.0.0.0' || host === '::';

/** Whether this computer has `host` now: any loopback address (all of 127/8 on Linux), or one of its interfaces'. */
export function hasAddress(host: string): boolean {
  if (isLoopback(host)) return true;
  return Object.values(os.networkInterfaces()).some((entries) => (entries ?? []).some((entry) => entry.address === host));
}
