import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { requireColumn } from '../store/changeLog';
import { deviceTables, isProseCell, isSyncedTable } from '../store/syncedTables';
import { bundleError } from './bundleError';
import { bundleFormatVersion, bundleLimits, changeLineSchema, entryNames, manifestSchema, type BundleManifest } from './bundleFormat';
import { verifyBytes } from './deviceIdentity';
import { checkZipStructure } from './zipStructure';

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
}

export interface VerifiedBundle {
  manifest: BundleManifest;
  changes: BundleChange[];
}

const allowed = new Set<string>(Object.values(entryNames));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Reads a bundle in memory and proves it whole, signed and well-formed before anyone may write a
 * byte of it: entry names, sizes and compression ratios are checked against the zip directory
 * before inflating; then the signature, the hashes, and every change line. Trust in the signer is
 * the importer's question, not this function's.
 */
export function readBundle(bytes: Uint8Array): VerifiedBundle {
  if (bytes.length === 0) throw bundleError('The file is empty. Ask for the bundle again.');
  if (bytes.length > bundleLimits.fileBytes) {
    throw bundleError(`The file is larger than ${bundleLimits.fileBytes / 1024 / 1024} MiB, the most a bundle may be. Export it again for one forum or one peer.`);
  }
  const files = unzipEntries(bytes);
  const stored = new Map<string, Uint8Array>();
  const damage = checkZipStructure(bytes, files, stored);
  if (damage) throw bundleError(`The file is damaged (${damage}). Ask for the bundle again.`);
  const manifestBytes = files.get(entryNames.manifest);
  const signature = files.get(entryNames.signature);
  const changesBytes = files.get(entryNames.changes);
  if (!manifestBytes || !signature || !changesBytes) {
    throw bundleError('This zip is not a Plenary bundle: it lacks a manifest, its signature or its changes.');
  }

  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw bundleError('The bundle’s manifest is not readable. The file is damaged; ask for it again.');
  }
  const version = (manifestJson as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > bundleFormatVersion) {
    throw bundleError(`The bundle was made by a newer Plenary (format ${version}; this one reads up to ${bundleFormatVersion}). Update Plenary to import it.`);
  }
  const parsed = manifestSchema.safeParse(manifestJson);
  if (!parsed.success) throw bundleError('The bundle’s manifest is not in the expected form. The file is damaged or was not made by Plenary.');
  const manifest = parsed.data;
  if (!verifyBytes(manifest.device.publicKey, manifestBytes, strFromU8(signature))) {
    throw bundleError('The bundle’s signature does not match its contents: it was altered after it was made. Ask for it again.');
  }

  const declared = new Map(manifest.entries.map((e) => [e.name, e]));
  const changesEntry = declared.get(entryNames.changes);
  const storedChanges = stored.get(entryNames.changes);
  if (
    !changesEntry ||
    !storedChanges ||
    changesEntry.size !== changesBytes.length ||
    changesEntry.sha256 !== sha256(changesBytes) ||
    changesEntry.storedSha256 !== sha256(storedChanges)
  ) {
    throw bundleError('The bundle’s changes do not match its signed manifest: the file is damaged or was altered. Ask for it again.');
  }
  const changes = parseChanges(changesBytes, manifest);
  if (changes.length === 0) throw bundleError('The bundle carries no changes; there is nothing to import.');
  return { manifest, changes };
}

function unzipEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  const seen = new Set<string>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(entry) {
        if (/(^|[\\/])\.\.([\\/]|$)/.test(entry.name) || entry.name.startsWith('/') || entry.name.includes('\\') || /^[A-Za-z]:/.test(entry.name)) {
          throw bundleError(`The bundle holds an entry with an unsafe path (${JSON.stringify(entry.name)}); it was not made by Plenary and was not imported.`);
        }
        if (!allowed.has(entry.name)) throw bundleError(`The bundle holds an unexpected entry ${JSON.stringify(entry.name)}; it was not made by Plenary.`);
        if (seen.has(entry.name)) throw bundleError(`The bundle holds ${entry.name} twice; it was not made by Plenary.`);
        seen.add(entry.name);
        const cap = entry.name === entryNames.changes ? bundleLimits.changesBytes : entry.name === entryNames.manifest ? bundleLimits.manifestBytes : bundleLimits.signatureBytes;
        if (entry.originalSize > cap || entry.originalSize > Math.max(entry.size, 1024) * bundleLimits.ratio) {
          throw bundleError('The bundle would unpack to far more than its size (a “zip bomb”), so it was not opened.');
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'CoreError') throw error;
    throw bundleError('The file is not a Plenary bundle, or it is truncated or damaged. Ask for it again.');
  }
  return new Map(Object.entries(files));
}

function parseChanges(bytes: Uint8Array, manifest: BundleManifest): BundleChange[] {
  const text = strFromU8(bytes);
  const changes: BundleChange[] = [];
  const counts = new Map<string, number>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line) continue;
    const where = `line ${index + 1} of the bundle’s changes`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw bundleError(`${where} is not valid; the bundle was not imported.`);
    }
    const parsed = changeLineSchema.safeParse(value);
    if (!parsed.success) throw bundleError(`${where} is not a change; the bundle was not imported.`);
    const [device, hlc, tbl, rowId, cells, parents] = parsed.data;
    if (!isSyncedTable(tbl) || deviceTables.has(tbl)) throw bundleError(`${where} names an unknown table “${tbl}”; the bundle was not imported.`);
    for (const cell of Object.keys(cells)) {
      try {
        requireColumn(tbl, cell);
      } catch {
        throw bundleError(`${where} names an unknown column “${tbl}.${cell}”; the bundle was not imported.`);
      }
    }
    // A prose edit always names the edits it replaces (none, for the first): saving the next
    // edit finds the version on screen through them alone (see newestUnreplaced in changeLog.ts).
    for (const cell of Object.keys(cells)) {
      if (isProseCell(tbl, cell) && !Object.prototype.hasOwnProperty.call(parents ?? {}, cell)) {
        throw bundleError(`${where} sets the prose “${tbl}.${cell}” without naming the edits it replaces; the bundle was not imported.`);
      }
    }
    // Ordinary cells may name replaced changes too: an edit that beat a change stamped ahead of it.
    for (const cell of Object.keys(parents ?? {})) {
      if (!Object.prototype.hasOwnProperty.call(cells, cell)) {
        throw bundleError(`${where} names replaced edits for “${tbl}.${cell}”, which it does not set; the bundle was not imported.`);
      }
    }
    counts.set(tbl, (counts.get(tbl) ?? 0) + 1);
    changes.push({ device, hlc, tbl, rowId, cells: JSON.stringify(cells), parents: parents ? JSON.stringify(parents) : null });
  }
  const declared = Object.entries(manifest.counts).filter(([, n]) => n > 0);
  if (declared.length !== counts.size || declared.some(([tbl, n]) => counts.get(tbl) !== n)) {
    throw bundleError('The bundle’s changes do not add up to the counts in its manifest; it was not imported.');
  }
  return changes;
}
