import { describe, expect, it } from 'vitest';
import { maxParticipantFileBytes } from '../../../shared/participantImport';
import { snapshot } from '../helpers/tempCore';
import { encode, fixture, forumCore, listed, preview, refusal, runImport, xlsx } from './importHarness';

// The issue's list of bad input. Files that are merely awkward (encodings, delimiters, quoted line
// breaks) must preview exactly, change nothing until imported, then import as read; files that
// cannot be imported must be refused with a message saying why, and change nothing.

const people = 'Name;Organisation;Country;Email\r\nJosé Núñez;“Cámara” de Comercio €;España;jose@example.es\r\nZoë Ångström;Universität Wien;Autriche;zoe@example.at\r\n';

describe('awkward files are read as written', () => {
  it.each([
    ['UTF-8 with a byte order mark', encode(people, 'utf-8', true), 'utf-8'],
    ['UTF-16 LE with a byte order mark', encode(people, 'utf-16le', true), 'utf-16le'],
    ['UTF-16 BE', encode(people, 'utf-16be'), 'utf-16be'],
    ['UTF-16 BE with a byte order mark', encode(people, 'utf-16be', true), 'utf-16be'],
    ['Windows-1252 (smart quotes, €, accents)', encode(people, 'windows-1252'), 'windows-1252'],
  ])('CSV in %s', async (_label, bytes, encoding) => {
    const { ctx, forumId } = await forumCore();
    const before = snapshot(ctx);
    const read = await preview(ctx, forumId, bytes);
    expect(read).toMatchObject({ encoding, delimiter: ';', headers: ['Name', 'Organisation', 'Country', 'Email'] });
    expect(read.rows.map((r) => [r.name, r.organisation, r.country])).toEqual([
      ['José Núñez', '“Cámara” de Comercio €', 'ES'],
      ['Zoë Ångström', 'Universität Wien', 'AT'],
    ]);
    expect(snapshot(ctx)).toBe(before);
    expect(await runImport(ctx, forumId, bytes)).toEqual({ created: 2, merged: 0, skipped: 0 });
    expect((await listed(ctx, forumId)).map((p) => p.organisation).sort()).toEqual(['Universität Wien', '“Cámara” de Comercio €']);
  });

  it('CSV in Latin-1', async () => {
    const { ctx, forumId } = await forumCore();
    const bytes = encode('Nom,Organisation,Pays\nFrançois Müller,Société Générale,Suisse\n', 'latin1');
    const before = snapshot(ctx);
    const read = await preview(ctx, forumId, bytes);
    expect(read.rows[0]).toMatchObject({ name: 'François Müller', organisation: 'Société Générale', country: 'CH' });
    expect(snapshot(ctx)).toBe(before);
  });

  it.each([
    ['semicolons', 'semicolon-fr.csv', ';', ['Marie Dupont', 'Ousmane Ba', 'Claire Martin']],
    ['tabs', 'tab-es.tsv', '\t', ['Lucía Fernández', 'Jorge Ramírez']],
  ])('CSV separated by %s', async (_label, file, delimiter, names) => {
    const { ctx, forumId } = await forumCore();
    const before = snapshot(ctx);
    const read = await preview(ctx, forumId, fixture(file));
    expect(read.delimiter).toBe(delimiter);
    expect(read.rows.map((r) => r.name)).toEqual(names);
    expect(read.counts).toMatchObject({ withErrors: 0, withWarnings: 0, toCreate: names.length });
    expect(snapshot(ctx)).toBe(before);
  });

  it('CSV with line breaks inside quoted cells', async () => {
    const { ctx, forumId } = await forumCore();
    const before = snapshot(ctx);
    const read = await preview(ctx, forumId, fixture('quoted-newlines.csv'));
    expect(read.rows.map((r) => [r.line, r.name, r.organisation])).toEqual([
      [2, 'Grace Wanjiru', 'Kenya Red Cross'],
      [5, 'Tomás Silva', 'Câmara Municipal de Lisboa'],
      [8, 'Helen Park', 'City of Seoul'],
    ]);
    expect(snapshot(ctx)).toBe(before);
  });
});

describe('files that cannot be imported are refused and change nothing', () => {
  it.each([
    ['an empty file', () => fixture('empty.csv'), 'import_rejected', /^The file is empty\.$/],
    ['a header-only file', () => fixture('header-only.csv'), 'import_rejected', /^The file has a header row but no rows of participants below it\.$/],
    ['a PNG image', () => Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), 'file_unreadable', /^The file is not a spreadsheet: it is a PNG image\./],
    ['binary junk', () => Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)), 'file_unreadable', /^The file is not a spreadsheet/],
  ])('%s', async (_label, bytes, code, message) => {
    const { ctx, forumId } = await forumCore();
    const before = snapshot(ctx);
    const error = await refusal(ctx, forumId, bytes());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(snapshot(ctx)).toBe(before);
  });

  it('a corrupt .xlsx', async () => {
    const { ctx, forumId } = await forumCore();
    const good = await xlsx([['Name', 'Email'], ['Ana Lima', 'ana@example.br']]);
    const before = snapshot(ctx);
    const error = await refusal(ctx, forumId, good.subarray(0, good.length - 300), { fileName: 'list.xlsx' });
    expect(error).toMatchObject({ code: 'file_unreadable', message: expect.stringMatching(/^The Excel workbook could not be read .* may be damaged/) });
    expect(snapshot(ctx)).toBe(before);
  });

  it('a file over the size limit, refused before it is decoded', async () => {
    const { ctx, forumId } = await forumCore();
    const before = snapshot(ctx);
    const error = await refusal(ctx, forumId, Buffer.alloc(maxParticipantFileBytes + 1, 0x41));
    expect(error).toEqual({ code: 'file_too_large', message: 'The file is just over 20 MB; the limit is 20 MB. Split the list into smaller files.' });
    expect(snapshot(ctx)).toBe(before);
  });

  it('rows with missing required fields: shown line by line, and the import refused', async () => {
    const { ctx, forumId } = await forumCore();
    const before = snapshot(ctx);
    const read = await preview(ctx, forumId, fixture('missing-fields.csv'));
    expect(read.counts).toMatchObject({ rows: 4, withErrors: 2, toCreate: 2 });
    expect(read.issues).toEqual([
      { line: 3, severity: 'error', field: 'name', code: 'nameMissing' },
      { line: 4, severity: 'error', field: 'email', code: 'emailInvalid', value: 'joao(at)example.br' },
    ]);
    expect(read.rows.map((r) => [r.line, r.status])).toEqual([[2, 'new'], [3, 'error'], [4, 'error'], [6, 'new']]);
    await expect(runImport(ctx, forumId, fixture('missing-fields.csv'))).rejects.toThrow(
      'import_rejected: 2 rows have errors (lines 3, 4). Nothing was imported: correct the file or the column mapping and try again.',
    );
    expect(snapshot(ctx)).toBe(before);
  });
});
