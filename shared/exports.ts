import { z } from 'zod';
import { explanationPlacements } from './decisions';
import { rowId } from './agenda';
import { forumId } from './forum';
import { languageTagPattern } from './languages';

export const outcomeFormats = ['docx', 'pdf', 'md', 'html'] as const;
export const agendaFormats = ['docx', 'pdf', 'html'] as const;
export const participantFormats = ['docx', 'csv'] as const;
export const exportVariants = ['clean', 'amendments'] as const;
export type ExportVariant = (typeof exportVariants)[number];
export const paperSizes = ['a4', 'letter'] as const;
export type PaperSize = (typeof paperSizes)[number];

const language = z.string().regex(languageTagPattern, 'validation.languageTag');
/** Long exports report how far they are; the screen polls with the id it chose. */
export const exportId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'validation.id');

export const outcomeExportInput = z
  .object({
    documentId: rowId,
    format: z.enum(outcomeFormats),
    /** One language, or several printed side by side in parallel columns (source order kept as given). */
    languages: z.array(language).min(1, 'validation.required').max(6, 'validation.tooMany'),
    variant: z.enum(exportVariants),
    annexes: z.object({ participation: z.boolean(), provenance: z.boolean(), decisions: z.boolean().optional() }).strict(),
    /** Explanations of position or vote and reservations: footnotes on their paragraphs (the default), or in the decisions annex. */
    explanations: z.enum(explanationPlacements).optional(),
    /**
     * A paragraph without text in an exported language: refused with `translations_missing` (the
     * check lists them) unless this is set, in which case the source text is printed, marked.
     */
    fallback: z.boolean(),
    paper: z.enum(paperSizes),
    /** An earlier issuance (id or symbol): the export shows the changes since it as tracked changes. */
    compareTo: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong').optional(),
    exportId: exportId.optional(),
  })
  .strict()
  .refine((input) => new Set(input.languages).size === input.languages.length, { path: ['languages'], message: 'validation.duplicateLanguage' });
export type OutcomeExportInput = z.infer<typeof outcomeExportInput>;

/** A translation an export would lack: a paragraph (or a header field) in one language. */
export const missingTranslation = z.object({
  lang: z.string(),
  /** Paragraph id, or null for a header field (title, preamble, lead-in...). */
  paragraphId: z.string().nullable(),
  /** The paragraph's number among numbered ones, if it has one. */
  number: z.number().int().nullable(),
  /** 'paragraph' for a paragraph, else the header field's name (title, subtitle, place, preamble, leadIn, closing). */
  field: z.string(),
});
export type MissingTranslation = z.infer<typeof missingTranslation>;

/** A produced file, whole. The screen downloads it (browser mode) or the shell saves it. */
export const exportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** Base64. */
  data: z.string(),
  bytes: z.number().int(),
  /** Where the desktop app or the CLI wrote it, when it did. */
  savedTo: z.string().nullable(),
});
export type ExportedFile = z.infer<typeof exportedFile>;

export const exportProgress = z.object({
  phase: z.enum(['reading', 'composing', 'writing', 'printing', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});
export type ExportProgress = z.infer<typeof exportProgress>;

export const exportsContract = {
  /** What an export in these languages would lack, so the dialog can list it and offer the fallback. */
  'export:outcomeCheck': {
    input: z.object({ documentId: rowId, languages: z.array(language).min(1, 'validation.required').max(6, 'validation.tooMany') }).strict(),
    output: z.object({ missing: z.array(missingTranslation) }),
  },
  'export:outcome': {
    input: outcomeExportInput,
    output: exportedFile,
  },
  /** The agenda in one language: days, times, rooms, roles. */
  'export:agenda': {
    input: z
      .object({ forumId, format: z.enum(agendaFormats), lang: language, paper: z.enum(paperSizes), exportId: exportId.optional() })
      .strict(),
    output: exportedFile,
  },
  /** The participant list (DOCX table in `lang`, or CSV). */
  'export:participants': {
    input: z.object({ forumId, format: z.enum(participantFormats), lang: language, exportId: exportId.optional() }).strict(),
    output: exportedFile,
  },
  /** Participation figures (by country, organisation type, gender, session) as a Word table. */
  'export:participation': {
    input: z.object({ forumId, lang: language, exportId: exportId.optional() }).strict(),
    output: exportedFile,
  },
  'export:progress': {
    input: z.object({ exportId }).strict(),
    output: exportProgress.nullable(),
  },
} as const;
