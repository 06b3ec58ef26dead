import { createHash } from 'node:crypto';
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { CoreContext } from '../../../main/core/coreContext';
import type { BundleManifest } from '../../../main/core/sync/bundleFormat';
import { signBlock, type LineParts } from '../../../main/core/sync/changeBlocks';
import { deviceIdentity, signBytes } from '../../../main/core/sync/deviceIdentity';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import type { BundleParts } from '../helpers/lyingBundles';

/** A bundle signed by `ctx`'s own key around the given manifest changes and change lines. */
export function craft(ctx: CoreContext, forumId: string, patch: (m: BundleManifest) => void, lines?: string | Uint8Array) {
  const files = unzipSync(exportBundle(ctx, { forumId }).bytes);
  const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as BundleManifest;
  if (lines !== undefined) {
    const changes = typeof lines === 'string' ? strToU8(lines) : new Uint8Array(lines);
    files['changes.jsonl'] = changes;
    const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    manifest.entries = [{ name: 'changes.jsonl', size: changes.length, sha256: hash(changes), storedSha256: hash(deflateSync(changes, { level: 6 })) }];
    // The crafting laptop signs its own lines, as an exporter would, so only the reader's and the
    // importer's checks stand between them and the database.
    manifest.blocks = ownBlocks(ctx, forumId, typeof lines === 'string' ? lines : '');
  }
  patch(manifest);
  const manifestBytes = strToU8(JSON.stringify(manifest));
  files['manifest.json'] = manifestBytes;
  files['manifest.sig'] = strToU8(signBytes(deviceIdentity(ctx), manifestBytes));
  return zipSync(files);
}

/** A block over the lines of `ctx`'s own device that read as changes; lines that do not are left unsigned. */
function ownBlocks(ctx: CoreContext, forumId: string, text: string): BundleManifest['blocks'] {
  const parts: LineParts[] = [];
  for (const line of text.split('\n')) {
    try {
      const [device, hlc, tbl, rowId, cells, parents] = JSON.parse(line) as [string, string, string, string, unknown, unknown];
      if (device === ctx.deviceId && typeof hlc === 'string' && /^\d{15}-[0-9a-f]{4}$/.test(hlc)) parts.push({ device, hlc, tbl, rowId, cells: JSON.stringify(cells), parents: parents ? JSON.stringify(parents) : null });
    } catch {
      // Not a change: the reader refuses it before any signature is looked at.
    }
  }
  parts.sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
  return parts.length ? [signBlock(deviceIdentity(ctx), forumId, parts)] : [];
}

/** Rewrites a stored zip's central directory so that it names one entry twice. */
export function duplicateEntry(zip: Uint8Array, name: string): Uint8Array {
  const files = unzipSync(zip);
  const renamed = Object.fromEntries(Object.entries(files).map(([n, d]) => [n === 'changes.jsonl' ? name.replace('.json', '.jsoX') : n, d]));
  const bytes = zipSync(renamed, { level: 0 });
  const text = Buffer.from(bytes);
  const target = Buffer.from(name.replace('.json', '.jsoX'));
  let at = text.indexOf(target);
  while (at !== -1) {
    Buffer.from(name).copy(text, at);
    at = text.indexOf(target, at + 1);
  }
  return new Uint8Array(text);
}

/** A real bundle's three entries as written, and its maker's signing key, for rebuilding it otherwise. */
export function bundleParts(ctx: CoreContext, forumId: string, forPeer?: string): BundleParts & { bytes: Uint8Array } {
  const { bytes } = exportBundle(ctx, { forumId, ...(forPeer ? { forPeer } : {}) });
  const files = unzipSync(bytes);
  const identity = deviceIdentity(ctx);
  return {
    bytes,
    manifest: files['manifest.json'] ?? new Uint8Array(),
    signature: files['manifest.sig'] ?? new Uint8Array(),
    changes: files['changes.jsonl'] ?? new Uint8Array(),
    sign: (manifest) => strToU8(signBytes(identity, manifest)),
  };
}
