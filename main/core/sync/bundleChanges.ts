import type { Database } from 'better-sqlite3';
import { unsignedBlock, type ChangeBlock, type LineParts, type UnsignedBlock } from './changeBlocks';

/** A block a bundle carries: another laptop's, signed, relayed as it is; or this laptop's own, to sign. */
export type BundleBlock = { relayed: ChangeBlock } | { own: UnsignedBlock };

export interface BundleContent {
  /** Every line the bundle carries, by device then clock. */
  lines: LineParts[];
  /** The blocks covering them: this laptop's own, to be signed now, and the relayed ones it holds. */
  blocks: BundleBlock[];
  /** Each device whose changes the bundle carries, with its key; null for this laptop, whose key only its signer reads. */
  devices: Array<{ id: string; publicKey: string | null }>;
  /** What this laptop has of the forum, per device: the newest clock value. */
  knowledge: Array<{ device: string; hlc: string }>;
}

interface Row extends LineParts {
  seq: number;
}

/**
 * What a bundle of a forum carries: this laptop's own changes (or those a peer lacks), as one
 * block to sign; and other laptops' changes, each run relayed only under a block its own device
 * signed, whole. A run of another laptop's changes that no block covers (one received before
 * bundles carried signatures) cannot be relayed, and stays out. It only reads, so a worker's
 * read-only connection can work it out; the caller signs.
 */
export function bundleContent(db: Database, deviceId: string, forumId: string, peerHas: ReadonlyMap<string, string>): BundleContent {
  const rows = db
    .prepare(
      // Changes held back for want of a role travel too, under their authors' signatures: each
      // laptop decides on them against the grants it holds, so all end with the same quarantine.
      `SELECT seq, device, hlc, tbl, row_id AS rowId, cells, parents, erased_hash AS erasedHash FROM changes WHERE forum_id = @forumId
       UNION ALL
       SELECT -1, device, hlc, tbl, row_id, cells, parents, NULL FROM held_changes WHERE forum_id = @forumId AND reason = 'role'
       ORDER BY device, hlc`,
    )
    .all({ forumId }) as Row[];
  const byDevice = new Map<string, Row[]>();
  const knowledge: BundleContent['knowledge'] = [];
  for (const row of rows) {
    let list = byDevice.get(row.device);
    if (!list) byDevice.set(row.device, (list = []));
    list.push(row);
  }
  const content: BundleContent = { lines: [], blocks: [], devices: [], knowledge };
  for (const [device, list] of byDevice) {
    const newest = list.at(-1);
    if (newest) knowledge.push({ device, hlc: newest.hlc });
    const known = peerHas.get(device) ?? '';
    if (device === deviceId) {
      const wanted = list.filter((row) => row.hlc > known);
      if (wanted.length === 0) continue;
      content.blocks.push({ own: unsignedBlock(deviceId, wanted) });
      for (const row of wanted) content.lines.push(row); // a spread of 100,000s of rows overflows the stack
      content.devices.push({ id: device, publicKey: null });
    } else {
      const relayed = relayedRuns(db, forumId, device, list, known);
      if (relayed.blocks.length === 0) continue;
      content.blocks.push(...relayed.blocks.map((block) => ({ relayed: block })));
      for (const row of relayed.lines) content.lines.push(row);
      const key = db.prepare('SELECT public_key FROM relayed_devices WHERE device_id = ? UNION ALL SELECT public_key FROM known_devices WHERE device_id = ?').pluck().get(device, device) as string | undefined;
      if (key) content.devices.push({ id: device, publicKey: key });
    }
  }
  return content;
}

/**
 * The blocks of one other device that cover its changes the peer lacks, chosen from the front:
 * each time the block reaching furthest among those holding the earliest change not yet covered.
 * A block is usable only when this laptop holds every change it signs.
 */
function relayedRuns(db: Database, forumId: string, device: string, list: readonly Row[], known: string): { blocks: ChangeBlock[]; lines: Row[] } {
  const blocks = (
    db
      .prepare('SELECT device, first_hlc AS first, last_hlc AS last, count, digest, signature FROM change_blocks WHERE forum_id = ? AND device = ? AND last_hlc > ? ORDER BY first_hlc')
      .all(forumId, device, known) as ChangeBlock[]
  ).filter((block) => inRange(list, block).length === block.count);
  const chosen: ChangeBlock[] = [];
  const lines = new Map<string, Row>();
  for (const row of list) {
    if (row.hlc <= known || lines.has(row.hlc)) continue;
    const reach = blocks.filter((b) => b.first <= row.hlc && row.hlc <= b.last).sort((a, b) => (a.last < b.last ? 1 : -1))[0];
    if (!reach) continue;
    chosen.push(reach);
    for (const line of inRange(list, reach)) lines.set(line.hlc, line);
  }
  return { blocks: chosen, lines: [...lines.values()].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)) };
}

function inRange(list: readonly Row[], block: ChangeBlock): Row[] {
  return list.filter((row) => block.first <= row.hlc && row.hlc <= block.last);
}
