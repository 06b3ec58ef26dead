/**
 * Where a zip's entries are, read from its central directory without inflating anything and
 * without trusting what it declares: every offset and length is checked against the file, local
 * headers must agree with the directory on name and method, entries may not overlap. Any layout a
 * zip writer may produce is accepted (data descriptors, extra fields, comments, any version or
 * attributes, any order); zip64, encryption and multi-disk archives are refused cleanly, since no
 * file Plenary reads needs them. Sizes and CRCs are returned as declared: the inflater holds the
 * contents to them (see inflateEntry.ts).
 */

export interface ZipEntry {
  /** The name as stored; `name` decodes it as UTF-8 (ASCII for the files Plenary reads). */
  nameBytes: Uint8Array;
  name: string;
  method: number;
  /** As the directory declares them. */
  crc: number;
  size: number;
  compressedSize: number;
  /** Where the entry's local header starts, and where its stored bytes are. */
  headerStart: number;
  dataStart: number;
  dataEnd: number;
}

/** Why a file could not be listed: each caller words it for its own users. */
export type ZipProblem =
  | { kind: 'not-zip' }
  | { kind: 'damaged'; reason: string }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'too-many-entries'; count: number };

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.kind === 'damaged' || problem.kind === 'unsupported' ? problem.reason : problem.kind);
    this.name = 'ZipError';
  }
}

const localSignature = 0x04034b50;
const centralSignature = 0x02014b50;
const endSignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const endRecordSize = 22;
const maxCommentSize = 0xffff;

const damaged = (reason: string) => new ZipError({ kind: 'damaged', reason });
const unsupported = (reason: string) => new ZipError({ kind: 'unsupported', reason });

/** True when the bytes start like a zip (a local header, or the end record of an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

export function listZipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  const end = findEndRecord(bytes, view);
  if (end === undefined) {
    throw looksLikeZip(bytes) ? damaged('the end of the file is missing, as if it was cut short') : new ZipError({ kind: 'not-zip' });
  }
  if (end >= 20 && u32(end - 20) === zip64LocatorSignature) throw unsupported('it uses the zip64 form');
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0) throw unsupported('it is split across several disks');
  const count = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryStart = u32(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryStart === 0xffffffff) throw unsupported('it uses the zip64 form');
  if (u16(end + 8) !== count) throw damaged('its directory counts disagree');
  if (count > maxEntries) throw new ZipError({ kind: 'too-many-entries', count });
  if (directoryStart + directorySize > end) throw damaged('its directory is not where its end record says');

  const entries: ZipEntry[] = [];
  const directoryEnd = directoryStart + directorySize;
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryEnd || u32(at) !== centralSignature) throw damaged('its directory is damaged');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const offset = u32(at + 42);
    if (next > directoryEnd) throw damaged('its directory is damaged');
    if (flags & 0x0001) throw unsupported('it is encrypted');
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) throw unsupported('it uses the zip64 form');
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const { dataStart, name } = localHeader(bytes, view, offset, directoryStart, nameBytes, method);
    // The directory's compressed size is the one that counts: a local header written before its
    // data may hold zeros, the real sizes following in a data descriptor.
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > directoryStart) throw damaged('an entry runs past the end of the data');
    entries.push({ nameBytes, name, method, crc, size, compressedSize, headerStart: offset, dataStart, dataEnd });
    at = next;
  }
  if (at !== directoryEnd) throw damaged('its directory is longer than its entries');

  const byPlace = [...entries].sort((a, b) => a.headerStart - b.headerStart);
  for (let i = 1; i < byPlace.length; i++) {
    const before = byPlace[i - 1];
    const entry = byPlace[i];
    if (before && entry && before.dataEnd > entry.headerStart) throw damaged('its entries overlap');
  }
  return entries;
}

/** The last end record whose comment reaches exactly to the end of the file. */
function findEndRecord(bytes: Uint8Array, view: DataView): number | undefined {
  const last = bytes.length - endRecordSize;
  const first = Math.max(0, last - maxCommentSize);
  for (let at = last; at >= first; at--) {
    if (bytes[at] === 0x50 && view.getUint32(at, true) === endSignature && at + endRecordSize + view.getUint16(at + 20, true) === bytes.length) {
      return at;
    }
  }
  return undefined;
}

function localHeader(
  bytes: Uint8Array,
  view: DataView,
  offset: number,
  directoryStart: number,
  nameBytes: Uint8Array,
  method: number,
): { dataStart: number; name: string } {
  if (offset + 30 > directoryStart || view.getUint32(offset, true) !== localSignature) throw damaged('an entry is not where its directory says');
  const localFlags = view.getUint16(offset + 6, true);
  if (localFlags & 0x0001) throw unsupported('it is encrypted');
  if (view.getUint16(offset + 8, true) !== method) throw damaged('an entry disagrees with its directory');
  const nameLength = view.getUint16(offset + 26, true);
  if (nameLength !== nameBytes.length || !sameBytes(bytes.subarray(offset + 30, offset + 30 + nameLength), nameBytes)) {
    throw damaged('an entry’s name disagrees with its directory');
  }
  return { dataStart: offset + 30 + nameLength + view.getUint16(offset + 28, true), name: new TextDecoder().decode(nameBytes) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
