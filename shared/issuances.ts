import { z } from 'zod';
import { rowId } from './agenda';
import { exportId, exportedFile, outcomeFormats, paperSizes } from './exports';
import { languageTagPattern } from './languages';

// Issuing an outcome document under a symbol (issue 15, item 2): a frozen, signed snapshot of the
// document in every working language, then revisions (…/Rev.1) and corrigenda (…/Corr.1). An
// issuance is a synced row whose snapshot no one may change afterwards, here or on any laptop.

export const issuanceKinds = ['original', 'revision', 'corrigendum'] as const;
export type IssuanceKind = (typeof issuanceKinds)[number];

export const maxSymbolChars = 120;

/**
 * A document symbol as the secretariat types it (`UN-Habitat/EGM/2026/L.1`): trimmed, printable,
 * one line, bounded. Compared as typed: `L.1` and `l.1` are two symbols.
 */
export const issuanceSymbol = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(maxSymbolChars, 'validation.tooLong')
  .regex(/^[^\p{C}\p{Zl}\p{Zp}]+$/u, 'validation.controlCharacters');

/** An issuance as lists show it; its snapshot stays in the core (exports read it). */
export const issuance = z.object({
  id: z.string(),
  forumId: z.string(),
  documentId: z.string(),
  symbol: z.string(),
  kind: z.enum(issuanceKinds),
  /** The issuance a revision or corrigendum revises, and its symbol; null for an original. */
  revises: z.string().nullable(),
  revisesSymbol: z.string().nullable(),
  /** ISO time on the issuing laptop's clock. */
  issuedAt: z.string(),
  /** The laptop that issued and signed it. */
  laptop: z.object({ deviceId: z.string(), name: z.string(), fingerprint: z.string() }),
  /** The working languages the snapshot holds, source first. */
  languages: z.array(z.string()),
  /** The document's title per language, as issued. */
  title: z.record(z.string(), z.string()),
  /** Paragraphs in the snapshot (headings included). */
  paragraphs: z.number().int(),
  /** Set when another issuance of the same symbol was chosen to stand. */
  withdrawn: z.boolean(),
  /** Its hash or signature does not verify: shown, never used. */
  damaged: z.boolean(),
  /** Another live issuance of the forum has the same symbol (two laptops issued it). */
  conflict: z.boolean(),
});
export type Issuance = z.infer<typeof issuance>;

/** Two or more live issuances under one symbol: the secretariat chooses the one that stands. */
export const issuanceConflict = z.object({ symbol: z.string(), issuanceIds: z.array(z.string()) });
export type IssuanceConflict = z.infer<typeof issuanceConflict>;

export const issuanceList = z.object({
  documentId: z.string(),
  /** Oldest first. */
  issuances: z.array(issuance),
  conflicts: z.array(issuanceConflict),
  /** What the issue dialog offers: the kind and symbol of the next issuance, and what it revises. */
  next: z.object({ kind: z.enum(issuanceKinds), symbol: z.string(), revises: z.string().nullable() }),
  /** The next revision's and corrigendum's symbols, once there is something to revise. */
  nextRevision: z.string().nullable(),
  nextCorrigendum: z.string().nullable(),
});
export type IssuanceList = z.infer<typeof issuanceList>;

const language = z.string().regex(languageTagPattern, 'validation.languageTag');

export const issuancesContract = {
  /** A document's issuances, with conflicts and the next symbol to offer. */
  'outcome:issuances': {
    input: z.object({ documentId: rowId }).strict(),
    output: issuanceList,
  },
  /** Issues the document as it stands under a symbol: signed by this laptop, frozen for good. */
  'outcome:issue': {
    input: z
      .object({
        documentId: rowId,
        symbol: issuanceSymbol,
        /** Default: original for a document never issued, else revision. */
        kind: z.enum(issuanceKinds).optional(),
        /** The issuance it revises (revision, corrigendum); default: the latest live one. */
        revises: rowId.optional(),
      })
      .strict(),
    output: issuance,
  },
  /** Of two issuances under one symbol, this one stands: the others are marked withdrawn. */
  'outcome:chooseIssuance': {
    input: z.object({ issuanceId: rowId }).strict(),
    output: issuanceList,
  },
  /** An issuance's own text, as issued (never the draft as it is now). */
  'export:issuance': {
    input: z
      .object({
        issuanceId: rowId,
        format: z.enum(outcomeFormats),
        languages: z.array(language).min(1, 'validation.required').max(6, 'validation.tooMany'),
        paper: z.enum(paperSizes),
        exportId: exportId.optional(),
      })
      .strict()
      .refine((input) => new Set(input.languages).size === input.languages.length, { path: ['languages'], message: 'validation.duplicateLanguage' }),
    output: exportedFile,
  },
} as const;
