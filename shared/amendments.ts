import { z } from 'zod';
import { rowId } from './agenda';
import { languageTagPattern } from './languages';
import { draftParagraph, maxParagraphText } from './outcome';

/** Replace the paragraph's text, insert a new paragraph after it, or delete it. */
export const amendmentKinds = ['replace', 'insert_after', 'delete'] as const;
export type AmendmentKind = (typeof amendmentKinds)[number];
export const amendmentStatuses = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
export type AmendmentStatus = (typeof amendmentStatuses)[number];
export const stanceKinds = ['support', 'objection', 'reservation'] as const;
export type StanceKind = (typeof stanceKinds)[number];

/** A delegation: a listed participant, or a name typed on the spot (an organisation, a country). */
export const delegation = z
  .object({
    participantId: rowId.nullable(),
    name: z.string().trim().max(200, 'validation.tooLong'),
  })
  .strict()
  .refine((d) => d.participantId !== null || d.name.length > 0, { path: ['name'], message: 'validation.required' });
export type Delegation = z.infer<typeof delegation>;

export const amendmentInput = z
  .object({
    paragraphId: rowId,
    kind: z.enum(amendmentKinds, 'validation.required'),
    /** The language of the text amended (usually the source language). */
    lang: z.string().regex(languageTagPattern, 'validation.languageTag'),
    /** The proposed text; empty for a deletion. */
    text: z.string().trim().max(maxParagraphText, 'validation.tooLong'),
    proposer: delegation,
    rationale: z.string().trim().max(5000, 'validation.tooLong'),
    /** The client's id for the amendment, so a proposal retried after a lost answer never makes two. */
    id: rowId.optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.kind !== 'delete' && a.text.length === 0) ctx.addIssue({ code: 'custom', path: ['text'], message: 'validation.emptyAmendment' });
  });
export type AmendmentInput = z.infer<typeof amendmentInput>;

export const amendment = z.object({
  id: z.string(),
  paragraphId: z.string(),
  kind: z.enum(amendmentKinds),
  lang: z.string(),
  text: z.string(),
  /** The paragraph's text in `lang` when the amendment was proposed: what its diff is against. */
  baseText: z.string(),
  proposer: z.object({ participantId: z.string().nullable(), name: z.string() }),
  rationale: z.string(),
  status: z.enum(amendmentStatuses),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The paragraph's text changed since: accepting asks for a review first. */
  stale: z.boolean(),
  /** Other live versions of the amendment's text from concurrent edits. */
  alternatives: z.array(z.string()),
});
export type Amendment = z.infer<typeof amendment>;

export const stance = z.object({
  id: z.string(),
  paragraphId: z.string(),
  participantId: z.string().nullable(),
  /** The participant's organisation or name, or the name typed. */
  delegation: z.string(),
  stance: z.enum(stanceKinds),
  note: z.string(),
});
export type Stance = z.infer<typeof stance>;

export const amendmentsContract = {
  /** A paragraph's amendments, oldest first, whatever their status: nothing proposed is lost. */
  'amendments:list': {
    input: z.object({ paragraphId: rowId }).strict(),
    output: z.array(amendment),
  },
  'amendments:propose': {
    input: amendmentInput,
    output: amendment,
  },
  /** The proposer's edits while it is open. */
  'amendments:update': {
    input: z
      .object({
        id: rowId,
        text: z.string().trim().max(maxParagraphText, 'validation.tooLong').optional(),
        rationale: z.string().trim().max(5000, 'validation.tooLong').optional(),
      })
      .strict(),
    output: amendment,
  },
  /**
   * The chair's decision. Accepting applies it (a new revision, a new paragraph, or a deletion);
   * if the paragraph changed since the amendment was made it is refused with `amendment_stale`
   * unless `reviewedText` is the paragraph's current text, i.e. the chair has seen the change.
   * `open` reopens a decision (undo); reopening an accepted one takes its effect back while the
   * paragraph is as the acceptance left it.
   */
  'amendments:decide': {
    input: z
      .object({
        id: rowId,
        decision: z.enum(amendmentStatuses),
        reviewedText: z.string().max(maxParagraphText).optional(),
      })
      .strict(),
    output: z.object({ amendment, paragraph: draftParagraph.nullable() }),
  },
  'stances:list': {
    input: z.object({ paragraphId: rowId }).strict(),
    output: z.array(stance),
  },
  /** One stance per delegation and paragraph: setting it again replaces it; null clears it. */
  'stances:set': {
    input: z
      .object({
        paragraphId: rowId,
        delegation,
        stance: z.enum(stanceKinds).nullable(),
        note: z.string().trim().max(2000, 'validation.tooLong'),
      })
      .strict(),
    output: z.array(stance),
  },
} as const;
