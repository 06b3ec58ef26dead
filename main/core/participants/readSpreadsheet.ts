import Papa from 'papaparse';
import { maxParticipantFileBytes, maxParticipantRows } from '../../../shared/participantImport';
import { CoreError } from '../errors';
import { decodeText } from './decodeText';
import { readXlsx, type SheetRows } from './readXlsx';
import { tooManyRows } from './unpackWorkbook';

export interface Spreadsheet {
  format: 'csv' | 'xlsx';
  /** CSV only: how the bytes were read, and the delimiter found. */
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  /** Data rows (the header and blank lines left out), cells as text. */
  rows: string[][];
  /** Where each row starts in the file, 1-based, the header's line counting: what people see in an editor. */
  lines: number[];
  /** Rows whose opening quote is never closed, so they swallowed the rest of the file (indexes into rows). */
  unclosedQuotes: number[];
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/** Why a file is not worth decoding as text, told by its first bytes. */
const signatures: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'it is a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'it is a PNG image'],
  [[0xff, 0xd8, 0xff], 'it is a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'it is a GIF image'],
  [[0x4d, 0x5a], 'it is a Windows program'],
  [[0x7f, 0x45, 0x4c, 0x46], 'it is a program'],
  [[0x1f, 0x8b], 'it is a compressed (gzip) file'],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Throws the errors every reader shares: too big first (before any parsing), then empty. */
export function checkSize(size: number): void {
  if (size > maxParticipantFileBytes) {
    const limit = megabytes(maxParticipantFileBytes);
    const actual = megabytes(size) === limit ? `just over ${limit}` : megabytes(size);
    throw new CoreError('file_too_large', `The file is ${actual}; the limit is ${limit}. Split the list into smaller files.`);
  }
  if (size === 0) throw new CoreError('import_rejected', 'The file is empty.');
}

/**
 * A participant list as rows of text, from CSV (any common encoding and delimiter) or from the
 * first worksheet of an .xlsx workbook. The first non-blank row is the header.
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<Spreadsheet> {
  checkSize(bytes.length);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return withHeader({ format: 'xlsx', encoding: null, delimiter: null, unclosedQuotes: [] }, await readXlsx(bytes));
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new CoreError('file_unreadable', 'The file is an Excel 97-2003 workbook (.xls), which cannot be read: save it as .xlsx or CSV.');
  }
  const known = signatures.find(([prefix]) => startsWith(bytes, prefix));
  if (known) {
    throw new CoreError('file_unreadable', `The file is not a spreadsheet: ${known[1]}. Choose a CSV file or an Excel workbook (.xlsx).`);
  }
  const { text, encoding } = decodeText(bytes);
  const csv = parseCsv(text);
  return withHeader({ format: 'csv', encoding, delimiter: csv.delimiter, unclosedQuotes: [] }, csv);
}

function withHeader(
  base: Pick<Spreadsheet, 'format' | 'encoding' | 'delimiter' | 'unclosedQuotes'>,
  sheet: SheetRows & { unclosedQuotes?: number[] },
): Spreadsheet {
  const [header, ...rows] = sheet.rows;
  if (!header) throw new CoreError('import_rejected', 'The file is empty.');
  if (rows.length === 0) {
    throw new CoreError('import_rejected', 'The file has a header row but no rows of participants below it.');
  }
  return {
    ...base,
    headers: header.map((h) => h.trim()),
    rows,
    lines: sheet.lines.slice(1),
    // Indexes shift by one as the header leaves the rows.
    unclosedQuotes: (sheet.unclosedQuotes ?? []).filter((i) => i > 0).map((i) => i - 1),
  };
}

/**
 * Papa Parse does the quoting and delimiter guessing; the line each record starts on is worked
 * out from the parser's cursor (where the record ends) less the line breaks inside its quotes.
 */
function parseCsv(text: string): SheetRows & { delimiter: string; unclosedQuotes: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const unclosedQuotes: number[] = [];
  let delimiter = ',';
  let newline = '\n';
  let scanned = 0;
  let breaks = 0;
  const countBreaks = (value: string, from: number, to: number) => {
    let n = 0;
    for (let at = value.indexOf(newline, from); at !== -1 && at < to; at = value.indexOf(newline, at + 1)) n++;
    return n;
  };
  let overflow = false;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
    step(result, parser) {
      // The header comes on top of the participants; past the cap, reading on only costs memory.
      if (rows.length > maxParticipantRows) {
        overflow = true;
        parser.abort();
        return;
      }
      delimiter = result.meta.delimiter;
      newline = result.meta.linebreak === '\r' ? '\r' : '\n';
      const cursor = result.meta.cursor;
      breaks += countBreaks(text, scanned, cursor);
      scanned = cursor;
      const lastLine = text.endsWith(newline, cursor) ? breaks : breaks + 1;
      let inside = 0;
      for (const cell of result.data) inside += countBreaks(cell, 0, cell.length);
      lines.push(lastLine - inside);
      rows.push(result.data);
      if (result.errors.some((e) => e.code === 'MissingQuotes')) unclosedQuotes.push(rows.length - 1);
    },
  });
  if (overflow) throw tooManyRows();
  return { rows, lines, delimiter, unclosedQuotes };
}
