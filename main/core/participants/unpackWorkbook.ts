import { zipSync, type Zippable } from 'fflate';
import { maxParticipantRows } from '../../../shared/participantImport';
import { CoreError } from '../errors';
import { InflateError, inflateEntry } from '../zip/inflateEntry';
import { listZipEntries, ZipError, type ZipEntry } from '../zip/zipDirectory';

/**
 * What a workbook may unpack to before ExcelJS is handed it. ExcelJS unpacks every part in
 * memory, trusting the sizes the zip declares, and builds an object per cell: a 2 MB file that
 * lies could take gigabytes. A list of 25,000 people unpacks to ~8 MB of XML, 100,000 to ~34 MB.
 */
export const workbookLimits = {
  unpackedBytes: 200 * 1024 * 1024,
  /** Unpacked to stored bytes per part, counted as they come (worksheets compress ~10 times). */
  ratio: 200,
  ratioAllowance: 1024 * 1024,
  parts: 10_000,
  /** Filled or formatted cells in one worksheet: 100,000 people with ten columns each. */
  cells: 1_000_000,
} as const;

const fmt = (n: number) => n.toLocaleString('en-GB');
const mb = (bytes: number) => `${fmt(Math.round(bytes / 1024 / 1024))} MB`;

export const damagedWorkbook = (why: string) =>
  new CoreError('file_unreadable', `The Excel workbook could not be read (${why}). It may be damaged: open it in Excel and save it again, or save it as CSV.`);
const bomb = () =>
  new CoreError('file_unreadable', 'The Excel workbook would unpack to far more than its size (a “zip bomb”), so it was not opened. Open it in Excel and save it again, or save it as CSV.');
const tooLarge = (what: string) => new CoreError('file_too_large', `The workbook unpacks to ${what}; the limit is ${mb(workbookLimits.unpackedBytes)}. Split the list into smaller files.`);
export const tooManyRows = () =>
  new CoreError('file_too_large', `The file has more than ${fmt(maxParticipantRows)} rows of participants, the most one import takes. Split it into smaller files.`);
const tooManyCells = () =>
  new CoreError('file_too_large', `A worksheet of the file has more than ${fmt(workbookLimits.cells)} cells. Keep only the participants’ columns, or split the list into smaller files.`);

/** Worksheet parts, where rows and cells are counted while they unpack. */
const isWorksheet = (name: string) => /(^|\/)worksheets\/[^/]+\.xml$/i.test(name);
// An opening <row> or <c> tag, with or without a namespace prefix.
const rowOrCell = /<(?:[A-Za-z_][\w.-]*:)?(row|c)[\s>/]/g;

/**
 * Checks an .xlsx archive through its own directory and unpacks every part under a running
 * count (total, ratio, declared sizes, checksums; rows and cells in worksheets), then returns
 * the parts that passed, stored uncompressed in a fresh zip: all ExcelJS ever sees.
 */
export function unpackWorkbook(bytes: Uint8Array): Uint8Array {
  const entries = listWorkbook(bytes);
  if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) {
    throw new CoreError('file_unreadable', 'The file is a zip archive but not an Excel workbook (.xlsx). Choose a CSV file or an .xlsx workbook.');
  }
  const declared = entries.reduce((n, entry) => n + entry.size, 0);
  if (declared > workbookLimits.unpackedBytes) throw tooLarge(mb(declared));
  const parts: Zippable = {};
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/') && entry.size === 0) continue; // a folder
    if (Object.prototype.hasOwnProperty.call(parts, entry.name)) throw damagedWorkbook('it holds a part twice');
    const count = isWorksheet(entry.name) ? tagCounter() : undefined;
    const chunks: Uint8Array[] = [];
    try {
      inflateEntry(
        bytes,
        entry,
        { maxBytes: workbookLimits.unpackedBytes - total, ratio: workbookLimits.ratio, ratioAllowance: workbookLimits.ratioAllowance },
        (chunk) => {
          count?.(chunk);
          chunks.push(chunk);
        },
      );
    } catch (error) {
      if (!(error instanceof InflateError)) throw error;
      const problem = error.problem;
      if (problem.kind === 'bomb') throw bomb();
      if (problem.kind === 'too-large') throw tooLarge(`more than ${mb(workbookLimits.unpackedBytes)}`);
      throw damagedWorkbook(problem.kind === 'damaged' ? `a part of it is damaged: ${problem.reason}` : 'a part of it is compressed in a way that cannot be read');
    }
    const content = chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks);
    total += content.length;
    parts[entry.name] = [content, { level: 0 }];
  }
  return zipSync(parts, { level: 0 });
}

function listWorkbook(bytes: Uint8Array): ZipEntry[] {
  try {
    return listZipEntries(bytes, workbookLimits.parts);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    const problem = error.problem;
    if (problem.kind === 'damaged' || problem.kind === 'unsupported') throw damagedWorkbook(problem.reason);
    if (problem.kind === 'too-many-entries') throw damagedWorkbook(`it holds ${fmt(problem.count)} parts`);
    throw damagedWorkbook('it is not a zip archive');
  }
}

/** Counts rows and cells in a worksheet as its bytes come, refusing past the caps. */
function tagCounter(): (chunk: Uint8Array) => void {
  let rows = 0;
  let cells = 0;
  let carry = '';
  return (chunk) => {
    const text = carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    rowOrCell.lastIndex = 0;
    for (let match = rowOrCell.exec(text); match; match = rowOrCell.exec(text)) {
      // A tag that ended inside the carried tail was counted with the previous chunk.
      if (match.index + match[0].length <= carry.length) continue;
      if (match[1] === 'row') rows += 1;
      else cells += 1;
    }
    // The header row comes on top of the participants.
    if (rows > maxParticipantRows + 1) throw tooManyRows();
    if (cells > workbookLimits.cells) throw tooManyCells();
    carry = text.slice(-64);
  };
}
