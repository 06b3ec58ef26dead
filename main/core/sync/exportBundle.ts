import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { pickText } from '../../../shared/multilingual';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { getForum } from '../store/forums';
import { listZipEntries } from '../zip/zipDirectory';
import { zipPrecompressed } from '../zip/zipPrecompressed';
import { bundleContent } from './bundleChanges';
import { bundleLine } from './changeBlocks';
import { bundleFormatVersion, changesCompressionLevel, entryNames, type BundleManifest } from './bundleFormat';
import { deviceIdentity, signBytes } from './deviceIdentity';

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
 * change), its ed25519 signature, and one change per line.
 */
export function exportBundle(ctx: CoreContext, options: ExportOptions): ExportedBundle {
  // A deleted forum is still shared: its deletion (and a later restore) must reach the others.
  const forum = getForum(ctx.db, options.forumId, { includeDeleted: true });
  const peerHas = new Map<string, string>(options.peerHas ?? []);
  if (options.forPeer && !options.peerHas) {
    const rows = ctx.db
      .prepare('SELECT device, hlc FROM peer_knowledge WHERE peer = ? AND forum_id = ?')
      .all(options.forPeer, forum.id) as Array<{ device: string; hlc: string }>;
    for (const row of rows) peerHas.set(row.device, row.hlc);
  }
  const content = bundleContent(ctx, forum.id, peerHas);
  const lines: string[] = [];
  const counts: Record<string, number> = {};
  const ranges = new Map<string, { device: string; from: string; to: string; count: number }>();
  for (const line of content.lines) {
    lines.push(bundleLine(line));
    counts[line.tbl] = (counts[line.tbl] ?? 0) + 1;
    const range = ranges.get(line.device);
    if (range) {
      range.to = line.hlc;
      range.count += 1;
    } else ranges.set(line.device, { device: line.device, from: line.hlc, to: line.hlc, count: 1 });
  }
  if (lines.length === 0) {
    throw new CoreError('invalid_input', 'There is nothing this peer does not already have; no bundle was written.');
  }

  const changes = strToU8(`${lines.join('\n')}\n`);
  const storedChanges = deflateRawSync(changes, { level: changesCompressionLevel });
  const identity = deviceIdentity(ctx);
  const manifest: BundleManifest = {
    format: 'plenary-bundle',
    formatVersion: bundleFormatVersion,
    forum: { id: forum.id, title: pickText(forum.title, forum.sourceLanguage, forum.sourceLanguage).text },
    device: { id: ctx.deviceId, name: identity.name, publicKey: identity.publicKey },
    createdAt: (options.now ?? new Date()).toISOString(),
    ranges: [...ranges.values()],
    counts,
    knowledge: content.knowledge,
    devices: content.devices,
    blocks: content.blocks,
    entries: [{ name: entryNames.changes, size: changes.length, sha256: sha256(changes), storedSha256: sha256(storedChanges) }],
  };
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2));
  const signature = strToU8(signBytes(identity, manifestBytes));
  const bytes = zipPrecompressed([
    { name: entryNames.manifest, bytes: manifestBytes },
    { name: entryNames.signature, bytes: signature },
    { name: entryNames.changes, deflated: storedChanges, size: changes.length, crc: crc32(changes) },
  ]);
  // The zip must hold exactly the deflated bytes the manifest hashes, which readers of format 1
  // before Plenary stopped checking them still require.
  const written = listZipEntries(bytes, 3).find((entry) => entry.name === entryNames.changes);
  if (!written || sha256(bytes.subarray(written.dataStart, written.dataEnd)) !== manifest.entries[0]?.storedSha256) {
    throw new Error('The bundle could not be written consistently; nothing was saved.');
  }
  return { bytes, manifest };
}
