import { createHash } from 'node:crypto';
import type { ZipEntry } from '../zip/zipDirectory';
import { bundleError } from './bundleError';
import { bundleFormatVersion, bundleLimits, entryNames, manifestSchema, type BundleManifest } from './bundleFormat';
import { bundleEntries, damagedBundle, inflateBundleEntry, inflateSmallEntry, limitsFor, notABundle } from './bundleZip';
import { cellLimits, parseChangeLine } from './changeLine';
import { verifyBytes } from './deviceIdentity';

export interface BundleChange {
  device: string;
  hlc: string;
  tbl: string;
  rowId: string;
  /** The cells as JSON text, exactly as the log stores them. */
  cells: string;
  /** Prose cells' replaced edits as JSON text, or null. */
  parents: string | null;
  /** For a change whose values were erased: the hash its whole line had. */
  erasedHash?: string | null;
  /** The cells as parsed when the line was read, so the planner never parses them again. */
  values?: Record<string, unknown>;
  /** The SHA-256 (hex) of the line as read, which its signed block covers; see changeBlocks.ts. */
  lineHash?: string;
  /** `${tbl}\u0000${rowId}`, made once when the line is read: every step of a plan keys rows by it. */
  key?: string;
}

export interface VerifiedBundle {
  manifest: BundleManifest;
  changes: BundleChange[];
}

/** Bytes of the changes unpacked and read so far, out of the size the signed manifest gives. */
export type ReadProgress = (done: number, total: number) => void;

const altered = (what: string) => bundleError(`${what}: it was altered after it was made. Ask for it again.`);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-GB')} MiB`;

/**
 * Reads a bundle in memory and proves it whole, signed and well-formed before anyone may write a
 * byte of it. Nothing the zip declares is trusted: entries are found through its directory and
 * unpacked under a running count that stops at each entry's cap, at a sane ratio and at the size
 * declared. The manifest and its signature come first; only a manifest that its signature proves
 * unaltered says how large the changes may be, and they are then unpacked, hashed, checked line by
 * line and cell by cell as they come. Trust in the signer is the importer's question.
 */
export function readBundle(bytes: Uint8Array, onRead?: ReadProgress): VerifiedBundle {
  if (bytes.length === 0) throw bundleError('The file is empty. Ask for the bundle again.');
  if (bytes.length > bundleLimits.fileBytes) {
    throw bundleError(`The file is larger than ${mib(bundleLimits.fileBytes)}, the most a bundle may be. Export it again for one forum or one peer.`);
  }
  const entries = bundleEntries(bytes);
  const manifestBytes = inflateSmallEntry(bytes, entries.manifest, bundleLimits.manifestBytes);
  const signature = inflateSmallEntry(bytes, entries.signature, bundleLimits.signatureBytes);
  const manifest = verifiedManifest(manifestBytes, signature);
  const changes = readChanges(bytes, entries.changes, manifest, onRead);
  return { manifest, changes };
}

function verifiedManifest(manifestBytes: Uint8Array, signature: Uint8Array): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw damagedBundle('its manifest is not readable');
  }
  const claims = (typeof json === 'object' && json !== null ? json : {}) as { format?: unknown; formatVersion?: unknown; device?: { publicKey?: unknown } };
  if (claims.format !== 'plenary-bundle') throw notABundle('its manifest is not one Plenary writes');
  const version = claims.formatVersion;
  if (typeof version === 'number' && version > bundleFormatVersion) {
    throw bundleError(`The bundle was made by a newer Plenary (format ${version}; this one reads up to ${bundleFormatVersion}). Update Plenary to import it.`);
  }
  const publicKey = claims.device?.publicKey;
  const signed = typeof publicKey === 'string' && verifyBytes(publicKey, manifestBytes, new TextDecoder().decode(signature));
  if (!signed) throw altered('The bundle’s signature does not match its manifest');
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw bundleError('The bundle’s manifest is signed but not in the form this Plenary reads; it was not imported. Update Plenary, or ask for the bundle again.');
  return parsed.data;
}

/**
 * Unpacks the changes, at most as many bytes as the signed manifest says, hashing and parsing
 * each line as it comes. A line that fails stops the parsing but not the count: the checksum and
 * the signed hash then tell a damaged or altered file from a bad change, so each gets its words.
 */
function readChanges(bytes: Uint8Array, entry: ZipEntry, manifest: BundleManifest, onRead: ReadProgress = () => undefined): BundleChange[] {
  const signed = manifest.entries.find((e) => e.name === entryNames.changes);
  if (!signed) throw altered('The bundle’s manifest does not describe its changes');
  if (signed.size > bundleLimits.changesBytes) {
    throw bundleError(`The bundle announces more than ${mib(bundleLimits.changesBytes)} of changes, the most a bundle may carry. Export it again for one forum or one peer.`);
  }
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const changes: BundleChange[] = [];
  const counts = new Map<string, number>();
  let total = 0;
  let line = 0;
  let pending = '';
  let problem: Error | undefined;
  const tooLong = () => bundleError(`Line ${line.toLocaleString('en-GB')} of the bundle’s changes is longer than ${mib(cellLimits.lineChars)}; the bundle was not imported.`);

  const takeLine = (text: string) => {
    line += 1;
    if (problem || text.length === 0) return;
    if (text.length > cellLimits.lineChars) {
      problem = tooLong();
      return;
    }
    try {
      const change = parseChangeLine(text, line);
      counts.set(change.tbl, (counts.get(change.tbl) ?? 0) + 1);
      changes.push(change);
    } catch (error) {
      problem = error as Error;
    }
  };
  const takeText = (text: string) => {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      takeLine(pending + text.slice(start, end));
      pending = '';
      start = end + 1;
    }
    if (problem) return;
    pending += text.slice(start);
    if (pending.length > cellLimits.lineChars) {
      line += 1;
      problem = tooLong();
    }
  };
  const decode = (chunk?: Uint8Array) => {
    if (problem) return;
    try {
      takeText(chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode());
    } catch (error) {
      if (error instanceof TypeError) problem = damagedBundle('its changes are not readable text');
      else throw error;
    }
  };

  const larger = () => altered('The bundle’s changes are larger than its signed manifest says');
  inflateBundleEntry(bytes, entry, limitsFor(signed.size), larger, (chunk) => {
    total += chunk.length;
    hash.update(chunk);
    decode(chunk);
    onRead(total, signed.size);
  });
  decode();
  if (pending) takeLine(pending);
  // The zip's checksum held (inflateBundleEntry checks it), so a difference here was made on purpose.
  if (total !== signed.size || hash.digest('hex') !== signed.sha256) throw altered('The bundle’s changes do not match its signed manifest');
  if (problem) throw problem;
  const declared = Object.entries(manifest.counts).filter(([, n]) => n > 0);
  if (declared.length !== counts.size || declared.some(([tbl, n]) => counts.get(tbl) !== n)) {
    throw bundleError('The bundle’s changes do not add up to the counts in its manifest; it was not imported.');
  }
  if (changes.length === 0) throw bundleError('The bundle carries no changes; there is nothing to import.');
  return changes;
}
