import { z } from 'zod';
import { rowId } from './agenda';
import { forumId } from './forum';
import { multilingualText } from './multilingual';

export const keyMessageStatuses = ['draft', 'validated'] as const;

export const keyMessageSource = z.object({
  noteId: z.string(),
  sessionId: z.string(),
  text: z.string(),
  lang: z.string(),
  speakerId: z.string().nullable(),
  /** The participant's name, or the name typed on the note. */
  speakerName: z.string(),
});

export const keyMessage = z.object({
  id: z.string(),
  sessionId: z.string(),
  text: z.record(z.string(), z.string()),
  theme: z.string(),
  /** Fractional index: orders within the session and merges when two laptops reorder. */
  position: z.string(),
  status: z.enum(keyMessageStatuses),
  sources: z.array(keyMessageSource),
  /** Per language, other live versions from concurrent edits, not yet settled. */
  alternatives: z.record(z.string(), z.array(z.string())),
});
export type KeyMessage = z.infer<typeof keyMessage>;

export const keyMessagesContract = {
  'keyMessages:list': {
    input: z.object({ forumId, sessionId: rowId.optional() }).strict(),
    output: z.array(keyMessage),
  },
  /** From one or more notes of the session; the text starts as theirs unless given. */
  'keyMessages:promote': {
    input: z
      .object({ sessionId: rowId, noteIds: z.array(rowId).min(1, 'validation.required').max(50, 'validation.tooMany'), text: multilingualText(5000).optional() })
      .strict(),
    output: keyMessage,
  },
  'keyMessages:update': {
    input: z
      .object({ id: rowId, text: multilingualText(5000).optional(), theme: z.string().trim().max(120, 'validation.tooLong').optional(), status: z.enum(keyMessageStatuses).optional() })
      .strict(),
    output: keyMessage,
  },
  /** Moves a message between two others of its session (either may be absent: first or last). */
  'keyMessages:move': {
    input: z.object({ id: rowId, after: rowId.nullable(), before: rowId.nullable() }).strict(),
    output: keyMessage,
  },
  /** The two become one that keeps both sets of sources; the other is tombstoned and points to it. */
  'keyMessages:merge': {
    input: z.object({ keepId: rowId, mergeId: rowId, text: multilingualText(5000).optional() }).strict(),
    output: keyMessage,
  },
  'keyMessages:setDeleted': {
    input: z.object({ id: rowId, deleted: z.boolean() }).strict(),
    output: z.object({ id: z.string(), deleted: z.boolean() }),
  },
  /** Pairs that likely say the same thing, computed locally (no network, no model). */
  'keyMessages:duplicates': {
    input: z.object({ forumId }).strict(),
    output: z.array(z.object({ a: z.string(), b: z.string(), score: z.number() })),
  },
} as const;
