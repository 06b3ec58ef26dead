import { z } from 'zod';
import { forumId } from './forum';

/** Files bigger than this are refused before they are parsed (a list of 25,000 people is ~3 MB). */
export const maxParticipantFileBytes = 20 * 1024 * 1024;
/** Rows of participants a file may hold (the header aside): four World Urban Forums' worth. */
export const maxParticipantRows = 100_000;

/** Fields a column can feed. A full name, or given and family names joined in that order. */
export const importFields = [
  'name',
  'givenName',
  'familyName',
  'organisation',
  'position',
  'orgType',
  'country',
  'gender',
  'roles',
  'email',
  'languages',
] as const;
export type ImportField = (typeof importFields)[number];

/** Which column (0-based) feeds each field; null or absent: none. */
export const columnMapping = z.partialRecord(z.enum(importFields), z.number().int().min(0).max(999).nullable());
export type ColumnMapping = z.infer<typeof columnMapping>;

export const participantFile = z
  .object({
    fileName: z.string().min(1, 'validation.required').max(255, 'validation.tooLong'),
    data: z
      .string()
      .max(Math.ceil(maxParticipantFileBytes / 3) * 4, 'validation.fileTooLarge')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.invalid'),
  })
  .strict();

export const duplicatePolicies = ['skip', 'merge'] as const;

export const participantImportInput = z
  .object({
    forumId,
    file: participantFile,
    /**
     * Laid over the guess from the header row: a field named here takes this column (null: none);
     * a field left out keeps its guessed column unless that column is given to another field here.
     * A column beyond the header row is refused with `invalid_input`.
     */
    mapping: columnMapping.optional(),
    /** What to do with a row that matches someone already listed (or an earlier row of the file). */
    duplicates: z.enum(duplicatePolicies).default('skip'),
    /**
     * Lines the user confirmed as the same person as their match although the email addresses
     * differ (reason `sameNameOtherEmail`): those follow `duplicates`; unconfirmed, they are new people.
     */
    samePerson: z.array(z.number().int().min(1)).max(maxParticipantRows).optional(),
  })
  .strict();
export type ParticipantImportInput = z.input<typeof participantImportInput>;

/**
 * A problem with one row. `code` is an i18n key under `participantImport.issues.`; errors block
 * the import, warnings do not.
 */
export const importIssue = z.object({
  line: z.number().int(),
  severity: z.enum(['error', 'warning']),
  field: z.enum(importFields).nullable(),
  code: z.string(),
  value: z.string().optional(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importDuplicate = z.object({
  line: z.number().int(),
  /** `sameNameOtherEmail`: same name and organisation, different addresses; the user decides. */
  reason: z.enum(['email', 'nameOrganisation', 'sameNameOtherEmail']),
  /** The listed participant it matches, or the earlier line of the same file. */
  existingId: z.string().nullable(),
  otherLine: z.number().int().nullable(),
  name: z.string(),
  /** `sameNameOtherEmail` only: whether the user said it is the same person (listed in `samePerson`). */
  confirmed: z.boolean().optional(),
});
export type ImportDuplicate = z.infer<typeof importDuplicate>;

export const participantImportPreview = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** CSV only: how the bytes were read. */
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  /** The first few data rows as read, for the mapping step. */
  sample: z.array(z.array(z.string())),
  mapping: columnMapping,
  counts: z.object({
    rows: z.number().int(),
    withErrors: z.number().int(),
    withWarnings: z.number().int(),
    duplicates: z.number().int(),
    /** Rows flagged for the user to decide (same name and organisation, another email), not yet confirmed. */
    toReview: z.number().int(),
    toCreate: z.number().int(),
    toMerge: z.number().int(),
    toSkip: z.number().int(),
  }),
  /** Capped at a few hundred; counts hold the totals. */
  issues: z.array(importIssue),
  duplicates: z.array(importDuplicate),
  /** The first rows as they would be stored. */
  rows: z.array(
    z.object({
      line: z.number().int(),
      name: z.string(),
      organisation: z.string(),
      position: z.string(),
      orgType: z.string().nullable(),
      country: z.string(),
      gender: z.string().nullable(),
      roles: z.array(z.string()),
      email: z.string(),
      languages: z.array(z.string()),
      /** `review`: will be created as a new person unless the user confirms it is its match. */
      status: z.enum(['new', 'merge', 'skip', 'error', 'review']),
    }),
  ),
});
export type ParticipantImportPreview = z.infer<typeof participantImportPreview>;

export const participantImportContract = {
  'participants:importPreview': { input: participantImportInput, output: participantImportPreview },
  /** All or nothing: refused with `import_rejected` while any row has an error. */
  'participants:import': {
    input: participantImportInput,
    output: z.object({ created: z.number().int(), merged: z.number().int(), skipped: z.number().int() }),
  },
} as const;
