import { z } from 'zod';
import { rowId } from './agenda';
import { exportId, exportedFile } from './exports';
import { languageTagPattern } from './languages';

// The compilation text (issue 15, item 3): the table negotiators read to see who wants what, one
// row per paragraph of the current text with every proposal on it, who proposed and supported it,
// the objections and reservations, and the rationale.

export const compilationFormats = ['docx', 'html', 'md'] as const;
export type CompilationFormat = (typeof compilationFormats)[number];
/**
 * Which amendments the compilation lists: every one, decided ones marked as accepted, rejected or
 * withdrawn (the record of the negotiation, the default), or only those still open.
 */
export const compilationScopes = ['all', 'open'] as const;
export type CompilationScope = (typeof compilationScopes)[number];

export const compilationExportInput = z
  .object({
    documentId: rowId,
    format: z.enum(compilationFormats),
    /** One working language: the column headings, labels and the current text are in it. */
    lang: z.string().regex(languageTagPattern, 'validation.languageTag'),
    amendments: z.enum(compilationScopes),
    exportId: exportId.optional(),
  })
  .strict();
export type CompilationExportInput = z.infer<typeof compilationExportInput>;

export const compilationContract = {
  /** The compilation text of an outcome document, as Word (a landscape table), HTML or Markdown. */
  'export:compilation': {
    input: compilationExportInput,
    output: exportedFile,
  },
} as const;
