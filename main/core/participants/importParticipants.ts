import { randomUUID } from 'node:crypto';
import {
  importFields,
  type ColumnMapping,
  type ImportField,
  type ParticipantImportPreview,
} from '../../../shared/participantImport';
import type { Participant, ParticipantInput } from '../../../shared/participants';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { writeRow, type RowValues } from '../store/changeLog';
import { getForum } from '../store/forums';
import { backupDatabase, discardBackup } from '../store/backupDatabase';
import { deferSortIndexes, listParticipants, participantValues } from '../store/participants';
import { deferSearchIndex } from './deferSearchIndex';
import { findDuplicates, mergeInput, type DuplicatePlan, type DuplicatePolicy } from './findDuplicates';
import { guessMapping } from './guessMapping';
import { participantRows, type ParticipantRow } from './participantRows';
import { checkSize, readSpreadsheet, type Spreadsheet } from './readSpreadsheet';

export interface ImportRequest {
  forumId: string;
  /** The file's bytes, base64 as the contract carries them. */
  file: { fileName: string; data: string };
  mapping?: ColumnMapping | undefined;
  duplicates: DuplicatePolicy;
}

export interface ImportResult {
  created: number;
  merged: number;
  skipped: number;
}

const maxIssues = 500;
const maxDuplicates = 500;
const previewRows = 50;
const sampleRows = 5;

/** Bytes a base64 text decodes to, known before decoding it. */
function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/**
 * The guess, with the user's choices laid over it: a field they name takes their column (null:
 * none), a field they leave out keeps the guess unless they gave its column to another field.
 */
export function resolveMapping(headers: readonly string[], given: ColumnMapping | undefined): ColumnMapping {
  const guessed = guessMapping(headers);
  if (!given) return guessed;
  const claimed = new Set(Object.values(given).filter((c): c is number => typeof c === 'number'));
  const mapping: ColumnMapping = {};
  for (const field of importFields) {
    if (Object.prototype.hasOwnProperty.call(given, field)) {
      const column = given[field];
      if (column === null || column === undefined) continue;
      if (column >= headers.length) {
        throw new CoreError(
          'invalid_input',
          `The mapping gives column ${column} to ${field}, but the file has ${headers.length} columns (numbered 0 to ${headers.length - 1}).`,
          [{ path: `mapping.${field}`, message: 'validation.invalid' }],
        );
      }
      mapping[field] = column;
    } else {
      const column = guessed[field];
      if (column !== null && column !== undefined && !claimed.has(column)) mapping[field] = column;
    }
  }
  return mapping;
}

interface ReadFile {
  sheet: Spreadsheet;
  mapping: ColumnMapping;
  rows: ParticipantRow[];
}

/** The file as participants: everything that does not depend on who is listed already. */
async function readRequest(ctx: CoreContext, request: ImportRequest): Promise<ReadFile> {
  getForum(ctx.db, request.forumId);
  checkSize(decodedLength(request.file.data));
  const sheet = await readSpreadsheet(Buffer.from(request.file.data, 'base64'));
  const mapping = resolveMapping(sheet.headers, request.mapping);
  return { sheet, mapping, rows: participantRows(sheet, mapping) };
}

/** Who is listed now, and which rows match them or each other. Synchronous, so nothing slips in before the write. */
function planAgainstList(ctx: CoreContext, request: ImportRequest, rows: ParticipantRow[]): { plan: DuplicatePlan; listed: Map<string, Participant> } {
  getForum(ctx.db, request.forumId);
  const people = listParticipants(ctx.db, request.forumId);
  return { plan: findDuplicates(people, rows, request.duplicates), listed: new Map(people.map((p) => [p.id, p])) };
}

/** What importing the file would do, changing nothing. */
export async function previewImport(ctx: CoreContext, request: ImportRequest): Promise<ParticipantImportPreview> {
  const { sheet, mapping, rows } = await readRequest(ctx, request);
  const { plan } = planAgainstList(ctx, request, rows);
  const counts = { rows: rows.length, withErrors: 0, withWarnings: 0, duplicates: plan.duplicates.length, toCreate: 0, toMerge: 0, toSkip: 0 };
  const issues: ParticipantImportPreview['issues'] = [];
  rows.forEach((row, index) => {
    if (row.hasError) counts.withErrors++;
    if (row.issues.some((i) => i.severity === 'warning')) counts.withWarnings++;
    for (const issue of row.issues) if (issues.length < maxIssues) issues.push(issue);
    const status = plan.plans[index]?.status;
    if (status === 'new') counts.toCreate++;
    else if (status === 'merge') counts.toMerge++;
    else if (status === 'skip') counts.toSkip++;
  });
  return {
    format: sheet.format,
    encoding: sheet.encoding,
    delimiter: sheet.delimiter,
    headers: sheet.headers,
    sample: sheet.rows.slice(0, sampleRows),
    mapping,
    counts,
    issues,
    duplicates: plan.duplicates.slice(0, maxDuplicates),
    rows: rows.slice(0, previewRows).map((row, index) => ({
      line: row.line,
      ...row.input,
      status: plan.plans[index]?.status ?? 'error',
    })),
  };
}

const nameFields: ImportField[] = ['name', 'givenName', 'familyName'];

function rejection(rows: ParticipantRow[], mapping: ColumnMapping): CoreError | undefined {
  if (!nameFields.some((field) => typeof mapping[field] === 'number')) {
    return new CoreError('import_rejected', 'No column is mapped to the names (a full name, or given and family names). Nothing was imported.');
  }
  const failing = rows.filter((row) => row.hasError);
  if (failing.length === 0) return undefined;
  const lines = failing.slice(0, 5).map((row) => row.line).join(', ');
  const more = failing.length > 5 ? ', …' : '';
  const which = failing.length === 1 ? `1 row has errors (line ${lines})` : `${failing.length} rows have errors (lines ${lines}${more})`;
  return new CoreError('import_rejected', `${which}. Nothing was imported: correct the file or the column mapping and try again.`);
}

/**
 * Imports every row or none: refused while any row has an error; otherwise the database is
 * backed up, then new people are created and duplicates merged or skipped in one transaction,
 * planned against the list as it is at that moment (no await between the plan and the write).
 */
export async function importParticipants(ctx: CoreContext, request: ImportRequest, options: { backupDir?: string } = {}): Promise<ImportResult> {
  const { mapping, rows } = await readRequest(ctx, request);
  const refused = rejection(rows, mapping);
  if (refused) throw refused;
  const backup = await backupDatabase(ctx.db, ctx.databasePath, options.backupDir, 'before-participant-import');
  try {
    return applyImport(ctx, request, rows);
  } catch (error) {
    discardBackup(backup);
    throw error;
  }
}

function applyImport(ctx: CoreContext, request: ImportRequest, rows: ParticipantRow[]): ImportResult {
  const { plan, listed } = planAgainstList(ctx, request, rows);

  // People created by the file, and listed people merged into, each with what they will hold.
  const created = new Map<number, ParticipantInput>();
  const updated = new Map<string, ParticipantInput>();
  const result: ImportResult = { created: 0, merged: 0, skipped: 0 };
  rows.forEach((row, index) => {
    const rowPlan = plan.plans[index];
    if (!rowPlan || rowPlan.status === 'error') return;
    if (rowPlan.status === 'new') {
      created.set(index, row.input);
      result.created++;
    } else if (rowPlan.status === 'skip') {
      result.skipped++;
    } else if (rowPlan.existingId !== null) {
      const person = listed.get(rowPlan.existingId);
      const before = updated.get(rowPlan.existingId) ?? (person && toInput(person));
      if (before) updated.set(rowPlan.existingId, mergeInput(before, row.input));
      result.merged++;
    } else if (rowPlan.intoRow !== null) {
      const before = created.get(rowPlan.intoRow);
      if (before) created.set(rowPlan.intoRow, mergeInput(before, row.input));
      result.merged++;
    }
  });

  ctx.db.transaction(() => {
    if (created.size > 0) {
      deferSearchIndex(ctx.db, () =>
        deferSortIndexes(ctx.db, () => {
          for (const input of created.values()) {
            writeRow(ctx, 'participants', randomUUID(), { forum_id: request.forumId, ...participantValues(input), deleted: 0 });
          }
        }),
      );
    }
    for (const [id, input] of updated) {
      const person = listed.get(id);
      if (person) writeRow(ctx, 'participants', id, changedCells(participantValues(toInput(person)), participantValues(input)));
    }
  })();
  return result;
}

function toInput(p: Participant): ParticipantInput {
  return {
    name: p.name,
    organisation: p.organisation,
    orgType: p.orgType,
    country: p.country,
    gender: p.gender,
    roles: p.roles,
    email: p.email,
    languages: p.languages,
  };
}

/** Only what the merge changed, so a concurrent edit of another field on another laptop survives. */
function changedCells(before: RowValues, after: RowValues): RowValues {
  const changed: RowValues = {};
  for (const [column, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[column])) changed[column] = value;
  }
  return changed;
}
