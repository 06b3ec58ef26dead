import type { CoreError } from '../errors';
import { InflateError, inflateEntry, type InflateLimits } from '../zip/inflateEntry';
import { listZipEntries, ZipError, type ZipEntry } from '../zip/zipDirectory';
import { bundleError } from './bundleError';
import { bundleLimits, entryNames } from './bundleFormat';
import { shown } from './changeLine';

/**
 * A bundle's zip as Plenary's reader sees it: its three entries found through the central
 * directory, and each unpacked under a running count. The wording lives here, so that every
 * refusal says plainly whether the file is damaged, not a bundle, or a "zip bomb", and never
 * passes on an archive library's own text.
 */
export interface BundleEntries {
  manifest: ZipEntry;
  signature: ZipEntry;
  changes: ZipEntry;
}

export const damagedBundle = (why: string) => bundleError(`The file is damaged (${why}). Ask for the bundle again.`);
export const notABundle = (why: string) => bundleError(`The file is not a Plenary bundle: ${why}. Choose a .plenary file exported by Plenary.`);
export const zipBomb = () => bundleError('The bundle would unpack to far more than its size (a “zip bomb”), so it was not opened.');

const allowed = new Set<string>(Object.values(entryNames));
const unsafe = (name: string) => /(^|[\\/])\.\.([\\/]|$)/.test(name) || name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name);

/** The three entries, by name; anything else in the archive refuses the file. */
export function bundleEntries(bytes: Uint8Array): BundleEntries {
  let entries: ZipEntry[];
  try {
    // A few more than three, so that extra entries are named rather than counted.
    entries = listZipEntries(bytes, 16);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    const problem = error.problem;
    if (problem.kind === 'not-zip') throw notABundle('it is not a zip archive');
    if (problem.kind === 'damaged') throw damagedBundle(problem.reason);
    if (problem.kind === 'unsupported') throw notABundle(`${problem.reason}, unlike every bundle Plenary writes`);
    throw notABundle(`it holds ${problem.count} files, where a bundle holds three`);
  }
  const found = new Map<string, ZipEntry>();
  for (const entry of entries) {
    const name = /^[\x20-\x7e]+$/.test(entry.name) && !entry.name.includes('\uFFFD') ? entry.name : '';
    if (name && unsafe(name)) {
      throw bundleError(`The bundle holds an entry with an unsafe path (${shown(name)}); it was not made by Plenary and was not imported.`);
    }
    if (!allowed.has(name)) throw bundleError(`The bundle holds an unexpected entry ${shown(name)}; it was not made by Plenary.`);
    if (found.has(name)) throw bundleError(`The bundle holds ${name} twice; it was not made by Plenary.`);
    found.set(name, entry);
  }
  const manifest = found.get(entryNames.manifest);
  const signature = found.get(entryNames.signature);
  const changes = found.get(entryNames.changes);
  if (!manifest || !signature || !changes) throw notABundle('the zip lacks a manifest, its signature or its changes');
  for (const entry of [manifest, signature, changes]) {
    const cap = entry === changes ? bundleLimits.changesBytes : entry === manifest ? bundleLimits.manifestBytes : bundleLimits.signatureBytes;
    // Declared sizes are never trusted to be true, but one that admits to a bomb is refused at once.
    if (entry.size > cap || entry.size > limitsFor(cap).ratioAllowance + bundleLimits.ratio * entry.compressedSize) throw zipBomb();
  }
  return { manifest, signature, changes };
}

export function limitsFor(maxBytes: number): InflateLimits {
  return { maxBytes, ratio: bundleLimits.ratio, ratioAllowance: bundleLimits.ratioAllowance };
}

/**
 * Unpacks one entry under `limits`, in words a person can act on. `tooLarge` words a refusal for
 * passing `limits.maxBytes`, which for the changes is the size the signed manifest gives.
 */
export function inflateBundleEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: InflateLimits,
  tooLarge: () => CoreError,
  onChunk: (chunk: Uint8Array) => void,
): void {
  try {
    inflateEntry(bytes, entry, limits, onChunk);
  } catch (error) {
    if (!(error instanceof InflateError)) throw error;
    const problem = error.problem;
    if (problem.kind === 'bomb') throw zipBomb();
    if (problem.kind === 'too-large') throw tooLarge();
    if (problem.kind === 'damaged') throw damagedBundle(`in ${entry.name}, ${problem.reason}`);
    throw notABundle(`${entry.name} is compressed in a way Plenary does not read`);
  }
}

export function inflateSmallEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const tooLarge = () => bundleError(`The bundle’s ${entry.name} unpacks to more than ${maxBytes / 1024} KiB, far more than Plenary writes, so it was not opened.`);
  inflateBundleEntry(bytes, entry, limitsFor(maxBytes), tooLarge, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}
