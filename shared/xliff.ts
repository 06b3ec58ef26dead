import { z } from 'zod';
import { rowId } from './agenda';
import { forumId } from './forum';
import { languageTagPattern } from './languages';

/*
 * Translators' files: XLIFF out to a CAT tool (Trados, memoQ, OmegaT) and back. A unit is one
 * multilingual cell of one row (`outcome_paragraphs.text.<row id>`), so an id stays the same in
 * every export of the same text and names exactly what an import writes.
 */

/** A file bigger than this is refused before it is parsed (a 60-paragraph document plus a 500-session agenda is ~1 MB). */
export const maxXliffFileBytes = 16 * 1024 * 1024;
/** Units a file may hold: far beyond a World Urban Forum's agenda, documents and key messages. */
export const maxXliffUnits = 50_000;

export const xliffVersions = ['2.0', '1.2'] as const;
export type XliffVersion = (typeof xliffVersions)[number];

/** What a file carries: one document, the agenda (the forum's own fields and every session's), or the key messages. */
export const xliffScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), documentId: rowId.optional() }).strict(),
  z.object({ kind: z.literal('agenda') }).strict(),
  z.object({ kind: z.literal('keyMessages') }).strict(),
]);
export type XliffScope = z.infer<typeof xliffScope>;

export const xliffExportInput = z
  .object({
    forumId,
    lang: z.string().regex(languageTagPattern, 'validation.languageTag'),
    scope: xliffScope.default({ kind: 'document' }),
    version: z.enum(xliffVersions).default('2.0'),
  })
  .strict();
export type XliffExportInput = z.input<typeof xliffExportInput>;

export const xliffExportOutput = z.object({
  fileName: z.string(),
  /** The XLIFF document itself (UTF-8 text). */
  xml: z.string(),
  units: z.number().int(),
  /** Units by their state in the target language when exported. */
  missing: z.number().int(),
  outdated: z.number().int(),
  current: z.number().int(),
});
export type XliffExportOutput = z.infer<typeof xliffExportOutput>;

export const xliffFileInput = z
  .object({
    forumId,
    fileName: z.string().min(1, 'validation.required').max(255, 'validation.tooLong'),
    /** The file as text; its size is bounded before it is parsed. */
    xml: z.string().max(maxXliffFileBytes, 'validation.fileTooLarge'),
  })
  .strict();
export type XliffFileInput = z.input<typeof xliffFileInput>;

/**
 * What importing a file would do. translated: units that will be written; unchanged: their
 * translation is already what the file says; untranslated: no target in the file; changed: the
 * source text changed since the export, so the translation is kept aside (not written, the unit
 * stays missing or out of date); unknown: the row is gone (deleted since the export, or never
 * on this laptop), so the unit is skipped.
 */
export const xliffPreview = z.object({
  forumId: z.string(),
  sourceLanguage: z.string(),
  lang: z.string(),
  version: z.enum(xliffVersions),
  units: z.number().int(),
  translated: z.number().int(),
  unchanged: z.number().int(),
  untranslated: z.number().int(),
  changed: z.number().int(),
  unknown: z.number().int(),
  /** The unit ids kept aside because their source changed, and those skipped as unknown (first 50 each). */
  changedIds: z.array(z.string()),
  unknownIds: z.array(z.string()),
});
export type XliffPreview = z.infer<typeof xliffPreview>;

export const xliffImportOutput = xliffPreview.extend({ written: z.number().int() });
export type XliffImportOutput = z.infer<typeof xliffImportOutput>;

export const xliffContract = {
  'xliff:export': { input: xliffExportInput, output: xliffExportOutput },
  /** Reads the file and says what importing it would do; changes nothing. */
  'xliff:preview': { input: xliffFileInput, output: xliffPreview },
  /** Writes the translated units through the change log in one transaction. */
  'xliff:import': { input: xliffFileInput, output: xliffImportOutput },
} as const;
