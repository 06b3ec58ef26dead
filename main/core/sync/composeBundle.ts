import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { pickText } from '../../../shared/multilingual';
import { CoreError } from '../errors';
import { getForum } from '../store/forums';
import { bundleContent, type BundleBlock } from './bundleChanges';
import { bundleLine } from './changeBlocks';
import { changesCompressionLevel, type BundleManifest } from './bundleFormat';

export interface ComposeRequest {
  forumId: string;
  /** The laptop whose own changes are to be signed (the main connection's device). */
  deviceId: string;
  /** Only what this peer is not known to have (from the bundles received from it). */
  forPeer?: string;
  /** What the peer says it has (device, newest clock value), used instead of what this laptop last heard from it. */
  peerHas?: Array<[string, string]>;
}

/** A bundle's every part but the signatures, which only the holder of the private key adds. */
export interface ComposedBundle {
  forum: BundleManifest['forum'];
  ranges: BundleManifest['ranges'];
  counts: BundleManifest['counts'];
  knowledge: BundleManifest['knowledge'];
  devices: Array<{ id: string; publicKey: string | null }>;
  blocks: BundleBlock[];
  /** changes.jsonl, deflated once: the bytes the zip stores and the manifest hashes. */
  changes: { deflated: Uint8Array; size: number; crc: number; sha256: string; storedSha256: string };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Reads and compresses what a bundle of a forum carries: everything this laptop knows of it,
 * or only what a peer lacks. The heavy part of an export (a merged forum's 200,000 changes read,
 * written as lines and deflated take seconds), done by the worker thread on its read-only
 * connection, in one read transaction so every part agrees.
 */
export function composeBundle(db: Database, request: ComposeRequest): ComposedBundle {
  return db.transaction(() => composeInSnapshot(db, request))();
}

function composeInSnapshot(db: Database, request: ComposeRequest): ComposedBundle {
  // A deleted forum is still shared: its deletion (and a later restore) must reach the others.
  const forum = getForum(db, request.forumId, { includeDeleted: true });
  const peerHas = new Map<string, string>(request.peerHas ?? []);
  if (request.forPeer && !request.peerHas) {
    const rows = db.prepare('SELECT device, hlc FROM peer_knowledge WHERE peer = ? AND forum_id = ?').all(request.forPeer, forum.id) as Array<{ device: string; hlc: string }>;
    for (const row of rows) peerHas.set(row.device, row.hlc);
  }
  const counts: Record<string, number> = {};
  const ranges = new Map<string, { device: string; from: string; to: string; count: number }>();
  const text = new TextSink();
  const content = bundleContent(db, request.deviceId, forum.id, peerHas, (line) => {
    text.writeLine(bundleLine(line));
    counts[line.tbl] = (counts[line.tbl] ?? 0) + 1;
    const range = ranges.get(line.device);
    if (range) {
      range.to = line.hlc;
      range.count += 1;
    } else ranges.set(line.device, { device: line.device, from: line.hlc, to: line.hlc, count: 1 });
  });
  if (content.lines === 0) {
    throw new CoreError('invalid_input', 'There is nothing this peer does not already have; no bundle was written.');
  }
  const changes = text.bytes();
  const deflated = deflateRawSync(changes, { level: changesCompressionLevel });
  return {
    forum: { id: forum.id, title: pickText(forum.title, forum.sourceLanguage, forum.sourceLanguage).text },
    ranges: [...ranges.values()],
    counts,
    knowledge: content.knowledge,
    devices: content.devices,
    blocks: content.blocks,
    changes: { deflated, size: changes.length, crc: crc32(changes), sha256: sha256(changes), storedSha256: sha256(deflated) },
  };
}

/**
 * changes.jsonl as it is written, line by line, straight into UTF-8 bytes: a merged forum's 50 MB
 * never exists as 200,000 strings, one joined string and then its bytes.
 */
class TextSink {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  writeLine(line: string): void {
    // At most 3 bytes per UTF-16 unit, and one for the newline.
    const most = line.length * 3 + 1;
    if (this.length + most > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + most));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(line, this.length, 'utf8');
    this.buffer[this.length++] = 0x0a;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
