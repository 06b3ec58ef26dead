import CRC32 from 'crc-32';
import { unzipSync } from 'fflate';
import { deflateRaw, deflatedZeros, writeZip, type ZipEntrySpec } from './lyingZip';

const crcOf = (bytes: Uint8Array) => CRC32.buf(bytes) >>> 0;
const gib = 1024 * 1024 * 1024;

/**
 * Workbooks of issue 12 built from a real one: a couple of MB on disk, their directory declaring
 * the real parts' sizes, but a part that unpacks to gigabytes. ExcelJS trusts none of that and
 * unpacks everything it is handed.
 */
export function lyingWorkbooks(real: Uint8Array): Array<{ label: string; bytes: Uint8Array }> {
  const parts = Object.entries(unzipSync(real));
  const rebuild = (target: string, lie: (content: Uint8Array) => Partial<ZipEntrySpec>) =>
    writeZip(
      parts.map(([name, content]) => ({
        name,
        stored: deflateRaw(content),
        method: 8,
        content,
        ...(name === target ? lie(content) : {}),
      })),
    );
  return [
    {
      label: 'a worksheet of 2 GiB of zeros declared as the real one',
      bytes: rebuild('xl/worksheets/sheet1.xml', (content) => ({ stored: deflatedZeros(2 * gib), crc: crcOf(content), size: content.length })),
    },
    {
      label: 'shared strings of 2 GiB of zeros declared as 2 GiB',
      bytes: rebuild('xl/sharedStrings.xml', () => ({ stored: deflatedZeros(2 * gib), crc: 0, size: 2 * gib })),
    },
  ];
}

const xml = (text: string) => new Uint8Array(Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`));

/** The fewest parts Excel and ExcelJS need for a workbook of one worksheet. */
export function minimalWorkbook(sheet: Uint8Array): Uint8Array {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const parts: Array<[string, Uint8Array]> = [
    [
      '[Content_Types].xml',
      xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    ],
    ['_rels/.rels', xml(`<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
    ['xl/workbook.xml', xml(`<workbook xmlns="${main}" xmlns:r="${rels}"><sheets><sheet name="Participants" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
    ['xl/_rels/workbook.xml.rels', xml(`<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)],
    ['xl/worksheets/sheet1.xml', sheet],
  ];
  return writeZip(parts.map(([name, content]) => ({ name, stored: deflateRaw(content), method: 8, content })));
}

/** 0 → A, 25 → Z, 26 → AA. */
const columnName = (index: number): string => (index >= 26 ? columnName(Math.floor(index / 26) - 1) : '') + String.fromCharCode(65 + (index % 26));

/** A worksheet part of `rows` rows of `columns` short cells each, as inline strings. */
export function sheetXml(rows: number, columns: number): Uint8Array {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < columns; c++) cells.push(`<c r="${columnName(c)}${r}" t="inlineStr"><is><t>${c}</t></is></c>`);
    body.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  return xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join('')}</sheetData></worksheet>`);
}
