import zlib from 'node:zlib';
import CRC32 from 'crc-32';

/**
 * A zip writer that writes whatever it is told, true or not: for building the damaged, lying and
 * unusual (but well-formed) archives that readers must cope with. Used by tests and the bench.
 */
export interface ZipEntrySpec {
  name: string | Uint8Array;
  /** The bytes as stored: already deflated when `method` is 8. */
  stored: Uint8Array;
  method?: number;
  /** What the directory declares; each defaults to the truth about `content`. */
  crc?: number;
  size?: number;
  compressedSize?: number;
  /** The inflated bytes, for the true CRC and size (defaults to `stored`, as for method 0). */
  content?: Uint8Array;
  /** Sizes and CRC left out of the local header and written after the data (flag bit 3). */
  dataDescriptor?: boolean;
  extra?: Uint8Array;
  versionMadeBy?: number;
  flags?: number;
  comment?: string;
  externalAttributes?: number;
}

export interface ZipOptions {
  comment?: string;
  /** Bytes before the first entry (a self-extracting stub, or junk). */
  prefix?: Uint8Array;
  /** Write the directory entries in this order (indexes into the entries). */
  directoryOrder?: number[];
}

const bytesOf = (text: string | Uint8Array) => (typeof text === 'string' ? new Uint8Array(Buffer.from(text, 'utf8')) : text);

export function writeZip(entries: ZipEntrySpec[], options: ZipOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.length;
  };
  if (options.prefix) push(options.prefix);
  const directory: Uint8Array[] = [];
  for (const entry of entries) {
    const name = bytesOf(entry.name);
    const extra = entry.extra ?? new Uint8Array();
    const content = entry.content ?? entry.stored;
    const crc = entry.crc ?? CRC32.buf(content) >>> 0;
    const size = entry.size ?? content.length;
    const compressedSize = entry.compressedSize ?? entry.stored.length;
    const method = entry.method ?? 0;
    const flags = (entry.flags ?? 0) | (entry.dataDescriptor ? 0x0008 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x6000, 10); // 12:00
    local.writeUInt16LE(0x5c21, 12); // 2026-01-01
    local.writeUInt32LE(entry.dataDescriptor ? 0 : crc, 14);
    local.writeUInt32LE(entry.dataDescriptor ? 0 : compressedSize, 18);
    local.writeUInt32LE(entry.dataDescriptor ? 0 : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const localOffset = offset;
    push(local);
    push(name);
    push(extra);
    push(entry.stored);
    if (entry.dataDescriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(compressedSize, 8);
      descriptor.writeUInt32LE(size, 12);
      push(descriptor);
    }
    const comment = bytesOf(entry.comment ?? '');
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.versionMadeBy ?? 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x6000, 12);
    central.writeUInt16LE(0x5c21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressedSize, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt16LE(comment.length, 32);
    central.writeUInt32LE(entry.externalAttributes ?? 0, 38);
    central.writeUInt32LE(localOffset, 42);
    directory.push(Buffer.concat([central, name, extra, comment]));
  }
  const directoryStart = offset;
  for (const index of options.directoryOrder ?? directory.map((_, i) => i)) push(directory[index] ?? new Uint8Array());
  const comment = bytesOf(options.comment ?? '');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = options.directoryOrder?.length ?? entries.length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  end.writeUInt16LE(comment.length, 20);
  push(end);
  push(comment);
  return new Uint8Array(Buffer.concat(parts));
}

export const deflateRaw = (bytes: Uint8Array, level = 6): Uint8Array => new Uint8Array(zlib.deflateRawSync(bytes, { level }));

/** Writes bits least significant first, as deflate packs them. */
class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private count = 0;
  bits(value: number, n: number): void {
    for (let i = 0; i < n; i++) this.bit((value >> i) & 1);
  }
  /** A Huffman code goes most significant bit first. */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bit((code >> i) & 1);
  }
  /** `n` zero bits; returns the bytes so far and the whole zero bytes as one negative count. */
  zeros(n: number): number[] {
    for (; n > 0 && this.count !== 0; n--) this.bit(0);
    const whole = Math.floor(n / 8);
    const tail = n - whole * 8;
    const head = this.bytes;
    this.bytes = [];
    for (let i = 0; i < tail; i++) this.bit(0);
    return [...head, -whole];
  }
  end(): number[] {
    if (this.count > 0) this.bytes.push(this.acc);
    return this.bytes;
  }
  private bit(b: number): void {
    this.acc |= b << this.count;
    if (++this.count === 8) {
      this.bytes.push(this.acc);
      this.acc = 0;
      this.count = 0;
    }
  }
}

/**
 * A raw deflate stream that inflates to at least `bytes` zeros, as dense as deflate allows
 * (1:1032), built without holding them: one dynamic block whose length code 258 and distance 1
 * are each one bit long, "0", so every 258 zeros after the first cost two zero bits. About 1 KB
 * per MiB: a 4 MB file inflates to 4 GiB. No stored block, no flush: one plain block, as zlib
 * would write it.
 */
export function deflatedZeros(bytes: number): Uint8Array {
  const repeats = Math.max(0, Math.ceil((bytes - 1) / 258));
  const w = new BitWriter();
  w.bits(1, 1); // final block
  w.bits(2, 2); // dynamic Huffman codes
  w.bits(286 - 257, 5); // literal/length codes 0..285
  w.bits(0, 5); // one distance code
  w.bits(18 - 4, 4); // code length codes given up to the 18th in transmission order
  // The code length code: 18 (a run of zeros) is "0", 1 is "10", 2 is "11".
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
  for (const symbol of order) w.bits(symbol === 18 ? 1 : symbol === 1 || symbol === 2 ? 2 : 0, 3);
  const length2 = () => w.code(0b11, 2);
  const length1 = () => w.code(0b10, 2);
  const zerosRun = (n: number) => {
    w.code(0, 1);
    w.bits(n - 11, 7);
  };
  // Literal 0 and end-of-block have 2 bits, length 258 (symbol 285) has 1; distance 1 has 1.
  length2();
  zerosRun(138);
  zerosRun(117);
  length2();
  zerosRun(28);
  length1();
  length1();
  w.code(0b10, 2); // the literal zero
  const runs = w.zeros(2 * repeats); // each repeat: "0" (length 258), "0" (distance 1)
  w.code(0b11, 2); // end of block
  const tail = w.end();
  const size = [...runs, ...tail].reduce((n, b) => n + (b < 0 ? -b : 1), 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const b of [...runs, ...tail]) {
    if (b < 0) at += -b;
    else out[at++] = b;
  }
  return out;
}
