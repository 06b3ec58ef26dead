import { createHash } from 'node:crypto';
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { CoreContext } from '../../../main/core/coreContext';
import type { BundleManifest } from '../../../main/core/sync/bundleFormat';
import { signBlock, type LineParts } from '../../../main/core/sync/changeBlocks';
import { deviceIdentity, signBytes, type DeviceIdentity } from '../../../main/core/sync/deviceIdentity';
import { exportBundle } from '../../../main/core/sync/exportBundle';

/** One change line as a bundle carries it. */
export type CraftedLine = [device: string, hlc: string, table: string, rowId: string, cells: Record<string, unknown>, parents?: Record<string, string[]>];

export interface CraftOptions {
  patch?: (m: BundleManifest) => void;
  /**
   * Who signs each device's lines (by default the crafting laptop signs its own, and nobody signs
   * the rest), and under which key the manifest presents that device.
   */
  signers?: Array<{ device: string; identity: DeviceIdentity }>;
}

/**
 * A bundle properly signed by `ctx`'s own key, carrying exactly the given change lines: what a
 * buggy, misconfigured or stolen laptop could send. The manifest's counts, hashes and signed
 * blocks are made to match, so only the importer's own checks stand between it and the database.
 */
export function craftBundle(ctx: CoreContext, forumId: string, lines: CraftedLine[], options: CraftOptions = {}): Uint8Array {
  const files = unzipSync(exportBundle(ctx, { forumId }).bytes);
  const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as BundleManifest;
  const changes = strToU8(lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  files['changes.jsonl'] = changes;
  const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  manifest.entries = [{ name: 'changes.jsonl', size: changes.length, sha256: hash(changes), storedSha256: hash(deflateSync(changes, { level: 6 })) }];
  manifest.counts = {};
  for (const [, , table] of lines) manifest.counts[table] = (manifest.counts[table] ?? 0) + 1;
  const own = deviceIdentity(ctx);
  const signers = options.signers ?? [{ device: ctx.deviceId, identity: own }];
  manifest.blocks = [];
  manifest.devices = [];
  for (const { device, identity } of signers) {
    const parts: LineParts[] = lines
      .filter(([d]) => d === device)
      .map(([d, hlc, tbl, rowId, cells, parents]) => ({ device: d, hlc, tbl, rowId, cells: JSON.stringify(cells), parents: parents ? JSON.stringify(parents) : null }))
      .sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    if (parts.length === 0) continue;
    manifest.blocks.push({ ...signBlock({ ...identity, deviceId: device }, forumId, parts) });
    manifest.devices.push({ id: device, publicKey: identity.publicKey });
  }
  options.patch?.(manifest);
  const manifestBytes = strToU8(JSON.stringify(manifest));
  files['manifest.json'] = manifestBytes;
  files['manifest.sig'] = strToU8(signBytes(own, manifestBytes));
  return zipSync(files);
}

/** A clock value `ms` milliseconds from now, as the log writes them. */
export function hlcAt(ms: number, counter = 0): string {
  return `${String(Math.floor(Date.now() + ms)).padStart(15, '0')}-${counter.toString(16).padStart(4, '0')}`;
}
