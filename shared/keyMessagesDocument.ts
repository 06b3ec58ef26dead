import { z } from 'zod';
import { rowId } from './agenda';
import { forumId } from './forum';

/** What one run of the Key messages generator did to the document. */
export const keyMessagesGeneration = z.object({
  documentId: z.string(),
  /** The document was made by this run (the forum had no Key messages document). */
  created: z.boolean(),
  /** Paragraphs new in this run: session headings and key messages. */
  added: z.number().int(),
  /** Untouched generated paragraphs whose session title or key message changed, refreshed. */
  updated: z.number().int(),
  /** Generated paragraphs edited since, whose source changed: kept as edited, and flagged. */
  keptEdited: z.number().int(),
  /** Generated paragraphs whose key message is no longer validated (or whose session has none left): flagged, kept. */
  withdrawn: z.number().int(),
  /** Paragraphs added by this run, so the screen can offer to take them back out. */
  addedIds: z.array(z.string()),
});
export type KeyMessagesGeneration = z.infer<typeof keyMessagesGeneration>;

/**
 * A generated paragraph that needs the drafters' eye: its source changed after they edited it
 * (`changed`, with the source's text now), its source is gone or no longer validated
 * (`withdrawn`), or its source changed and it was not edited (`refresh`: generating again updates it).
 */
export const generatedFlag = z.object({
  paragraphId: z.string(),
  state: z.enum(['changed', 'withdrawn', 'refresh']),
  sessionId: z.string().nullable(),
  keyMessageId: z.string().nullable(),
  /** The languages concerned. */
  languages: z.array(z.string()),
  /** The source's text now, per language (empty when it is gone). */
  sourceText: z.record(z.string(), z.string()),
});
export type GeneratedFlag = z.infer<typeof generatedFlag>;

export const keyMessagesDocumentContract = {
  /**
   * Builds, or refreshes, the forum's Key messages document: a heading per session with validated
   * key messages, then each of them, in agenda order. Edited paragraphs are kept and flagged;
   * nothing the drafters wrote is deleted. Refused, changing nothing, when there is nothing to generate.
   */
  'documents:generateKeyMessages': {
    /** `documentId`: that Key messages document of the forum; by default its first one (made if there is none). */
    input: z.object({ forumId, documentId: rowId.optional() }).strict(),
    output: keyMessagesGeneration,
  },
  /** The document's generated paragraphs that need attention, in document order. */
  'documents:generatedFlags': {
    input: z.object({ documentId: rowId }).strict(),
    output: z.array(generatedFlag),
  },
  /** "Keep my text": the flag of an edited paragraph is dismissed until its source changes again. */
  'documents:keepEdited': {
    input: z.object({ paragraphId: rowId }).strict(),
    output: z.object({ paragraphId: z.string() }),
  },
  /** Undo of a generation: the paragraphs it added, untouched since, are taken out again. */
  'documents:takeBackGenerated': {
    input: z.object({ documentId: rowId, paragraphIds: z.array(rowId).min(1, 'validation.required').max(10_000, 'validation.tooMany') }).strict(),
    output: z.object({ removed: z.number().int() }),
  },
} as const;
