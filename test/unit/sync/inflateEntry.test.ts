import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InflateError, inflateEntry, type InflateLimits } from '../../../main/core/zip/inflateEntry';
import type { ZipEntry } from '../../../main/core/zip/zipDirectory';

const limits: InflateLimits = { maxBytes: 8 * 1024 * 1024, ratio: 100, ratioAllowance: 64 * 1024 };

/** An entry as a zip's directory would declare it, its stored bytes the whole buffer. */
function entryOf(stored: Uint8Array, declared: { size: number; crc: number; method?: number }): ZipEntry {
  return {
    nameBytes: new Uint8Array(),
    name: 'changes.jsonl',
    method: declared.method ?? 8,
    crc: declared.crc,
    size: declared.size,
    compressedSize: stored.length,
    headerStart: 0,
    dataStart: 0,
    dataEnd: stored.length,
  };
}

function unpack(stored: Uint8Array, entry: ZipEntry, bounds = limits): Buffer {
  const chunks: Uint8Array[] = [];
  inflateEntry(stored, entry, bounds, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InflateError) return error.problem;
    throw error;
  }
  throw new Error('it was accepted');
};

// A day of changes: lines alike enough to pack well, as a bundle's do.
const text = Buffer.from(Array.from({ length: 5000 }, (_, i) => JSON.stringify(['laptop', `0017724426${String(i).padStart(5, '0')}-0000`, 'notes', `n${i}`, { text: `Note ${i} on land markets.` }])).join('\n'));
const packed = deflateRawSync(text);
const honest = entryOf(packed, { size: text.length, crc: crc32(text) });

describe('unpacking an entry', () => {
  it('gives back the bytes, in pieces, when the directory tells the truth', () => {
    const chunks: Uint8Array[] = [];
    inflateEntry(packed, honest, limits, (chunk) => chunks.push(chunk));
    expect(Buffer.concat(chunks).equals(text)).toBe(true);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses a stream that runs past the size declared, a short one, a wrong checksum and a damaged stream, saying which', () => {
    expect(problemOf(() => unpack(packed, { ...honest, size: text.length - 10 }))).toEqual({ kind: 'damaged', reason: 'it unpacks to more than its directory says' });
    expect(problemOf(() => unpack(packed, { ...honest, size: text.length + 10 }))).toEqual({ kind: 'damaged', reason: 'it unpacks to fewer bytes than its directory says' });
    expect(problemOf(() => unpack(packed, { ...honest, crc: (honest.crc + 1) >>> 0 }))).toEqual({ kind: 'damaged', reason: 'its checksum does not match' });
    const cut = packed.subarray(0, packed.length - 40);
    expect(problemOf(() => unpack(cut, entryOf(cut, { size: text.length, crc: honest.crc }))).kind).toBe('damaged');
    const garbled = Buffer.from(packed);
    garbled.fill(0xff, 100, 140);
    expect(problemOf(() => unpack(garbled, entryOf(garbled, { size: text.length, crc: honest.crc }))).kind).toBe('damaged');
  });

  it('stops a bomb, whether it declares its real size or a small one', () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const bomb = deflateRawSync(zeros);
    expect(problemOf(() => unpack(bomb, entryOf(bomb, { size: zeros.length, crc: crc32(zeros) }))).kind).toBe('bomb');
    expect(problemOf(() => unpack(bomb, entryOf(bomb, { size: 1000, crc: 0 }))).kind).toBe('bomb');
    const tight = { ...limits, ratio: 10_000, maxBytes: 1024 * 1024 };
    expect(problemOf(() => unpack(bomb, entryOf(bomb, { size: zeros.length, crc: crc32(zeros) }), tight)).kind).toBe('too-large');
  });

  it('reads a stored (uncompressed) entry and refuses a method it does not know', () => {
    expect(unpack(text, entryOf(text, { size: text.length, crc: crc32(text), method: 0 })).equals(text)).toBe(true);
    expect(problemOf(() => unpack(packed, { ...honest, method: 12 })).kind).toBe('unsupported');
  });
});
