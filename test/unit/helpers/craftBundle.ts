import { createHash } from 'node:crypto';
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { CoreContext } from '../../../main/core/coreContext';
import type { BundleManifest } from '../../../main/core/sync/bundleFormat';
import { deviceIdentity, signBytes } from '../../../main/core/sync/deviceIdentity';
import { exportBundle } from '../../../main/core/sync/exportBundle';

/** One change line as a bundle carries it. */
export type CraftedLine = [device: string, hlc: string, table: string, rowId: string, cells: Record<string, unknown>, parents?: Record<string, string[]>];

/**
 * A bundle properly signed by `ctx`'s own key, carrying exactly the given change lines: what a
 * buggy, misconfigured or stolen laptop could send. The manifest's counts and hashes are made to
 * match, so only the importer's own checks stand between it and the database.
 */
export function craftBundle(ctx: CoreContext, forumId: string, lines: CraftedLine[], patch: (m: BundleManifest) => void = () => undefined): Uint8Array {
  const files = unzipSync(exportBundle(ctx, { forumId }).bytes);
  const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as BundleManifest;
  const changes = strToU8(lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  files['changes.jsonl'] = changes;
  const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  manifest.entries = [{ name: 'changes.jsonl', size: changes.length, sha256: hash(changes), storedSha256: hash(deflateSync(changes, { level: 6 })) }];
  manifest.counts = {};
  for (const [, , table] of lines) manifest.counts[table] = (manifest.counts[table] ?? 0) + 1;
  patch(manifest);
  const manifestBytes = strToU8(JSON.stringify(manifest));
  files['manifest.json'] = manifestBytes;
  files['manifest.sig'] = strToU8(signBytes(deviceIdentity(ctx), manifestBytes));
  return zipSync(files);
}

/** A clock value `ms` milliseconds from now, as the log writes them. */
export function hlcAt(ms: number, counter = 0): string {
  return `${String(Math.floor(Date.now() + ms)).padStart(15, '0')}-${counter.toString(16).padStart(4, '0')}`;
}
