import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { readBundle } from '../../../main/core/sync/readBundle';
import { lyingBundles } from '../helpers/lyingBundles';
import { deflateRaw, writeZip, type ZipEntrySpec } from '../helpers/lyingZip';
import { snapshot, tempCore } from '../helpers/tempCore';
import { bundleParts } from './craftBundle';
import { cleanMessage, refusalOf } from './refusal';
import { importBytes } from '../helpers/exchange';

let demo: Promise<{ parts: Parts }> | undefined;
/** The demo forum's bundle, made once: its bytes and signing key outlive the core that made them. */
function demoParts(): Promise<{ parts: Parts }> {
  demo ??= tempCore().then((ctx) => ({ parts: bundleParts(ctx, createDemoForum(ctx).id) }));
  return demo;
}

describe('bundles that lie about their sizes', () => {
  it('are refused as zip bombs after a few megabytes, whatever the zip or a signed manifest declares', async () => {
    const { parts } = await demoParts();
    const lies = lyingBundles(parts);
    expect(lies.map((l) => l.bytes.length).every((n) => n < 5 * 1024 * 1024)).toBe(true);
    for (const lie of lies) {
      const error = refusalOf(() => readBundle(lie.bytes));
      expect(error.message, lie.label).toMatch(/would unpack to far more than its size \(a “zip bomb”\), so it was not opened/);
      cleanMessage(error.message);
    }
  });

  it('change nothing on the laptop that refuses them', async () => {
    const { parts } = await demoParts();
    const b = await tempCore();
    const before = snapshot(b);
    for (const lie of lyingBundles(parts)) {
      await expect(Promise.resolve().then(() => importBytes(b, lie.bytes))).rejects.toThrow(
        /zip bomb/,
      );
    }
    expect(snapshot(b)).toBe(before);
  });
});

describe('any well-formed zip layout', () => {
  it('is read to the same changes as the exporter’s own', async () => {
    const { parts } = await demoParts();
    const original = readBundle(parts.bytes);
    const manifest: ZipEntrySpec = { name: 'manifest.json', stored: parts.manifest };
    const signature: ZipEntrySpec = { name: 'manifest.sig', stored: parts.signature };
    const changes: ZipEntrySpec = { name: 'changes.jsonl', stored: deflateRaw(parts.changes), method: 8, content: parts.changes };
    const timestamp = new Uint8Array([0x55, 0x54, 0x05, 0x00, 0x03, 0x00, 0x00, 0x00, 0x68]);
    const layouts: Array<[string, Uint8Array]> = [
      ['data descriptors after every entry', writeZip([manifest, signature, changes].map((e) => ({ ...e, dataDescriptor: true })))],
      ['extra fields (a Unix timestamp)', writeZip([manifest, signature, changes].map((e) => ({ ...e, extra: timestamp })))],
      ['made on Unix, with file attributes', writeZip([manifest, signature, changes].map((e) => ({ ...e, versionMadeBy: 0x031e, externalAttributes: 0o100644 * 0x10000 })))],
      ['comments on the archive and its entries', writeZip([manifest, { ...signature, comment: 'signed' }, changes], { comment: 'Plenary bundle' })],
      ['entries in another order, listed in yet another', writeZip([changes, manifest, signature], { directoryOrder: [2, 0, 1] })],
      ['the changes stored, not compressed', writeZip([manifest, signature, { name: 'changes.jsonl', stored: parts.changes }])],
      ['the changes compressed by zlib at level 9', writeZip([manifest, signature, { ...changes, stored: deflateRaw(parts.changes, 9) }])],
      ['the manifest compressed too', writeZip([{ ...manifest, stored: deflateRaw(parts.manifest), method: 8, content: parts.manifest }, signature, changes])],
      ['a stub before the first entry', writeZip([manifest, signature, changes], { prefix: strToU8('#!/bin/sh\nexit 0\n') })],
      ['fflate at its highest level', zipSync({ 'manifest.json': parts.manifest, 'manifest.sig': parts.signature, 'changes.jsonl': parts.changes }, { level: 9 })],
    ];
    for (const [label, bytes] of layouts) {
      let read: unknown;
      try {
        read = readBundle(bytes);
      } catch (error) {
        read = `${label}: ${(error as Error).message}`;
      }
      expect(read, label).toEqual(original);
    }
  });
});

describe('a refused bundle is called what it is, in plain words', () => {
  it.each(refusalCases())('%s', async (_label, build, expected) => {
    const { parts } = await demoParts();
    const error = refusalOf(() => readBundle(build(parts)));
    if (process.env.SHOW_MESSAGES) console.log(`${_label}: ${error.message}`);
    expect(error.message).toMatch(expected);
    cleanMessage(error.message);
  });
});

type Parts = ReturnType<typeof bundleParts>;

function refusalCases(): Array<[string, (parts: Parts) => Uint8Array, RegExp]> {
  const entries = (parts: Parts, patch: Partial<Record<'manifest' | 'signature' | 'changes', Partial<ZipEntrySpec>>> = {}): ZipEntrySpec[] => [
    { name: 'manifest.json', stored: parts.manifest, ...patch.manifest },
    { name: 'manifest.sig', stored: parts.signature, ...patch.signature },
    { name: 'changes.jsonl', stored: deflateRaw(parts.changes), method: 8, content: parts.changes, ...patch.changes },
  ];
  const damaged = /^The file is damaged \(.+\)\. Ask for the bundle again\.$/;
  const notABundle = /^The file is not a Plenary bundle: .+\. Choose a \.plenary file exported by Plenary\.$/;
  const alteredWords = /it was altered after it was made\. Ask for it again\.$/;
  const zip64 = (bytes: Uint8Array) => {
    // A zip64 end locator just before the end record, as a zip64 writer puts it.
    const at = bytes.length - 22;
    const locator = new Uint8Array(20);
    new DataView(locator.buffer).setUint32(0, 0x07064b50, true);
    return new Uint8Array([...bytes.subarray(0, at), ...locator, ...bytes.subarray(at)]);
  };
  return [
    ['an empty file', () => new Uint8Array(), /^The file is empty\. Ask for the bundle again\.$/],
    ['a text file', () => strToU8('Minutes of the closing plenary, not a bundle.'), /not a Plenary bundle: it is not a zip archive/],
    ['a Word document', () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }), /unexpected entry “\[Content_Types\]\.xml”; it was not made by Plenary/],
    ['a zip without the changes', (p) => writeZip(entries(p).slice(0, 2)), notABundle],
    ['a zip of 20 files', () => zipSync(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, strToU8('x')]))), /it holds 20 files, where a bundle holds three/],
    ['half a bundle', (p) => p.bytes.slice(0, p.bytes.length / 2), /^The file is damaged \(the end of the file is missing, as if it was cut short\)/],
    ['a bundle short of its last byte', (p) => p.bytes.slice(0, -1), damaged],
    ['changes whose checksum fails', (p) => writeZip(entries(p, { changes: { crc: 12345 } })), /damaged \(in changes\.jsonl, its checksum does not match\)/],
    ['changes longer than their directory says', (p) => writeZip(entries(p, { changes: { size: p.changes.length - 1 } })), /damaged \(in changes\.jsonl, it unpacks to more than its directory says\)/],
    ['changes shorter than their directory says', (p) => writeZip(entries(p, { changes: { size: p.changes.length + 1 } })), /damaged \(in changes\.jsonl, it unpacks to fewer bytes/],
    ['changes of random bytes', (p) => writeZip(entries(p, { changes: { stored: pseudoRandom(4096) } })), damaged],
    ['a manifest that is not JSON', (p) => writeZip(entries(p, { manifest: { stored: strToU8('{"format": "plenary-bun') } })), /damaged \(its manifest is not readable\)/],
    ['a manifest of another program', (p) => writeZip(entries(p, { manifest: { stored: strToU8('{"format": "epub"}') } })), /not a Plenary bundle: its manifest is not one Plenary writes/],
    ['a manifest edited after signing', (p) => writeZip(entries(p, { manifest: { stored: edited(p.manifest) } })), alteredWords],
    ['changes edited after signing', (p) => writeZip(entries(p, { changes: { stored: deflateRaw(edited(p.changes)), content: edited(p.changes) } })), alteredWords],
    ['a zip64 archive', (p) => zip64(p.bytes), /not a Plenary bundle: it uses the zip64 form, unlike every bundle Plenary writes/],
    ['an encrypted archive', (p) => writeZip(entries(p, { changes: { flags: 1 } })), /not a Plenary bundle: it is encrypted/],
    ['changes compressed with bzip2', (p) => writeZip(entries(p, { changes: { method: 12 } })), /not a Plenary bundle: changes\.jsonl is compressed in a way Plenary does not read/],
    ['entries that overlap', (p) => overlapping(writeZip(entries(p))), /damaged \(its entries overlap\)/],
    ['an entry named in raw bytes', (p) => writeZip([...entries(p), { name: new Uint8Array([0x01, 0xff, 0x1b, 0x5b, 0x32, 0x4a]), stored: strToU8('x') }]), /unexpected entry \(its name is not readable\)/],
    ['a manifest unpacking past 1 MiB', (p) => writeZip(entries(p, { manifest: { stored: deflateRaw(new Uint8Array(2 * 1024 * 1024).fill(0x20)), method: 8, content: new Uint8Array(2 * 1024 * 1024).fill(0x20) } })), /zip bomb|more than 1024 KiB/],
  ];
}

function pseudoRandom(length: number, seed = 7): Uint8Array {
  let x = seed;
  return Uint8Array.from({ length }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
}

/** The same length, one letter changed, valid UTF-8 and JSON still. */
function edited(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  const at = Buffer.from(copy).indexOf('Forum');
  copy[at > 0 ? at : 10] = 0x57; // 'W'
  return copy;
}

/** Makes the first entry claim stored bytes that run into the second entry's header. */
function overlapping(zip: Uint8Array): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const first = view.getUint32(copy.length - 22 + 16, true);
  view.setUint32(first + 20, view.getUint32(first + 20, true) + 40, true);
  return copy;
}
