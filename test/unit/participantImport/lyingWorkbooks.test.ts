import { describe, expect, it } from 'vitest';
import { maxParticipantRows } from '../../../shared/participantImport';
import { CoreError } from '../../../main/core/errors';
import { readSpreadsheet } from '../../../main/core/participants/readSpreadsheet';
import { lyingWorkbooks, minimalWorkbook, sheetXml } from '../helpers/lyingWorkbooks';
import { forumCore, refusal, xlsx } from './importHarness';
import { snapshot } from '../helpers/tempCore';

async function refused(bytes: Uint8Array): Promise<CoreError> {
  const error: unknown = await readSpreadsheet(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CoreError);
  return error as CoreError;
}

/** No archive or XML library's own words, no control characters. */
function expectPlain(message: string) {
  expect(message).not.toMatch(/Bug :|uncompressed data|Corrupted zip|End of data|invalid (block|distance|length|zip)|unexpected EOF|Unexpected close tag|Unclosed root|Line: \d/i);
  // eslint-disable-next-line no-control-regex
  expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\ufffd]/);
}

const csvOf = (people: number) => ['Name,Email', ...Array.from({ length: people }, (_, i) => `Person ${i},p${i}@example.org`)].join('\n');

describe('workbooks that lie about their sizes', () => {
  it('are refused before ExcelJS unpacks them, in words a person can act on', async () => {
    const real = await xlsx([['Name', 'Email'], ['Ana Lima', 'ana@example.br']]);
    const [sheet, strings] = lyingWorkbooks(real);
    expect(sheet?.bytes.length).toBeLessThan(3 * 1024 * 1024);
    const bomb = await refused(sheet?.bytes ?? new Uint8Array());
    expect(bomb).toMatchObject({ code: 'file_unreadable', message: expect.stringMatching(/^The Excel workbook would unpack to far more than its size \(a “zip bomb”\), so it was not opened\./) });
    expectPlain(bomb.message);
    const declared = await refused(strings?.bytes ?? new Uint8Array());
    expect(declared).toMatchObject({ code: 'file_too_large', message: 'The workbook unpacks to 2,048 MB; the limit is 200 MB. Split the list into smaller files.' });
  });

  it('change nothing when imported', async () => {
    const { ctx, forumId } = await forumCore();
    const [sheet] = lyingWorkbooks(await xlsx([['Name'], ['Ana Lima']]));
    const before = snapshot(ctx);
    const error = await refusal(ctx, forumId, sheet?.bytes ?? new Uint8Array(), { fileName: 'list.xlsx' });
    expect(error.code).toBe('file_unreadable');
    expect(snapshot(ctx)).toBe(before);
  });

  it('that are damaged are called damaged, without the archive library’s words', async () => {
    const good = await xlsx([['Name'], ['Ana']]);
    const scrambled = Buffer.from(good);
    for (let i = 200; i < 600; i++) scrambled[i] = 0x55;
    for (const bytes of [good.subarray(0, good.length / 2), scrambled, minimalWorkbook(Buffer.from('<worksheet><sheetData><row><c'))]) {
      const error = await refused(bytes);
      expect(error.code).toBe('file_unreadable');
      expect(error.message).toMatch(/^The Excel workbook could not be read \(.+\)\. It may be damaged/);
      expectPlain(error.message);
    }
  });
});

describe('at most 100,000 rows of participants', () => {
  it('a workbook with more is refused while it unpacks, saying so', async () => {
    expect((await readSpreadsheet(minimalWorkbook(sheetXml(3, 2)))).rows).toEqual([
      ['0', '1'],
      ['0', '1'],
    ]);
    const error = await refused(minimalWorkbook(sheetXml(maxParticipantRows + 2, 1)));
    expect(error).toMatchObject({ code: 'file_too_large', message: 'The file has more than 100,000 rows of participants, the most one import takes. Split it into smaller files.' });
  });

  it('a worksheet of more than a million cells is refused too', async () => {
    const error = await refused(minimalWorkbook(sheetXml(10_001, 100)));
    expect(error).toMatchObject({ code: 'file_too_large', message: expect.stringMatching(/more than 1,000,000 cells/) });
  });

  it('a CSV file with more is refused, one with exactly as many is read', async () => {
    expect((await readSpreadsheet(Buffer.from(csvOf(maxParticipantRows)))).rows).toHaveLength(maxParticipantRows);
    const error = await refused(Buffer.from(`${csvOf(maxParticipantRows + 1)}\n\n`));
    expect(error).toMatchObject({ code: 'file_too_large', message: 'The file has more than 100,000 rows of participants, the most one import takes. Split it into smaller files.' });
  });
});
