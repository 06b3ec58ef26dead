import { z } from 'zod';
import { rowId, translationState } from './agenda';
import { forumId, isoDate, outcomeKinds, paragraphStatuses, sessionKinds } from './forum';
import { languageTagPattern } from './languages';
import { multilingualText } from './multilingual';
import { coOrganiserNames, documentContact, maxContacts } from './documentContacts';
import { maxParagraphLevel, openingStyles, paragraphRoles, roleNumberings } from './paragraphPlace';

/** How numbered paragraphs are labelled: "First, …" in each language, "1.", or not at all. */
export const numberingStyles = ['ordinal', 'numbers', 'none'] as const;
export type NumberingStyle = (typeof numberingStyles)[number];

/** A numbered point, an unnumbered paragraph (a closing call, say), or a section heading. */
export const paragraphKinds = ['numbered', 'plain', 'heading'] as const;
export type ParagraphKind = (typeof paragraphKinds)[number];
export type ParagraphStatus = (typeof paragraphStatuses)[number];

export const documentId = rowId;

/** Longest paragraph text per language (a 2,000-word paragraph fits several times). */
export const maxParagraphText = 50_000;

/** One signatory of a letter or announcement: a name, and a title and organisation per language. */
export const signatory = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    title: multilingualText(300),
    organisation: multilingualText(300),
  })
  .strict();

/** The title block and frame of an outcome document: what the form sends and the store checks. */
export const outcomeDocumentInput = z
  .object({
    kind: z.enum(outcomeKinds, 'validation.required'),
    title: multilingualText(300),
    subtitle: multilingualText(500),
    place: multilingualText(300),
    startDate: isoDate,
    endDate: isoDate,
    coOrganisers: z.array(z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong')).max(50, 'validation.tooMany'),
    preamble: multilingualText(20_000),
    leadIn: multilingualText(1000),
    /** The closing line; where a language has none, "place, end date" is shown in that language. */
    closing: multilingualText(300),
    numbering: z.enum(numberingStyles, 'validation.required'),
    addressee: multilingualText(1000).optional(),
    signatories: z.array(signatory).max(50, 'validation.tooMany').optional(),
    /** The co-organisers per language, one a line; left out by an older form: unchanged. */
    coOrganiserNames: coOrganiserNames.optional(),
    /** The participation sentence in the title block; left out: the kind's default (or unchanged). */
    participation: z.boolean().optional(),
    /** The closing place-and-date line; left out: the kind's default (or unchanged). */
    closingLine: z.boolean().optional(),
    contacts: z.array(documentContact).max(maxContacts, 'validation.tooMany').optional(),
    /** PPs and OPs numbered in one count or apart (PP1…, OP1…); left out: unchanged (together when new). */
    roleNumbering: z.enum(roleNumberings, 'validation.invalid').optional(),
    /** An operative paragraph's opening phrase: italic or underlined; left out: unchanged (italic when new). */
    openingStyle: z.enum(openingStyles, 'validation.invalid').optional(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    if (doc.endDate < doc.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'validation.endBeforeStart' });
  });
export type OutcomeDocumentInput = z.infer<typeof outcomeDocumentInput>;

const texts = z.record(z.string(), z.string());
const translationsOf = z.record(z.string(), translationState);

/** Where a paragraph stands (see shared/paragraphPlace.ts): its number, suffix (bis…) and sub-paragraph path. */
export const paragraphPlace = z.object({
  number: z.number().int().nullable(),
  countedAs: z.enum(paragraphRoles).nullable(),
  suffix: z.number().int(),
  path: z.array(z.number().int()),
});

/** A delegation proposing an alternative: a name as typed or picked from the participants' delegations. */
export const proposerName = z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong');
export const paragraphRole = z.enum(paragraphRoles, 'validation.unknownRole');
export const paragraphLevel = z.number().int().min(0, 'validation.invalid').max(maxParagraphLevel, 'validation.invalid');

/** "Nothing is agreed until everything is agreed": paragraphs (headings aside) by where they stand. */
export const statusCounts = z.object({ agreed: z.number().int(), adRef: z.number().int(), bracketed: z.number().int(), open: z.number().int() });
export type StatusCounts = z.infer<typeof statusCounts>;

export const draftParagraph = z.object({
  id: z.string(),
  documentId: z.string(),
  kind: z.enum(paragraphKinds),
  /** Fractional index within the document: two laptops' moves merge into one order. */
  position: z.string(),
  /** 1, 2, 3… among the numbered paragraphs; null for headings and plain paragraphs. */
  number: z.number().int().nullable(),
  /** A heading seeded from the kind's sections: its key (its heading prints in each language). */
  section: z.string().nullable(),
  text: texts,
  status: z.enum(paragraphStatuses),
  /** Per working language other than the source. */
  translations: translationsOf,
  /** Per language, other live versions from concurrent edits on other laptops, not yet settled. */
  alternatives: z.record(z.string(), z.array(z.string())),
  /** Live key messages it draws on, and the sessions they come from. */
  keyMessageIds: z.array(z.string()),
  sessionIds: z.array(z.string()),
  amendments: z.object({ open: z.number().int(), total: z.number().int() }),
  stances: z.object({ support: z.number().int(), objection: z.number().int(), reservation: z.number().int() }),
  /** Preambular or operative; null: neither. */
  role: z.enum(paragraphRoles).nullable(),
  /** 0 a paragraph, 1 a sub-paragraph (a), 2 (i): as printed (never deeper than one below the one before). */
  level: z.number().int(),
  place: paragraphPlace,
  /** While alternatives are negotiated: the paragraph this one is an alternative of (its `bis`, `ter`…). */
  alternativeOf: z.string().nullable(),
  /** One of several alternatives still under negotiation (the paragraph itself too): printed bracketed. */
  inNegotiation: z.boolean(),
  /** Who proposed it (alternatives): delegations. */
  proposers: z.array(z.string()),
});
export type DraftParagraph = z.infer<typeof draftParagraph>;

/** A known kind, or one a newer Plenary made (kept as is; `isDocumentKind` tells them apart). */
const storedKind = z.string();

export const outcomeDocument = z.object({
  id: z.string(),
  forumId: z.string(),
  kind: storedKind,
  title: texts,
  subtitle: texts,
  place: texts,
  startDate: z.string(),
  endDate: z.string(),
  coOrganisers: z.array(z.string()),
  preamble: texts,
  leadIn: texts,
  closing: texts,
  numbering: z.enum(numberingStyles),
  /** Letters and announcements: to whom, per language. */
  addressee: texts,
  signatories: z.array(signatory),
  coOrganiserNames: texts,
  /** Whether the title block prints the participation sentence (the document's choice, else its kind's). */
  participation: z.boolean(),
  /** Whether the closing place-and-date line prints (the document's choice, else its kind's). */
  closingLine: z.boolean(),
  contacts: z.array(documentContact),
  /** The forum's working languages, source first, and its source language. */
  languages: z.array(z.string()),
  sourceLanguage: z.string(),
  /** Per header field (title, subtitle, place, preamble, leadIn, closing), per non-source language. */
  translations: z.record(z.string(), translationsOf),
  paragraphs: z.array(draftParagraph),
  roleNumbering: z.enum(roleNumberings),
  openingStyle: z.enum(openingStyles),
  counts: statusCounts,
  /** Every live paragraph's place by id (withdrawn alternatives too): what a cross-reference prints. */
  places: z.record(z.string(), paragraphPlace),
});
export type OutcomeDocument = z.infer<typeof outcomeDocument>;

export const documentSummary = z.object({
  id: z.string(),
  kind: storedKind,
  title: texts,
  paragraphs: z.number().int(),
});

/** A key message behind a paragraph, with its session and the notes (and speakers) behind it. */
export const paragraphSource = z.object({
  keyMessageId: z.string(),
  text: texts,
  theme: z.string(),
  sessionId: z.string(),
  sessionTitle: texts,
  notes: z.array(z.object({ id: z.string(), text: z.string(), lang: z.string(), speakerName: z.string() })),
});
export type ParagraphSource = z.infer<typeof paragraphSource>;

/** One saved version of a paragraph's text in one language, as the change log keeps it. */
export const paragraphRevision = z.object({
  /** `device/hlc`: the change that wrote it. */
  id: z.string(),
  text: z.string(),
  device: z.string(),
  /** The laptop's name as known here ("Rapporteur B"), else its id. */
  author: z.string(),
  /** ISO time read from the clock. */
  at: z.string(),
  /** Still one of the versions shown (not replaced by a later edit). */
  live: z.boolean(),
});
export type ParagraphRevision = z.infer<typeof paragraphRevision>;

export const coverageRow = z.object({
  sessionId: z.string(),
  title: texts,
  day: z.string(),
  startTime: z.string(),
  kind: z.enum(sessionKinds),
  keyMessages: z.number().int(),
  /** Paragraphs drawing on the session's key messages, in document order. */
  paragraphs: z.array(z.object({ id: z.string(), number: z.number().int().nullable(), kind: z.enum(paragraphKinds) })),
});
export type CoverageRow = z.infer<typeof coverageRow>;

const paragraphText = multilingualText(maxParagraphText);

export const outcomeContract = {
  /** The forum's outcome documents; empty until one is created. */
  'outcome:list': {
    input: z.object({ forumId }).strict(),
    output: z.array(documentSummary),
  },
  'outcome:get': {
    input: z.object({ documentId }).strict(),
    output: outcomeDocument,
  },
  /** The forum's first document takes the forum's id, so two laptops creating it make one. */
  'outcome:create': {
    input: z.object({ forumId, document: outcomeDocumentInput }).strict(),
    output: outcomeDocument,
  },
  'outcome:update': {
    input: z.object({ documentId, document: outcomeDocumentInput }).strict(),
    output: outcomeDocument,
  },
  /** Sessions (breaks aside) with the paragraphs that draw on their key messages. */
  'outcome:coverage': {
    input: z.object({ documentId }).strict(),
    output: z.array(coverageRow),
  },
  /**
   * A new paragraph after `after` (null: first). With key messages and no text, it starts as their
   * text joined, per language; empty text is refused either way.
   */
  'paragraphs:create': {
    input: z
      .object({
        documentId,
        after: rowId.nullable(),
        kind: z.enum(paragraphKinds),
        text: paragraphText,
        role: paragraphRole.nullable().optional(),
        level: paragraphLevel.optional(),
        keyMessageIds: z.array(rowId).max(100, 'validation.tooMany').optional(),
        /** The client's id for the paragraph, so a create retried after a lost answer never makes two. */
        id: rowId.optional(),
      })
      .strict(),
    output: draftParagraph,
  },
  /** Emptying the source text is refused (delete the paragraph instead); an empty translation removes it. */
  'paragraphs:update': {
    input: z
      .object({
        id: rowId,
        text: paragraphText.optional(),
        status: z.enum(paragraphStatuses).optional(),
        kind: z.enum(paragraphKinds).optional(),
        role: paragraphRole.nullable().optional(),
        level: paragraphLevel.optional(),
        proposers: z.array(proposerName).max(50, 'validation.tooMany').optional(),
      })
      .strict(),
    output: draftParagraph,
  },
  /**
   * An alternative to paragraph `id` (its `bis`, then `ter`…), with its text and proposers. Agreeing
   * one (status agreed or agreed ad ref, through paragraphs:update) withdraws the others.
   */
  'paragraphs:addAlternative': {
    input: z
      .object({
        id: rowId,
        text: paragraphText,
        proposers: z.array(proposerName).max(50, 'validation.tooMany'),
        /** The client's id for the alternative, so a retried request never makes two. */
        alternativeId: rowId.optional(),
      })
      .strict(),
    output: draftParagraph,
  },
  'paragraphs:move': {
    input: z.object({ id: rowId, after: rowId.nullable(), before: rowId.nullable() }).strict(),
    output: draftParagraph,
  },
  'paragraphs:setDeleted': {
    input: z.object({ id: rowId, deleted: z.boolean() }).strict(),
    output: z.object({ id: z.string(), deleted: z.boolean() }),
  },
  /** Replaces the set of key messages the paragraph draws on. */
  'paragraphs:setSources': {
    input: z.object({ id: rowId, keyMessageIds: z.array(rowId).max(100, 'validation.tooMany') }).strict(),
    output: draftParagraph,
  },
  'paragraphs:sources': {
    input: z.object({ id: rowId }).strict(),
    output: z.array(paragraphSource),
  },
  /** Every version of the text in one language, newest first. */
  'paragraphs:history': {
    input: z.object({ id: rowId, lang: z.string().regex(languageTagPattern, 'validation.languageTag') }).strict(),
    output: z.array(paragraphRevision),
  },
} as const;
