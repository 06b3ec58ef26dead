import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import { concatBytes } from './concatBytes';

/** An entry kept as it is (stored), or one already compressed by raw DEFLATE, kept byte for byte. */
export type ZipEntry =
  | { name: string; bytes: Uint8Array }
  | { name: string; deflated: Uint8Array; size: number; crc: number };

/**
 * A zip of entries whose stored bytes are decided before zipping. A bundle's manifest hashes the
 * compressed changes, so they are compressed once (by node:zlib, in C, 4 to 6 times faster than
 * fflate's deflate in JavaScript on a merged forum's 50 MB), hashed, and placed as they are;
 * `zipSync` would have compressed them a second time. fflate's streaming `Zip` takes such an
 * entry through its `ZipInputFile` interface; it then writes the sizes in a data descriptor,
 * which every zip reader (ours included: zipDirectory.ts) accepts.
 */
export function zipPrecompressed(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let ended = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  for (const entry of entries) {
    if ('bytes' in entry) {
      const file = new ZipPassThrough(entry.name);
      zip.add(file);
      file.push(entry.bytes, true);
    } else {
      const file: ZipInputFile = { filename: entry.name, size: entry.size, crc: entry.crc, compression: 8 };
      zip.add(file);
      // A copy of the compressed bytes (a tenth of the text): fflate's handler takes a plain ArrayBuffer view.
      file.ondata?.(null, new Uint8Array(entry.deflated), true);
    }
  }
  zip.end();
  // fflate's Zip calls back synchronously for data pushed whole; anything else is a bug here.
  if (failure) throw failure;
  if (!ended) throw new Error('The zip was not finished');
  return concatBytes(chunks);
}
