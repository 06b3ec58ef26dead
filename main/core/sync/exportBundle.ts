import { createHash } from 'node:crypto';
import { strToU8 } from 'fflate';
import type { CoreContext } from '../coreContext';
import { listZipEntries } from '../zip/zipDirectory';
import { zipPrecompressed } from '../zip/zipPrecompressed';
import { signUnsignedBlock } from './changeBlocks';
import { composeBundle, type ComposeRequest, type ComposedBundle } from './composeBundle';
import { bundleFormatVersion, entryNames, type BundleManifest } from './bundleFormat';
import { deviceIdentity, signBytes, type DeviceIdentity } from './deviceIdentity';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface ExportOptions {
  forumId: string;
  /** Only what this peer is not known to have (from the bundles received from it). */
  forPeer?: string;
  /** What the peer says it has (newest clock value per device), used instead of what this laptop last heard from it. */
  peerHas?: ReadonlyMap<string, string>;
  now?: Date;
}

export interface ExportedBundle {
  bytes: Uint8Array;
  manifest: BundleManifest;
}

/**
 * Everything this laptop knows of a forum (its own changes and those it imported), or only what a
 * peer lacks, as a signed zip: manifest.json (with the signed blocks proving who made each
 * change), its ed25519 signature, and one change per line. The worker thread reads and
 * compresses the changes, so a merged forum's seconds of work never freeze a window; this thread
 * only signs, since the private key never leaves it.
 */
export async function exportBundleInWorker(ctx: CoreContext, options: ExportOptions): Promise<ExportedBundle> {
  // A laptop whose key is lost learns it before seconds of work, not after.
  const identity = deviceIdentity(ctx);
  const composed = await ctx.worker.run('bundle:compose', composeRequest(ctx, options));
  return sealBundle(identity, composed, options.now ?? new Date());
}

/** The same bundle, composed on this thread: for tools and test fixtures that need one at once. */
export function exportBundle(ctx: CoreContext, options: ExportOptions): ExportedBundle {
  const identity = deviceIdentity(ctx);
  return sealBundle(identity, composeBundle(ctx.db, composeRequest(ctx, options)), options.now ?? new Date());
}

function composeRequest(ctx: CoreContext, options: ExportOptions): ComposeRequest {
  return {
    forumId: options.forumId,
    deviceId: ctx.deviceId,
    ...(options.forPeer ? { forPeer: options.forPeer } : {}),
    ...(options.peerHas ? { peerHas: [...options.peerHas] } : {}),
  };
}

/** Signs this laptop's block and the manifest, and zips the parts. */
function sealBundle(identity: DeviceIdentity, composed: ComposedBundle, now: Date): ExportedBundle {
  const { changes } = composed;
  const manifest: BundleManifest = {
    format: 'plenary-bundle',
    formatVersion: bundleFormatVersion,
    forum: composed.forum,
    device: { id: identity.deviceId, name: identity.name, publicKey: identity.publicKey },
    createdAt: now.toISOString(),
    ranges: composed.ranges,
    counts: composed.counts,
    knowledge: composed.knowledge,
    devices: composed.devices.map((device) => ({ id: device.id, publicKey: device.publicKey ?? identity.publicKey })),
    blocks: composed.blocks.map((block) => ('relayed' in block ? block.relayed : signUnsignedBlock(identity, composed.forum.id, block.own))),
    entries: [{ name: entryNames.changes, size: changes.size, sha256: changes.sha256, storedSha256: changes.storedSha256 }],
  };
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2));
  const signature = strToU8(signBytes(identity, manifestBytes));
  const bytes = zipPrecompressed([
    { name: entryNames.manifest, bytes: manifestBytes },
    { name: entryNames.signature, bytes: signature },
    { name: entryNames.changes, deflated: changes.deflated, size: changes.size, crc: changes.crc },
  ]);
  // The zip must hold exactly the deflated bytes the manifest hashes, which readers of format 1
  // before Plenary stopped checking them still require.
  const written = listZipEntries(bytes, 3).find((entry) => entry.name === entryNames.changes);
  if (!written || sha256(bytes.subarray(written.dataStart, written.dataEnd)) !== changes.storedSha256) {
    throw new Error('The bundle could not be written consistently; nothing was saved.');
  }
  return { bytes, manifest };
}
