import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { exportParticipants, neutraliseFormula } from '../../../main/core/participants/exportParticipants';
import type { ExportedFile, Participant } from '../../../shared/participants';
import { snapshot } from '../helpers/tempCore';
import { forumWithPeople, must } from './participantFixture';

const header = ['Name', 'Organisation', 'Organisation type', 'Country', 'Country name', 'Gender', 'Roles', 'Email', 'Languages', 'Checked in at', 'Title or position'];

async function exported() {
  const made = await forumWithPeople([
    { name: 'José Núñez', organisation: 'Ministerio de Vivienda, Ordenamiento Territorial y Desarrollo Urbano', country: 'MX', roles: ['chair', 'speaker'], languages: ['es', 'en'] },
    { name: 'Anne "Nan" Lee', organisation: 'Line one\nline two', country: 'GB', gender: 'female', email: '' },
    { name: '=HYPERLINK("http://evil.example","click")', organisation: '+1 (555) 0100', country: '' },
    { name: '-2+3', organisation: '@SUM(A1:A9)', orgType: null, gender: null, roles: [], languages: [] },
    { name: '王小明', organisation: '联合国人居署', country: 'CN', email: 'wang@example.cn' },
    { name: 'Deleted Person' },
  ]);
  const deleted = made.created.find((p) => p.name === 'Deleted Person') as Participant;
  await must(made.ctx, 'participants:setDeleted', { id: deleted.id, deleted: true });
  const wang = made.created.find((p) => p.name === '王小明') as Participant;
  await must(made.ctx, 'participants:checkIn', { id: wang.id, checkedIn: true });
  return made;
}

const fromBase64 = (file: ExportedFile) => Buffer.from(file.data, 'base64');

describe('participants:export', () => {
  it('exports the list as the screen shows it when given its search, filters and order', async () => {
    const { ctx, forumId } = await exported();
    const before = snapshot(ctx);
    const rowsOf = async (filter: object) => {
      const file = await must<ExportedFile>(ctx, 'participants:export', { forumId, format: 'csv', filter });
      const parsed = Papa.parse<string[]>(fromBase64(file).toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
      expect(parsed).toHaveLength(file.rows);
      return parsed.map((row) => row[0]);
    };
    expect(await rowsOf({ checkedIn: true })).toEqual(['王小明']);
    expect(await rowsOf({ text: 'nunez' })).toEqual(['José Núñez']);
    expect(await rowsOf({ role: 'chair', sort: 'name' })).toEqual(['José Núñez']);
    expect(await rowsOf({ country: 'GB' })).toEqual(['Anne "Nan" Lee']);
    // The same people as the whole export, in the order the screen's list has them.
    const all = await rowsOf({});
    expect(all).toHaveLength(5);
    const byCountry = await rowsOf({ sort: 'country', descending: true });
    const listed = await must<{ rows: Participant[] }>(ctx, 'participants:query', { forumId, sort: 'country', descending: true, limit: 100 });
    expect(byCountry).toEqual(listed.rows.map((p) => neutraliseFormula(p.name)));
    expect([...byCountry].sort()).toEqual([...all].sort());
    expect(byCountry).not.toEqual(all);
    expect(snapshot(ctx)).toBe(before);
  });

  it('neutralises every value a spreadsheet would run as a formula', () => {
    for (const value of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx']) expect(neutraliseFormula(value)).toBe(`'${value}`);
    for (const value of ['', 'Ana', '1-2', 'a=b', "'quoted", ' =spaced']) expect(neutraliseFormula(value)).toBe(value);
  });

  it('writes CSV in UTF-8 with a BOM, RFC 4180 quoting and neutralised formulas', async () => {
    const { ctx, forumId } = await exported();
    const before = snapshot(ctx);
    const file = await must<ExportedFile>(ctx, 'participants:export', { forumId, format: 'csv' });
    expect(snapshot(ctx)).toBe(before);
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.fileName).toMatch(/^participants-workshop-on-rural-heritage-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.rows).toBe(5);

    const bytes = fromBase64(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith(`${header.join(',')}\r\n`)).toBe(true);
    // Commas, quotes and newlines quoted as RFC 4180 says.
    expect(text).toContain('"Ministerio de Vivienda, Ordenamiento Territorial y Desarrollo Urbano"');
    expect(text).toContain('"Anne ""Nan"" Lee","Line one\nline two"');

    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const rows = parsed.data.slice(1);
    const byName = new Map(rows.map((r) => [r[0], r]));
    expect(byName.get('José Núñez')).toEqual(['José Núñez', 'Ministerio de Vivienda, Ordenamiento Territorial y Desarrollo Urbano', 'un_international', 'MX', 'Mexico', 'female', 'chair; speaker', 'ana.silva@example.org', 'es; en', '', '']);
    expect(byName.get(`'=HYPERLINK("http://evil.example","click")`)?.slice(0, 5)).toEqual([`'=HYPERLINK("http://evil.example","click")`, "'+1 (555) 0100", 'un_international', '', '']);
    expect(byName.get("'-2+3")?.slice(0, 2)).toEqual(["'-2+3", "'@SUM(A1:A9)"]);
    const wang = byName.get('王小明');
    expect(wang?.slice(0, 5)).toEqual(['王小明', '联合国人居署', 'un_international', 'CN', 'China']);
    expect(wang?.[9]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // Live participants only, in the list's name order.
    expect(rows.map((r) => r[0])).not.toContain('Deleted Person');
    expect(rows.map((r) => r[0])).toEqual([`'-2+3`, `'=HYPERLINK("http://evil.example","click")`, 'Anne "Nan" Lee', 'José Núñez', '王小明']);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes an .xlsx with a bold, frozen, filtered header whose text cells read back as the CSV', async () => {
    const { ctx, forumId } = await exported();
    const before = snapshot(ctx);
    const xlsx = await must<ExportedFile>(ctx, 'participants:export', { forumId, format: 'xlsx' });
    const csv = await must<ExportedFile>(ctx, 'participants:export', { forumId, format: 'csv' });
    expect(snapshot(ctx)).toBe(before);
    expect(xlsx.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.fileName).toBe(csv.fileName.replace(/\.csv$/, '.xlsx'));
    expect(xlsx.rows).toBe(5);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(fromBase64(xlsx)).buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).font?.bold).toBe(true);

    const cells: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let c = 1; c <= header.length; c++) {
        const cell = row.getCell(c);
        // Every filled cell is text: nothing a spreadsheet would evaluate.
        if (cell.value !== null && cell.value !== '') expect(cell.type).toBe(ExcelJS.ValueType.String);
        values.push(cell.value === null ? '' : String(cell.value));
      }
      cells.push(values);
    });
    const fromCsv = Papa.parse<string[]>(fromBase64(csv).toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(cells).toEqual(fromCsv);
    expect(cells[0]).toEqual(header);
  });

  it('exports an empty forum as a header alone', async () => {
    const { ctx, forumId } = await forumWithPeople([]);
    const file = await must<ExportedFile>(ctx, 'participants:export', { forumId, format: 'csv' });
    expect(file.rows).toBe(0);
    expect(fromBase64(file).toString('utf8')).toBe(`\uFEFF${header.join(',')}\r\n`);
  });

  it('names the file after the forum, in plain letters, dated in the forum time zone', async () => {
    const { ctx, forumId } = await forumWithPeople([]);
    // 23:30 UTC on 1 March is already 2 March in Asia/Tokyo but still 1 March in Mérida.
    const now = new Date('2026-03-01T23:30:00Z');
    expect((await exportParticipants(ctx.db, forumId, 'csv', now)).fileName).toBe('participants-workshop-on-rural-heritage-2026-03-01.csv');
    const tokyo = await must<{ id: string }>(ctx, 'forums:create', {
      title: { zh: '城市论坛', en: 'Ürban Fórum: Tokyo!' },
      theme: {},
      venue: {},
      startDate: '2026-03-02',
      endDate: '2026-03-03',
      timeZone: 'Asia/Tokyo',
      coOrganisers: [],
      languages: ['zh', 'en'],
      sourceLanguage: 'en',
      outcomeKind: 'communique',
    });
    expect((await exportParticipants(ctx.db, tokyo.id, 'xlsx', now)).fileName).toBe('participants-urban-forum-tokyo-2026-03-02.xlsx');
    const chinese = await must<{ id: string }>(ctx, 'forums:create', {
      title: { zh: '城市论坛' },
      theme: {},
      venue: {},
      startDate: '2026-03-02',
      endDate: '2026-03-03',
      timeZone: 'Asia/Shanghai',
      coOrganisers: [],
      languages: ['zh'],
      sourceLanguage: 'zh',
      outcomeKind: 'communique',
    });
    expect((await exportParticipants(ctx.db, chinese.id, 'csv', now)).fileName).toBe('participants-forum-2026-03-02.csv');
  });

  it('refuses an unknown forum or format and changes nothing', async () => {
    const { ctx, forumId } = await forumWithPeople([{}]);
    const before = snapshot(ctx);
    expect(await dispatch(ctx, 'cli', 'participants:export', { forumId: 'no-such-forum', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(ctx, 'cli', 'participants:export', { forumId, format: 'ods' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(ctx, 'cli', 'participants:export', { forumId, format: 'csv', path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(snapshot(ctx)).toBe(before);
  });
});
