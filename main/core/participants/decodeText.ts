import { CoreError } from '../errors';

export interface DecodedText {
  text: string;
  /** WHATWG label of how the bytes were read: utf-8, utf-16le, utf-16be or windows-1252. */
  encoding: string;
}

// Node's TextDecoder reads 'windows-1252' as ISO-8859-1, turning “smart quotes” and € into C1
// control characters, so the 32 code points where the two differ are mapped here.
const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = new Array<number>(Math.min(chunk, bytes.length - start));
    for (let i = 0; i < codes.length; i++) {
      const byte = bytes[start + i] ?? 0;
      codes[i] = byte >= 0x80 && byte < 0xa0 ? (cp1252High[byte - 0x80] ?? byte) : byte;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

/** utf-16le or utf-16be when NUL bytes sit in every other position, as in ASCII text stored in UTF-16. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function strict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const notText = (what: string) =>
  new CoreError('file_unreadable', `The file is not a spreadsheet: ${what}. Choose a CSV file or an Excel workbook (.xlsx).`);

/**
 * Reads a text file's bytes the way a spreadsheet program would: a byte order mark decides, then
 * UTF-16 recognised by its NUL bytes, then UTF-8 if every byte sequence is valid, else
 * Windows-1252 (a superset of the Latin-1 that older Excel versions save).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: string;
  let text: string | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = strict(encoding, bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = strict(encoding, bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = strict(encoding, bytes.subarray(2));
  } else {
    const utf16 = utf16WithoutBom(bytes);
    encoding = utf16 ?? 'utf-8';
    text = strict(encoding, bytes);
    if (text === undefined && !utf16) {
      encoding = 'windows-1252';
      text = decodeWindows1252(bytes);
    }
  }
  if (text === undefined) throw notText(`its bytes are not valid ${encoding.toUpperCase()} text`);
  if (looksBinary(text)) throw notText('it holds binary data, not text');
  return { text, encoding };
}

/**
 * Text never holds NUL and rarely other control characters; images, PDFs and programs are full
 * of them (C1 controls too, which is what Windows-1252's five unassigned bytes become). Tab, line
 * feed, carriage return and form feed are text.
 */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) controls++;
  }
  return controls > Math.max(2, sample.length / 200);
}
