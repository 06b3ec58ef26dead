import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ParticipantImportInput, ParticipantImportPreview } from '../../../shared/participantImport';
import type { Participant } from '../../../shared/participants';
import type { AppError } from '../../../shared/result';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { tempCore, validForum } from '../helpers/tempCore';

export const fixturesDir = path.resolve(__dirname, '../../fixtures/participants');
export const fixture = (name: string): Buffer => fs.readFileSync(path.join(fixturesDir, name));

/** A real core holding one forum with nobody in it yet. */
export async function forumCore(): Promise<{ ctx: CoreContext; forumId: string }> {
  const ctx = await tempCore();
  const created = await dispatch(ctx, 'electron', 'forums:create', validForum);
  if (!created.ok) throw new Error(created.error.message);
  return { ctx, forumId: (created.value as { id: string }).id };
}

type Options = Omit<ParticipantImportInput, 'forumId' | 'file'> & { fileName?: string };

function request(forumId: string, bytes: Uint8Array, options: Options = {}): ParticipantImportInput {
  const { fileName = 'participants.csv', ...rest } = options;
  return { forumId, file: { fileName, data: Buffer.from(bytes).toString('base64') }, ...rest };
}

export async function preview(ctx: CoreContext, forumId: string, bytes: Uint8Array, options?: Options): Promise<ParticipantImportPreview> {
  const result = await dispatch(ctx, 'electron', 'participants:importPreview', request(forumId, bytes, options));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ParticipantImportPreview;
}

export async function runImport(ctx: CoreContext, forumId: string, bytes: Uint8Array, options?: Options) {
  const result = await dispatch(ctx, 'electron', 'participants:import', request(forumId, bytes, options));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as { created: number; merged: number; skipped: number };
}

/** The error both commands give, checked to be the same, for files that cannot be read at all. */
export async function refusal(ctx: CoreContext, forumId: string, bytes: Uint8Array, options?: Options): Promise<AppError> {
  const errors: AppError[] = [];
  for (const command of ['participants:importPreview', 'participants:import']) {
    const result = await dispatch(ctx, 'electron', command, request(forumId, bytes, options));
    expect(result.ok, command).toBe(false);
    if (!result.ok) errors.push(result.error);
  }
  expect(errors[1]).toEqual(errors[0]);
  return errors[0] as AppError;
}

export async function listed(ctx: CoreContext, forumId: string): Promise<Participant[]> {
  const result = await dispatch(ctx, 'electron', 'participants:query', { forumId, limit: 1000 });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { rows: Participant[] }).rows;
}

// Windows-1252's bytes 0x80-0x9F, for writing test files the way old Excel saves them.
const cp1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b,
  'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99,
  'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** Text as a file in the given encoding; `bom` adds the byte order mark. */
export function encode(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' | 'windows-1252', bom = false): Buffer {
  if (encoding === 'utf-8') return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
    return encoding === 'utf-16le' ? le : le.swap16();
  }
  return Buffer.from(
    [...text].map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (code < 0x80 || (code >= 0xa0 && code < 0x100)) return code;
      const high = encoding === 'windows-1252' ? cp1252[c] : undefined;
      if (high === undefined) throw new Error(`${c} has no byte in ${encoding}`);
      return high;
    }),
  );
}

/** An .xlsx workbook whose first sheet holds these rows (ExcelJS cell values). */
export async function xlsx(rows: ExcelJS.CellValue[][], extraSheetFirst = false): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Participants');
  for (const row of rows) sheet.addRow(row);
  if (extraSheetFirst) workbook.addWorksheet('Notes').addRow(['not this one']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
