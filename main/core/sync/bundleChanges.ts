import type { Database } from 'better-sqlite3';
import { lowerBound, unsignedBlock, type ChangeBlock, type LineParts, type UnsignedBlock } from './changeBlocks';

/** A block a bundle carries: another laptop's, signed, relayed as it is; or this laptop's own, to sign. */
export type BundleBlock = { relayed: ChangeBlock } | { own: UnsignedBlock };

export interface BundleContent {
  /** How many lines were handed to `emit`. */
  lines: number;
  /** The blocks covering them: this laptop's own, to be signed now, and the relayed ones it holds. */
  blocks: BundleBlock[];
  /** Each device whose changes the bundle carries, with its key; null for this laptop, whose key only its signer reads. */
  devices: Array<{ id: string; publicKey: string | null }>;
  /** What this laptop has of the forum, per device: the newest clock value. */
  knowledge: Array<{ device: string; hlc: string }>;
}

/**
 * What a bundle of a forum carries: this laptop's own changes (or those a peer lacks), as one
 * block to sign; and other laptops' changes, each run relayed only under a block its own device
 * signed, whole. A run of another laptop's changes that no block covers (one received before
 * bundles carried signatures) cannot be relayed, and stays out. It only reads, so a worker's
 * read-only connection can work it out; the caller signs.
 *
 * Each line goes to `emit` (by device, then clock) as soon as its device is done: a merged
 * forum's 200,000 changes held as one array of rows cost more in garbage collection than
 * everything else the export does.
 */
export function bundleContent(
  db: Database,
  deviceId: string,
  forumId: string,
  peerHas: ReadonlyMap<string, string>,
  emit: (line: LineParts) => void,
): BundleContent {
  // Read before the changes: a connection answers one statement at a time while it iterates.
  const blocksOf = groupBy(
    db.prepare('SELECT device, first_hlc AS first, last_hlc AS last, count, digest, signature FROM change_blocks WHERE forum_id = ? ORDER BY device, first_hlc').all(forumId) as ChangeBlock[],
    (block) => block.device,
  );
  const keyOf = db.prepare('SELECT public_key FROM relayed_devices WHERE device_id = ? UNION ALL SELECT public_key FROM known_devices WHERE device_id = ?').pluck();
  const keys = new Map<string, string | undefined>();
  for (const device of blocksOf.keys()) keys.set(device, keyOf.get(device, device) as string | undefined);

  const content: BundleContent = { lines: 0, blocks: [], devices: [], knowledge: [] };
  const send = (rows: readonly LineParts[]) => {
    for (const row of rows) emit(row);
    content.lines += rows.length;
  };
  const finish = (device: string, list: LineParts[]) => {
    const newest = list.at(-1);
    if (!newest) return;
    content.knowledge.push({ device, hlc: newest.hlc });
    const known = peerHas.get(device) ?? '';
    if (device === deviceId) {
      const wanted = list.slice(lowerBound(list, known, true));
      if (wanted.length === 0) return;
      content.blocks.push({ own: unsignedBlock(deviceId, wanted) });
      content.devices.push({ id: device, publicKey: null });
      send(wanted);
    } else {
      const relayed = relayedRuns(blocksOf.get(device) ?? [], list, known);
      if (relayed.blocks.length === 0) return;
      for (const block of relayed.blocks) content.blocks.push({ relayed: block });
      const key = keys.get(device);
      if (key) content.devices.push({ id: device, publicKey: key });
      send(relayed.lines);
    }
  };

  // Changes held back for want of a role travel too, under their authors' signatures: each
  // laptop decides on them against the grants it holds, so all end with the same quarantine.
  const rows = db
    .prepare(
      `SELECT device, hlc, tbl, row_id AS rowId, cells, parents, erased_hash AS erasedHash FROM changes WHERE forum_id = @forumId
       UNION ALL
       SELECT device, hlc, tbl, row_id, cells, parents, NULL FROM held_changes WHERE forum_id = @forumId AND reason = 'role'
       ORDER BY device, hlc`,
    )
    // Rows as arrays, made into lines of one shape here: a fifth faster than the driver's objects.
    .raw()
    .iterate({ forumId }) as IterableIterator<[string, string, string, string, string, string | null, string | null]>;
  let device: string | undefined;
  let list: LineParts[] = [];
  for (const [from, hlc, tbl, rowId, cells, parents, erasedHash] of rows) {
    const row: LineParts = { device: from, hlc, tbl, rowId, cells, parents, erasedHash };
    if (row.device !== device) {
      if (device !== undefined) finish(device, list);
      device = row.device;
      list = [];
    }
    list.push(row);
  }
  if (device !== undefined) finish(device, list);
  return content;
}

/**
 * The blocks of one other device that cover its changes the peer lacks, chosen from the front:
 * each time the block reaching furthest among those holding the earliest change not yet covered.
 * A block is usable only when this laptop holds every change it signs.
 */
function relayedRuns(all: readonly ChangeBlock[], list: readonly LineParts[], known: string): { blocks: ChangeBlock[]; lines: LineParts[] } {
  const blocks = all.filter((block) => block.last > known && inRange(list, block).length === block.count);
  const chosen: ChangeBlock[] = [];
  const lines: LineParts[] = [];
  let covered = '';
  for (let i = lowerBound(list, known, true); i < list.length; i++) {
    const row = list[i];
    if (!row || row.hlc <= covered) continue;
    const reach = blocks.filter((b) => b.first <= row.hlc && row.hlc <= b.last).sort((a, b) => (a.last < b.last ? 1 : -1))[0];
    if (!reach) continue;
    chosen.push(reach);
    // A block travels whole (the peer checks its digest), even the lines the peer has; lines an
    // earlier block took stay once, in clock order.
    for (const line of inRange(list, reach)) if (line.hlc > covered) lines.push(line);
    covered = reach.last;
  }
  return { blocks: chosen, lines };
}

function inRange(list: readonly LineParts[], block: ChangeBlock): readonly LineParts[] {
  return list.slice(lowerBound(list, block.first), lowerBound(list, block.last, true));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(item);
  }
  return groups;
}
