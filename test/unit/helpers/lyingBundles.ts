import { createHash } from 'node:crypto';
import CRC32 from 'crc-32';
import { deflateRaw, deflatedZeros, writeZip } from './lyingZip';

/** The three entries of a real bundle, and a way to sign a manifest with its maker's key. */
export interface BundleParts {
  manifest: Uint8Array;
  signature: Uint8Array;
  changes: Uint8Array;
  sign: (manifest: Uint8Array) => Uint8Array;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const crcOf = (bytes: Uint8Array) => CRC32.buf(bytes) >>> 0;
const mib = 1024 * 1024;
const gib = 1024 * mib;

/**
 * The bundles of issue 12 that lie about their sizes: each is a few MB on disk and unpacks to
 * gigabytes, while its zip directory (and, where it matters, a freshly signed manifest) declares
 * the small sizes of a real bundle. A reader that trusts declared sizes inflates all of it.
 */
export function lyingBundles(parts: BundleParts): Array<{ label: string; bytes: Uint8Array }> {
  const manifest = { name: 'manifest.json', stored: parts.manifest };
  const signature = { name: 'manifest.sig', stored: parts.signature };
  // Declared as the real changes: their size and CRC, only the stored bytes differ.
  const changesLie = (stored: Uint8Array) => ({ name: 'changes.jsonl', stored, method: 8, crc: crcOf(parts.changes), size: parts.changes.length });

  // A manifest re-signed to announce the largest changes a bundle may carry, so that nothing but
  // counting the inflated bytes can stop them.
  const claimed = JSON.parse(Buffer.from(parts.manifest).toString('utf8')) as { entries: Array<Record<string, unknown>> };
  claimed.entries = [{ name: 'changes.jsonl', size: gib, sha256: sha256(new Uint8Array(1)), storedSha256: sha256(new Uint8Array(1)) }];
  const bigManifest = new Uint8Array(Buffer.from(JSON.stringify(claimed)));
  const signedBig = [
    { name: 'manifest.json', stored: bigManifest },
    { name: 'manifest.sig', stored: parts.sign(bigManifest) },
  ];

  return [
    { label: '4 GiB of zeros declared as the real changes', bytes: writeZip([manifest, signature, changesLie(deflatedZeros(4 * gib))]) },
    {
      label: '4 GiB of zeros under a re-signed manifest announcing 1 GiB of changes',
      bytes: writeZip([...signedBig, changesLie(deflatedZeros(4 * gib))]),
    },
    {
      label: '1 GiB of zeros, honestly declared as such',
      bytes: writeZip([manifest, signature, { name: 'changes.jsonl', stored: deflatedZeros(gib), method: 8, crc: 0, size: gib }]),
    },
    {
      label: 'a manifest entry of 3 GiB of zeros declared as 1 KB',
      bytes: writeZip([
        { name: 'manifest.json', stored: deflatedZeros(3 * gib), method: 8, crc: crcOf(parts.manifest), size: parts.manifest.length },
        signature,
        { name: 'changes.jsonl', stored: deflateRaw(parts.changes), method: 8, content: parts.changes },
      ]),
    },
  ];
}
