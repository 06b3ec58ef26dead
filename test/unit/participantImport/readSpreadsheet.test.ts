import { describe, expect, it } from 'vitest';
import { maxParticipantFileBytes } from '../../../shared/participantImport';
import { CoreError } from '../../../main/core/errors';
import { cellText } from '../../../main/core/participants/readXlsx';
import { readSpreadsheet } from '../../../main/core/participants/readSpreadsheet';
import { encode, fixture, xlsx } from './importHarness';

async function refused(bytes: Uint8Array): Promise<CoreError> {
  const error: unknown = await readSpreadsheet(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CoreError);
  return error as CoreError;
}

const people = 'Name;Organisation;Notes\r\nJosé Núñez;“Cámara” de Comercio;costs 5 €\r\nZoë Ångström;Universität Wien;naïve café\r\n';

describe('reading CSV in every encoding a spreadsheet program writes', () => {
  it.each([
    ['UTF-8 with a byte order mark', encode(people, 'utf-8', true), 'utf-8'],
    ['UTF-8 without one', encode(people, 'utf-8'), 'utf-8'],
    ['UTF-16 LE with a byte order mark (Excel’s “Unicode text”)', encode(people, 'utf-16le', true), 'utf-16le'],
    ['UTF-16 BE with a byte order mark', encode(people, 'utf-16be', true), 'utf-16be'],
    ['UTF-16 LE without a byte order mark', encode(people, 'utf-16le'), 'utf-16le'],
    ['UTF-16 BE without a byte order mark', encode(people, 'utf-16be'), 'utf-16be'],
    ['Windows-1252', encode(people, 'windows-1252'), 'windows-1252'],
  ])('%s', async (_label, bytes, encoding) => {
    const sheet = await readSpreadsheet(bytes);
    expect(sheet).toMatchObject({ format: 'csv', encoding, delimiter: ';', headers: ['Name', 'Organisation', 'Notes'] });
    expect(sheet.rows).toEqual([
      ['José Núñez', '“Cámara” de Comercio', 'costs 5 €'],
      ['Zoë Ångström', 'Universität Wien', 'naïve café'],
    ]);
  });

  it('Latin-1 (ISO-8859-1), read as Windows-1252 which contains it', async () => {
    const sheet = await readSpreadsheet(encode('Name,Organisation\nFrançois Müller,Société Générale\nÅsa Øster,Ærø Kommune\n', 'latin1'));
    expect(sheet.encoding).toBe('windows-1252');
    expect(sheet.rows).toEqual([
      ['François Müller', 'Société Générale'],
      ['Åsa Øster', 'Ærø Kommune'],
    ]);
  });
});

describe('delimiters, quotes and line numbers', () => {
  it.each([
    ['semicolon-fr.csv', ';'],
    ['tab-es.tsv', '\t'],
    ['english.csv', ','],
  ])('finds the delimiter of %s', async (file, delimiter) => {
    const sheet = await readSpreadsheet(fixture(file));
    expect(sheet.delimiter).toBe(delimiter);
    expect(sheet.rows.every((row) => row.length >= sheet.headers.length)).toBe(true);
  });

  it('reads a vertical bar too', async () => {
    const sheet = await readSpreadsheet(Buffer.from('Name|Email\nAna Lima|ana@example.br\n'));
    expect(sheet).toMatchObject({ delimiter: '|', rows: [['Ana Lima', 'ana@example.br']] });
  });

  it('keeps line breaks inside quotes and numbers rows by the line they start on, skipping blank lines', async () => {
    const sheet = await readSpreadsheet(fixture('quoted-newlines.csv'));
    expect(sheet.rows.map((row) => row[0])).toEqual(['Grace\r\nWanjiru', 'Tomás Silva', 'Helen Park']);
    expect(sheet.rows[0]?.[3]).toBe('arrives Tuesday,\r\nleaves Thursday');
    expect(sheet.rows[1]?.[1]).toBe('Câmara Municipal\nde Lisboa');
    expect(sheet.lines).toEqual([2, 5, 8]);
  });

  it('counts lines the same with old Mac line endings and leading blank lines', async () => {
    const sheet = await readSpreadsheet(Buffer.from('\r\r Name,Email\r"A\rB",a@example.org\r\rC,c@example.org'));
    expect(sheet.headers).toEqual(['Name', 'Email']);
    expect(sheet.lines).toEqual([4, 7]);
  });

  it('marks a row whose quote is never closed', async () => {
    const sheet = await readSpreadsheet(Buffer.from('Name,Email\nAna,ana@example.org\n"Ben,ben@example.org\nCleo,cleo@example.org\n'));
    expect(sheet.unclosedQuotes).toEqual([1]);
  });
});

describe('reading .xlsx workbooks', () => {
  it('reads the first worksheet, every kind of cell as the text a person sees', async () => {
    const bytes = await xlsx([
      ['Name', 'Organisation', 'Since', 'Delegates', 'Email', 'Total'],
      [
        { richText: [{ text: 'Wang ' }, { text: 'Xiaoming', font: { bold: true } }] },
        'Tsinghua University',
        new Date(Date.UTC(2024, 2, 5)),
        3,
        { text: 'wang@example.cn', hyperlink: 'mailto:wang@example.cn' },
        { formula: 'D2*2', result: 6 },
      ],
      [],
      ['Fatima Zahra', null, null, 1.5, 'fatima@example.ma', { formula: 'NA()', result: { error: '#N/A' } }],
    ]);
    const sheet = await readSpreadsheet(bytes);
    expect(sheet).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null });
    expect(sheet.headers).toEqual(['Name', 'Organisation', 'Since', 'Delegates', 'Email', 'Total']);
    expect(sheet.rows).toEqual([
      ['Wang Xiaoming', 'Tsinghua University', '2024-03-05', '3', 'wang@example.cn', '6'],
      ['Fatima Zahra', '', '', '1.5', 'fatima@example.ma', ''],
    ]);
    expect(sheet.lines).toEqual([2, 4]);
  });

  it('turns shared formulas and formatted hyperlinks into text', () => {
    expect(cellText({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'https://example.org' } as never)).toBe('ab');
    expect(cellText(true)).toBe('TRUE');
  });

  it('refuses a workbook with no rows, or with a header only', async () => {
    expect(await refused(await xlsx([]))).toMatchObject({ code: 'import_rejected', message: 'The file is empty.' });
    expect(await refused(await xlsx([['Name', 'Email'], [], ['', '  ']]))).toMatchObject({
      code: 'import_rejected',
      message: 'The file has a header row but no rows of participants below it.',
    });
  });

  it('uses the first worksheet only', async () => {
    const sheet = await readSpreadsheet(await xlsx([['Name'], ['Only here']], true));
    expect(sheet.rows).toEqual([['Only here']]);
  });
});

describe('files that are not a participant list', () => {
  it('refuses a file over the limit before reading any of it', async () => {
    // Zeros would be binary junk: refused for size, not content, proves the size came first.
    const error = await refused(Buffer.alloc(100 * 1024 * 1024));
    expect(error.code).toBe('file_too_large');
    expect(error.message).toBe('The file is 100 MB; the limit is 20 MB. Split the list into smaller files.');
  });

  it('accepts a file of exactly the limit as far as size goes', async () => {
    const error = await refused(Buffer.alloc(maxParticipantFileBytes));
    expect(error.code).toBe('file_unreadable');
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'import_rejected', /^The file is empty\.$/],
    ['a file of blank lines', Buffer.from('\r\n  \r\n\r\n'), 'import_rejected', /^The file is empty\.$/],
    ['a header without rows', fixture('header-only.csv'), 'import_rejected', /header row but no rows/],
    ['a PNG image', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), 'file_unreadable', /not a spreadsheet: it is a PNG image/],
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), 'file_unreadable', /not a spreadsheet: it is a PDF/],
    ['a Windows program', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), Buffer.alloc(64)]), 'file_unreadable', /not a spreadsheet: it is a Windows program/],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'file_unreadable', /not a spreadsheet/],
    ['text full of control characters', Buffer.from('Name\x01\x02\x03\x04\x05\x06,\x07\x08\x0e\x0f\nA\x10\x11\x12,\x13\x14\n'), 'file_unreadable', /binary data/],
    ['an Excel 97-2003 workbook', Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'), 'file_unreadable', /\.xls\).*save it as \.xlsx or CSV/],
  ])('refuses %s with a clear message', async (_label, bytes, code, message) => {
    const error = await refused(bytes);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses a corrupt .xlsx as damaged', async () => {
    const good = await xlsx([['Name'], ['Ana']]);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    const error = await refused(truncated);
    expect(error.code).toBe('file_unreadable');
    expect(error.message).toMatch(/^The Excel workbook could not be read \(.+\)\. It may be damaged/);
    // Bytes damaged inside a compressed part, the archive's directory intact.
    const scrambled = Buffer.from(good);
    for (let i = 200; i < 600; i++) scrambled[i] = 0x55;
    expect((await refused(scrambled)).code).toBe('file_unreadable');
  });

  it('refuses a zip archive that is not a workbook', async () => {
    const { zipSync } = await import('fflate');
    const error = await refused(Buffer.from(zipSync({ 'notes.txt': Buffer.from('hello') })));
    expect(error.message).toMatch(/zip archive but not an Excel workbook/);
  });
});
