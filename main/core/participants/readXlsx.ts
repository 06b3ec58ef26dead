import type ExcelJS from 'exceljs';
import { loadExcelJs } from './loadExcelJs';
import { unzipSync } from 'fflate';
import { CoreError } from '../errors';

export interface SheetRows {
  /** Row numbers as Excel shows them, one per entry of `rows`; blank rows are left out. */
  lines: number[];
  rows: string[][];
}

/** A workbook unpacking to more than this is refused: a list of 25,000 people unpacks to ~15 MB. */
const maxUnpackedBytes = 300 * 1024 * 1024;

const damaged = (why: string) =>
  new CoreError('file_unreadable', `The Excel workbook could not be read (${why}). It may be damaged: open it in Excel and save it again, or save it as CSV.`);

/**
 * Lists the archive's entries without inflating them, so a damaged zip is named as such and a
 * small file that would unpack to gigabytes is refused before ExcelJS tries.
 */
function checkArchive(bytes: Uint8Array): void {
  const names = new Set<string>();
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch (error) {
    throw damaged((error as Error).message);
  }
  if (!names.has('xl/workbook.xml')) {
    throw new CoreError('file_unreadable', 'The file is a zip archive but not an Excel workbook (.xlsx). Choose a CSV file or an .xlsx workbook.');
  }
  if (unpacked > maxUnpackedBytes) {
    throw new CoreError('file_too_large', `The workbook unpacks to ${Math.round(unpacked / 1024 / 1024)} MB; the limit is ${maxUnpackedBytes / 1024 / 1024} MB.`);
  }
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** A cell as the text a person sees in it: rich text joined, dates as YYYY-MM-DD, formulas' results. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) {
    // ExcelJS gives a hyperlink's text as rich text when the cell is formatted.
    const text: unknown = value.text;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue);
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  return '';
}

/** The first worksheet of an .xlsx workbook, every cell as text. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRows> {
  checkArchive(bytes);
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    throw damaged((error as Error).message);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CoreError('file_unreadable', 'The Excel workbook has no worksheet.');
  const lines: number[] = [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.some((c) => c.trim() !== '')) {
      lines.push(rowNumber);
      rows.push(cells);
    }
  });
  return { lines, rows };
}
