import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addSecondForum, cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempCore';
import { fixturesDir } from './importHarness';

/** A database with the demo forum (200 participants), and its bytes for "nothing changed". */
async function demoDb() {
  const dir = tempDir();
  const db = path.join(dir, 'plenary.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  const bytes = () => fs.readFileSync(db);
  return { dir, db, bytes };
}

const english = path.join(fixturesDir, 'english.csv');

describe('plenary participants import', () => {
  it('previews without writing on --dry-run, then imports', async () => {
    const { db, bytes } = await demoDb();
    const before = bytes();
    const dry = await cli('participants', 'import', english, '--db', db, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("english.csv: CSV, UTF-8, comma-separated, 4 rows");
    expect(dry.out).toContain("Column 'E-mail' -> email");
    expect(dry.out).toContain("Column 'Full name' -> name");
    expect(dry.out).toContain('Would add 4, merge 0, skip 0 (0 duplicates). Rows with errors: 0; with warnings: 0.');
    expect(dry.out).toMatch(/Dry run: nothing was written\.$/);
    expect(bytes().equals(before)).toBe(true);

    const done = await cli('participants', 'import', english, '--db', db);
    expect(done).toMatchObject({ code: 0, out: expect.stringMatching(/Imported: 4 added, 0 merged, 0 skipped\.$/) });
    const again = await cli('participants', 'import', english, '--db', db, '--duplicates', 'merge', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ imported: { created: 0, merged: 4, skipped: 0 }, preview: { counts: { duplicates: 4 } } });
  });

  it('flags the same name and organisation under another email, and --same-person confirms it', async () => {
    const { dir, db, bytes } = await demoDb();
    const file = path.join(dir, 'two.csv');
    fs.writeFileSync(file, 'Name,Organisation,Email\r\nMaría López,Universidad de Chile,maria@uchile.cl\r\nMaria Lopez,Universidad de Chile,mlopez@gmail.com\r\n');
    const dry = await cli('participants', 'import', file, '--db', db, '--dry-run');
    expect(dry.out).toContain('line 3: Maria Lopez: same name and organisation, another email (to check: added as another person; --same-person to confirm) as line 2');
    const before = bytes();
    const bad = await cli('participants', 'import', file, '--db', db, '--same-person', 'three');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--same-person takes line numbers');
    expect(bytes().equals(before)).toBe(true);
    const done = await cli('participants', 'import', file, '--db', db, '--same-person', '3', '--json');
    expect(JSON.parse(done.out)).toMatchObject({ imported: { created: 1, merged: 0, skipped: 1 } });
  });

  it('lists problems by line and exits 1 when the import is refused, writing nothing', async () => {
    const { db, bytes } = await demoDb();
    const before = bytes();
    const result = await cli('participants', 'import', path.join(fixturesDir, 'missing-fields.csv'), '--db', db);
    expect(result.code).toBe(1);
    expect(result.out).toContain('line 3: error: name: no name');
    expect(result.out).toContain('line 4: error: email: not a valid email address ("joao(at)example.br")');
    expect(result.out).toMatch(/Not imported\. 2 rows have errors \(lines 3, 4\)/);
    expect(bytes().equals(before)).toBe(true);
    const dry = await cli('participants', 'import', path.join(fixturesDir, 'missing-fields.csv'), '--db', db, '--dry-run');
    expect(dry).toMatchObject({ code: 1, out: expect.stringMatching(/would be refused while rows have errors/) });
  });

  it('takes a mapping by column number or by header', async () => {
    const { dir, db } = await demoDb();
    const file = path.join(dir, 'odd.csv');
    fs.writeFileSync(file, 'Contact,Affiliation,Home\nAna Lima,Prefeitura,ana@example.br\n');
    const result = await cli('participants', 'import', file, '--db', db, '--mapping', '{"name": "contact", "email": 2}', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toContain("Column 'Contact' -> name");
    expect(result.out).toContain("Column 'Home' -> email");
    expect(result.out).toContain("Column 'Affiliation' -> organisation");
  });

  it('reads .xlsx', async () => {
    const { dir, db } = await demoDb();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Liste').addRows([['Nom', 'Prénom', 'Courriel'], ['Ba', 'Ousmane', 'o.ba@example.sn']]);
    const file = path.join(dir, 'liste.xlsx');
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = await cli('participants', 'import', file, '--db', db);
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('liste.xlsx: Excel workbook, 1 rows') });
    expect(result.out).toContain("Column 'Nom' -> familyName");
  });

  it('refuses a 100 MB file before reading it, with exit code 2', async () => {
    const { dir, db, bytes } = await demoDb();
    const huge = path.join(dir, 'huge.csv');
    // Sparse: 100 MB on paper, no time or disk to write it.
    fs.writeFileSync(huge, 'Name\n');
    fs.truncateSync(huge, 100 * 1024 * 1024);
    const before = bytes();
    const result = await cli('participants', 'import', huge, '--db', db);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/huge\.csv is 100 MB; the limit is 20 MB\. Split the list into smaller files\./);
    expect(bytes().equals(before)).toBe(true);
  });

  it.each([
    [['participants', 'import'], /Name at least 1 file/],
    [['participants', 'import', 'nowhere.csv'], /There is no file at nowhere\.csv/],
    [['participants', 'import', english, english], /Name one file to import/],
    [['participants', 'import', english, '--mapping', '{email: 3}'], /--mapping is not valid JSON/],
    [['participants', 'import', english, '--mapping', '[3]'], /--mapping must be a JSON object/],
    [['participants', 'import', english, '--mapping', '{"phone": 3}'], /unknown field "phone"; the fields are name, givenName/],
    [['participants', 'import', english, '--mapping', '{"email": -1}'], /email must be a column number from 0/],
    [['participants', 'import', english, '--mapping', '{"email": 12}'], /gives column 12 to email, but the file has 8 columns/],
    [['participants', 'import', english, '--mapping', '{"email": "Courriel"}'], /no column is headed "Courriel"/],
    [['participants', 'import', english, '--duplicates', 'keep'], /--duplicates must be skip or merge/],
    [['participants', 'export', '--format', 'ods'], /--format must be csv or xlsx/],
    [['participants', 'export', '--format', 'xlsx'], /--out FILE/],
  ])('exits 2 with usage for %j', async (argv, message) => {
    const { db, bytes } = await demoDb();
    const before = bytes();
    const result = await cli(...argv, '--db', db);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(bytes().equals(before)).toBe(true);
  });

  it('does not create a database where a mistyped --db points', async () => {
    const db = path.join(tempDir(), 'typo.sqlite');
    expect(await cli('participants', 'import', english, '--db', db)).toMatchObject({ code: 1, err: expect.stringMatching(/There is no database at/) });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('asks which forum when there are several', async () => {
    const { db } = await demoDb();
    await addSecondForum(db);
    const result = await cli('participants', 'import', english, '--db', db);
    expect(result).toMatchObject({ code: 2, err: expect.stringMatching(/holds 2 forums: say which with --forum ID/) });
  });

  it('reports an unreadable file with exit code 1', async () => {
    const { dir, db } = await demoDb();
    const png = path.join(dir, 'photo.csv');
    fs.writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    expect(await cli('participants', 'import', png, '--db', db)).toMatchObject({ code: 1, err: expect.stringMatching(/not a spreadsheet: it is a PNG image/) });
    expect(await cli('participants', 'import', path.join(fixturesDir, 'empty.csv'), '--db', db)).toMatchObject({ code: 1, err: 'The file is empty.' });
  });
});

describe('plenary participants export', () => {
  it('prints CSV, writes .xlsx, and the CSV imports back as duplicates of everyone', async () => {
    const { dir, db } = await demoDb();
    const printed = await cli('participants', 'export', '--db', db);
    expect(printed.code).toBe(0);
    const lines = printed.out.split('\r\n');
    expect(lines[0]).toBe('Name,Organisation,Organisation type,Country,Country name,Gender,Roles,Email,Languages,Checked in at,Title or position');
    expect(lines).toHaveLength(201);

    const xlsxFile = path.join(dir, 'list.xlsx');
    const written = await cli('participants', 'export', '--db', db, '--out', xlsxFile);
    expect(written).toMatchObject({ code: 0, out: `Wrote 200 participants to ${xlsxFile} (Excel workbook).` });
    expect(fs.readFileSync(xlsxFile).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');

    const csvFile = path.join(dir, 'list.csv');
    expect((await cli('participants', 'export', '--db', db, '--out', csvFile)).code).toBe(0);
    for (const file of [csvFile, xlsxFile]) {
      const back = await cli('participants', 'import', file, '--db', db, '--dry-run', '--json');
      expect(JSON.parse(back.out).preview.counts).toMatchObject({ rows: 200, withErrors: 0, duplicates: 200, toCreate: 0 });
    }
  });
});
