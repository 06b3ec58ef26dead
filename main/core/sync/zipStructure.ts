import CRC32 from 'crc-32';

/**
 * Checks that a bundle's zip is exactly as Plenary writes it, so that no byte of the file goes
 * unchecked: every field stored twice (local header and central directory) must agree, each
 * entry's CRC-32 must match its inflated bytes, fields stored once must hold the values our writer
 * puts there, and nothing may sit between, before or after the records. The signed manifest and
 * the hashes prove the content; this proves the wrapping, so a damaged file is named as damaged.
 * `stored` receives each entry's bytes as stored (compressed), for the manifest's hash of them:
 * deflate ignores the spare bits of its last byte, which no other check would notice.
 */
export function checkZipStructure(
  bytes: Uint8Array,
  entries: ReadonlyMap<string, Uint8Array>,
  stored: Map<string, Uint8Array> = new Map(),
): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  if (bytes.length < 22) return 'too short';
  const end = bytes.length - 22;
  if (u32(end) !== 0x06054b50) return 'no end record where one belongs';
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0) return 'multi-disk archive';
  const count = u16(end + 8);
  if (u16(end + 10) !== count || count !== entries.size) return 'entry counts disagree';
  const directorySize = u32(end + 12);
  const directoryStart = u32(end + 16);
  if (u16(end + 20) !== 0 || directoryStart + directorySize !== end) return 'the directory does not end where the end record begins';

  let central = directoryStart;
  let local = 0;
  for (let i = 0; i < count; i++) {
    if (central + 46 > end || u32(central) !== 0x02014b50) return 'a directory record is damaged';
    if (u16(central + 4) !== 20) return 'unexpected version in the directory';
    const nameLength = u16(central + 28);
    const extraLength = u16(central + 30);
    if (u16(central + 32) !== 0 || u16(central + 34) !== 0 || u16(central + 36) !== 0 || u32(central + 38) !== 0) {
      return 'unexpected comment or attributes in the directory';
    }
    if (u32(central + 42) !== local) return 'an entry is not where the directory says';
    if (u32(local) !== 0x04034b50) return 'a local record is damaged';
    // Version needed, flags, method, time, date, CRC and both sizes appear in both records.
    for (let k = 0; k < 22; k++) if (bytes[local + 4 + k] !== bytes[central + 6 + k]) return 'local and directory records disagree';
    if (u16(local + 26) !== nameLength || u16(local + 28) !== extraLength) return 'local and directory records disagree';
    const nameAndExtra = nameLength + extraLength;
    for (let k = 0; k < nameAndExtra; k++) if (bytes[local + 30 + k] !== bytes[central + 46 + k]) return 'local and directory names disagree';
    if (u16(central + 8) & 0x0008) return 'unexpected data descriptor';
    const name = new TextDecoder().decode(bytes.subarray(central + 46, central + 46 + nameLength));
    const content = entries.get(name);
    if (!content) return `no content for ${name}`;
    if (u32(central + 24) !== content.length || (CRC32.buf(content) >>> 0) !== u32(central + 16)) return `${name} fails its checksum`;
    const dataStart = local + 30 + nameAndExtra;
    stored.set(name, bytes.subarray(dataStart, dataStart + u32(central + 20)));
    local = dataStart + u32(central + 20);
    central += 46 + nameAndExtra;
  }
  if (local !== directoryStart) return 'there are bytes between the entries and the directory';
  if (central !== end) return 'there are bytes after the directory';
  return undefined;
}
