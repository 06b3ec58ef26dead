import { z } from 'zod';
import { forumId } from './forum';

/** Text with the matched stretches marked: [start, end) offsets in UTF-16 code units. */
export const highlighted = z.object({ text: z.string(), matches: z.array(z.tuple([z.number().int(), z.number().int()])) });
export type Highlighted = z.infer<typeof highlighted>;

const hit = z.object({ id: z.string(), sessionId: z.string().nullable(), lang: z.string().nullable(), snippet: highlighted });

export const searchResults = z.object({
  query: z.string(),
  notes: z.array(hit),
  keyMessages: z.array(hit),
  sessions: z.array(hit),
  participants: z.array(hit),
  /** Hits per group before the limit. */
  totals: z.object({ notes: z.number().int(), keyMessages: z.number().int(), sessions: z.number().int(), participants: z.number().int() }),
  /**
   * True when counting notes stopped early, so the notes total is a lower bound (show "1,000+"):
   * only for words of one or two letters found in nearly every note.
   */
  notesTotalIsLowerBound: z.boolean(),
});
export type SearchResults = z.infer<typeof searchResults>;

export const searchContract = {
  /** Plain text: quotes, *, NEAR and parentheses are searched for as typed, never as syntax. */
  'search:query': {
    input: z.object({ forumId, text: z.string().max(200, 'validation.tooLong'), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: searchResults,
  },
} as const;
