import { hash as hashOnce } from 'node:crypto';
import { CoreError } from '../errors';
import { bundleError } from './bundleError';
import type { BundleChange } from './readBundle';
import { fingerprintOf, signBytes, verifyBytes, type DeviceIdentity } from './deviceIdentity';

/**
 * A device's signature over a run of its own changes to one forum: every change it made with a
 * clock from `first` to `last`, `count` of them, whose line hashes (in clock order) hash to
 * `digest`. Bundles carry the blocks of every device whose changes they carry, so a laptop can
 * relay others' work, and the laptop receiving it can tell that each change was made by the
 * device it names, not by the one relaying it.
 */
export interface ChangeBlock {
  device: string;
  first: string;
  last: string;
  count: number;
  digest: string;
  signature: string;
}

/** A change as a bundle line is made of: the log's own columns, cells and parents as JSON text. */
export type LineParts = BundleChange;

/** The line exactly as bundles write it: what is hashed and signed. */
export function canonicalLine(c: LineParts): string {
  return `[${JSON.stringify(c.device)},${JSON.stringify(c.hlc)},${JSON.stringify(c.tbl)},${JSON.stringify(c.rowId)},${c.cells}${c.parents ? `,${c.parents}` : ''}]`;
}

/**
 * The line as a bundle writes it: the canonical line, or for a change whose values were erased,
 * what is left of it and the hash the whole line had, so its block still verifies.
 */
export function bundleLine(c: LineParts): string {
  if (!c.erasedHash) return canonicalLine(c);
  return `[${JSON.stringify(c.device)},${JSON.stringify(c.hlc)},${JSON.stringify(c.tbl)},${JSON.stringify(c.rowId)},${c.cells},null,${JSON.stringify({ erased: c.erasedHash })}]`;
}

export function lineHash(c: LineParts): Buffer {
  return Buffer.from(lineHashHex(c), 'hex');
}

/** The line's SHA-256 in hex: as the reader worked it out from the line it read, or worked out now. */
function lineHashHex(c: LineParts): string {
  return c.erasedHash ?? c.lineHash ?? hashOnce('sha256', canonicalLine(c));
}

// One hash over the lines' hashes laid end to end: one call instead of one per line.
function digestOf(lines: readonly LineParts[]): string {
  const hashes = Buffer.allocUnsafe(32 * lines.length);
  lines.forEach((line, i) => hashes.write(lineHashHex(line), 32 * i, 32, 'hex'));
  return hashOnce('sha256', hashes);
}

function signedText(forumId: string, block: Omit<ChangeBlock, 'signature'>): Uint8Array {
  return new TextEncoder().encode(`plenary-block-1\n${forumId}\n${block.device}\n${block.first}\n${block.last}\n${block.count}\n${block.digest}`);
}

/** A block before its signature: what a thread without the private key can work out. */
export type UnsignedBlock = Omit<ChangeBlock, 'signature'>;

/** One device's changes (clock order) as the block that will sign them. */
export function unsignedBlock(deviceId: string, lines: readonly LineParts[]): UnsignedBlock {
  const first = lines[0];
  const last = lines.at(-1);
  if (!first || !last) throw new Error('A block needs at least one change');
  return { device: deviceId, first: first.hlc, last: last.hlc, count: lines.length, digest: digestOf(lines) };
}

/** Signs a block of this device's own changes: only the device's own key may. */
export function signUnsignedBlock(identity: DeviceIdentity, forumId: string, unsigned: UnsignedBlock): ChangeBlock {
  if (unsigned.device !== identity.deviceId) throw new Error(`A block of device ${unsigned.device} cannot be signed by device ${identity.deviceId}`);
  return { ...unsigned, signature: signBytes(identity, signedText(forumId, unsigned)) };
}

/** Signs this device's changes (one device, clock order) to one forum as a block. */
export function signBlock(identity: DeviceIdentity, forumId: string, lines: readonly LineParts[]): ChangeBlock {
  return signUnsignedBlock(identity, forumId, unsignedBlock(identity.deviceId, lines));
}

export interface BlockCheck {
  forumId: string;
  /** Each device's public key as the bundle gives it. */
  keys: ReadonlyMap<string, string>;
  /** The key this laptop already pins for a device, if any (its own, a trusted or a relayed one). */
  pinned(deviceId: string): string | undefined;
}

/**
 * Proves that every change in a bundle was signed by the device it names: each line is covered
 * by a block of its device, each block's lines are all there and hash to its digest, and each
 * block's signature verifies with its device's key, which must be the key this laptop already
 * knows for that device if it knows one. A relaying laptop can pass others' changes on, but can
 * neither alter them nor make changes in another's name, this laptop's own included.
 */
export function checkBlocks(check: BlockCheck, blocks: readonly ChangeBlock[], lines: readonly LineParts[]): void {
  const byDevice = new Map<string, LineParts[]>();
  for (const line of lines) {
    let list = byDevice.get(line.device);
    if (!list) byDevice.set(line.device, (list = []));
    list.push(line);
  }
  for (const list of byDevice.values()) list.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const covered = new Map<string, boolean[]>();
  for (const block of blocks) {
    const key = check.keys.get(block.device);
    if (!key) throw bundleError(`The bundle carries a signature of a laptop (${block.device}) whose key it does not give; it was not imported.`);
    const pinned = check.pinned(block.device);
    if (pinned !== undefined && pinned !== key) {
      throw new CoreError(
        'device_key_mismatch',
        `The bundle relays changes said to come from a laptop this one knows under another key (fingerprint ${fingerprintOf(pinned)}, not ${fingerprintOf(key)}). It was not imported.`,
      );
    }
    const list = byDevice.get(block.device) ?? [];
    const start = lowerBound(list, block.first);
    let end = start;
    while (end < list.length && (list[end]?.hlc ?? '') <= block.last) end++;
    const inside = list.slice(start, end);
    if (inside.length !== block.count || digestOf(inside) !== block.digest) {
      throw bundleError('The bundle’s changes do not match the signatures of the laptops that made them: they were altered, or some are missing. It was not imported.');
    }
    if (!verifyBytes(key, signedText(check.forumId, block), block.signature)) {
      throw bundleError('A signature in the bundle does not match the changes it covers: they were altered after they were made. It was not imported.');
    }
    let marks = covered.get(block.device);
    if (!marks) covered.set(block.device, (marks = new Array<boolean>(list.length).fill(false)));
    for (let i = start; i < end; i++) marks[i] = true;
  }
  for (const [device, list] of byDevice) {
    const marks = covered.get(device);
    if (!marks || marks.some((m) => !m) || marks.length !== list.length) {
      throw bundleError(`The bundle carries changes said to come from a laptop (${device}) that did not sign them; it was not imported.`);
    }
  }
}

/** The first index whose clock is at or after `hlc` (or after it, when `after`), in one device's lines in clock order. */
export function lowerBound(list: readonly LineParts[], hlc: string, after = false): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = list[mid]?.hlc ?? '';
    if (at < hlc || (after && at === hlc)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
