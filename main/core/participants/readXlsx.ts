import type ExcelJS from 'exceljs';
import { maxParticipantRows } from '../../../shared/participantImport';
import { CoreError } from '../errors';
import { loadExcelJs } from './loadExcelJs';
import { damagedWorkbook, tooManyRows, unpackWorkbook } from './unpackWorkbook';

export interface SheetRows {
  /** Row numbers as Excel shows them, one per entry of `rows`; blank rows are left out. */
  lines: number[];
  rows: string[][];
}

function wholeBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return buffer;
  return new Uint8Array(bytes).buffer;
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
  // ExcelJS sees only parts that unpacked within the limits, rezipped uncompressed.
  const checked = unpackWorkbook(bytes);
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(wholeBuffer(checked));
  } catch {
    // Its own words name XML internals, not what a person can act on.
    throw damagedWorkbook('its content is not the XML Excel writes');
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
  if (rows.length > maxParticipantRows + 1) throw tooManyRows();
  return { lines, rows };
}
