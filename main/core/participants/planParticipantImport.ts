import { newRowId } from '../../../shared/rowIds';
import { importFields, type ColumnMapping, type ImportField, type ParticipantImportPreview } from '../../../shared/participantImport';
import type { Participant, ParticipantInput } from '../../../shared/participants';
import { CoreError } from '../errors';
import type { RowValues } from '../store/changeLog';
import { getForum } from '../store/forums';
import { listParticipants, participantValues } from '../store/participants';
import type { ReadContext } from '../workers/readContext';
import { findDuplicates, mergeInput, type DuplicatePlan, type DuplicatePolicy } from './findDuplicates';
import { guessMapping } from './guessMapping';
import { participantRows, type ParticipantRow } from './participantRows';
import { keepReading, readingKey, takeReading } from './previewedReading';
import { checkSize, readSpreadsheet, type Spreadsheet } from './readSpreadsheet';

export interface ImportRequest {
  forumId: string;
  /** The file's bytes, base64 as the contract carries them. */
  file: { fileName: string; data: string };
  mapping?: ColumnMapping | undefined;
  duplicates: DuplicatePolicy;
  samePerson?: number[] | undefined;
}

export interface ImportResult {
  created: number;
  merged: number;
  skipped: number;
}

export interface ParticipantPlanRequest {
  request: ImportRequest;
}

/** The writes an import makes, decided in the worker and applied by the main connection. */
export interface ParticipantPlan {
  forumId: string;
  result: ImportResult;
  /** Participants created (with their new ids) or merged into (only the cells that change). */
  writes: Array<{ rowId: string; values: RowValues }>;
  /** The list as it stood when planned; the main connection plans again if it has changed since. */
  listVersion: string;
  /** Whether the file was read and matched by the preview just before, not again (previewedReading.ts). */
  fromPreview: boolean;
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
async function readRequest(read: ReadContext, request: ImportRequest): Promise<ReadFile> {
  getForum(read.db, request.forumId);
  checkSize(decodedLength(request.file.data));
  const sheet = await readSpreadsheet(Buffer.from(request.file.data, 'base64'));
  const mapping = resolveMapping(sheet.headers, request.mapping);
  return { sheet, mapping, rows: participantRows(sheet, mapping) };
}

/** Who is listed now, and which rows match them or each other. */
function planAgainstList(read: ReadContext, request: ImportRequest, rows: ParticipantRow[]): { plan: DuplicatePlan; listed: Map<string, Participant> } {
  getForum(read.db, request.forumId);
  const people = listParticipants(read.db, request.forumId);
  return { plan: findDuplicates(people, rows, request.duplicates, new Set(request.samePerson ?? [])), listed: new Map(people.map((p) => [p.id, p])) };
}

/**
 * A fingerprint of the participant list's state: the newest change to any participant. Cheap
 * (one index range), and it moves whenever anyone adds, edits or deletes a participant.
 */
export function participantListVersion(read: Pick<ReadContext, 'db'>): string {
  const row = read.db.prepare("SELECT count(*) AS n, max(seq) AS last FROM changes WHERE tbl = 'participants'").get() as { n: number; last: number | null };
  return `${row.n}:${row.last ?? 0}`;
}

/** What importing the file would do, changing nothing. */
export async function previewParticipantImport(read: ReadContext, { request }: ParticipantPlanRequest): Promise<ParticipantImportPreview> {
  const listVersion = participantListVersion(read);
  const { sheet, mapping, rows } = await readRequest(read, request);
  const { plan, listed } = planAgainstList(read, request, rows);
  // For the import that follows, if it asks for the same and the list has not changed meanwhile.
  keepReading({ key: readingKey(request), listVersion, mapping, rows, plan, listed });
  const counts = { rows: rows.length, withErrors: 0, withWarnings: 0, duplicates: plan.duplicates.length, toReview: 0, toCreate: 0, toMerge: 0, toSkip: 0 };
  const issues: ParticipantImportPreview['issues'] = [];
  rows.forEach((row, index) => {
    if (row.hasError) counts.withErrors++;
    if (row.issues.some((i) => i.severity === 'warning')) counts.withWarnings++;
    for (const issue of row.issues) if (issues.length < maxIssues) issues.push(issue);
    const status = plan.plans[index]?.status;
    if (status === 'review') counts.toReview++;
    if (status === 'new' || status === 'review') counts.toCreate++;
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
 * Every row or none: refused while any row has an error; otherwise new people get ids and merged
 * people the cells that change, planned against the list as the worker reads it.
 */
export async function planParticipantImport(read: ReadContext, { request }: ParticipantPlanRequest): Promise<ParticipantPlan> {
  const listVersion = participantListVersion(read);
  const previewed = takeReading(readingKey(request), listVersion);
  // The forum may have gone since the preview: refused as a fresh reading would be.
  if (previewed) getForum(read.db, request.forumId);
  const { mapping, rows } = previewed ?? (await readRequest(read, request));
  const refused = rejection(rows, mapping);
  if (refused) throw refused;
  const { plan, listed } = previewed ?? planAgainstList(read, request, rows);

  const created = new Map<number, ParticipantInput>();
  const updated = new Map<string, ParticipantInput>();
  const result: ImportResult = { created: 0, merged: 0, skipped: 0 };
  rows.forEach((row, index) => {
    const rowPlan = plan.plans[index];
    if (!rowPlan || rowPlan.status === 'error') return;
    if (rowPlan.status === 'new' || rowPlan.status === 'review') {
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
  const writes: ParticipantPlan['writes'] = [];
  for (const input of created.values()) {
    writes.push({ rowId: newRowId(), values: { forum_id: request.forumId, ...participantValues(input), deleted: 0 } });
  }
  for (const [id, input] of updated) {
    const person = listed.get(id);
    if (person) writes.push({ rowId: id, values: changedCells(participantValues(toInput(person)), participantValues(input)) });
  }
  return { forumId: request.forumId, result, writes, listVersion, fromPreview: previewed !== undefined };
}

function toInput(p: Participant): ParticipantInput {
  return {
    name: p.name,
    organisation: p.organisation,
    position: p.position,
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
