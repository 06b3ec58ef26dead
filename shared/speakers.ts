import { z } from 'zod';
import { rowId } from './agenda';
import { forumId } from './forum';
import { maxSpeakingMs, speakerKinds } from './speakingTime';

export { speakerKinds, type SpeakerKind } from './speakingTime';

/** waiting, then speaking, then done; withdrawn leaves the queue without having spoken. */
export const speakerStatuses = ['waiting', 'speaking', 'done', 'withdrawn'] as const;
export type SpeakerStatus = (typeof speakerStatuses)[number];

/** A speakers' list belongs to a session of the agenda, or to a paragraph being drafted. */
export const speakerListSubject = z
  .object({ kind: z.enum(['session', 'paragraph']), id: rowId })
  .strict();
export type SpeakerListSubject = z.infer<typeof speakerListSubject>;

const durationMs = z.number().int('validation.invalid').min(0, 'validation.durationNegative').max(maxSpeakingMs, 'validation.durationTooLong');

export const speakingTimes = z.object({ statement: durationMs, reply: durationMs, point_of_order: durationMs }).strict();

const entry = z.object({
  id: z.string(),
  participantId: z.string().nullable(),
  /** The person's name, or the delegation typed when no participant was named. */
  name: z.string(),
  /** The participant's organisation, or the delegation typed. */
  delegation: z.string(),
  kind: z.enum(speakerKinds),
  status: z.enum(speakerStatuses),
  spokenMs: z.number().int(),
  startedAt: z.string().nullable(),
  allottedMs: z.number().int(),
});
export type SpeakerEntry = z.infer<typeof entry>;

export const speakerList = z.object({
  id: z.string(),
  forumId: z.string(),
  subject: speakerListSubject,
  times: speakingTimes,
  /** A cap on what one delegation speaks in this list, all turns together; null: none. */
  delegationTotalMs: z.number().int().nullable(),
  /** Who speaks now (at most one). */
  current: entry.nullable(),
  /** The queue, in order. */
  waiting: z.array(entry),
  /** Who has spoken (or withdrew), in the order they finished. */
  finished: z.array(entry),
  /** Per delegation with a total: milliseconds spoken so far (the running turn up to its start). */
  delegations: z.array(z.object({ delegation: z.string(), spokenMs: z.number().int() })),
});
export type SpeakerList = z.infer<typeof speakerList>;

const listInput = { forumId, subject: speakerListSubject };

export const speakersContract = {
  'speakers:list': { input: z.object(listInput).strict(), output: speakerList },
  /** For the projectors: the list whose speaker has the floor now, if any. */
  'speakers:current': { input: z.object({ forumId }).strict(), output: speakerList.nullable() },
  /**
   * Adds a participant, or a delegation by name, to the queue. A point of order or a right of
   * reply goes before every statement still waiting. Adding someone already waiting for the same
   * kind of turn changes nothing, so two laptops adding them at once make one entry.
   */
  'speakers:add': {
    input: z
      .object({
        ...listInput,
        participantId: rowId.nullable(),
        delegation: z.string().trim().max(200, 'validation.tooLong'),
        kind: z.enum(speakerKinds),
      })
      .strict()
      .refine((d) => d.participantId !== null || d.delegation.length > 0, { path: ['delegation'], message: 'validation.required' }),
    output: speakerList,
  },
  /** Moves a waiting entry to another place in the queue (0: first). */
  'speakers:move': { input: z.object({ ...listInput, id: rowId, toIndex: z.number().int().min(0) }).strict(), output: speakerList },
  /** Ends the current turn and gives the floor to the first in the queue, with the timer running. */
  'speakers:next': { input: z.object(listInput).strict(), output: speakerList },
  /** start (or resume), pause, finish the turn, withdraw from the queue, or remove an entry added by mistake. */
  'speakers:act': {
    input: z.object({ ...listInput, id: rowId, action: z.enum(['start', 'pause', 'finish', 'withdraw', 'remove']) }).strict(),
    output: speakerList,
  },
  'speakers:settings': {
    input: z.object({ ...listInput, times: speakingTimes, delegationTotalMs: durationMs.nullable() }).strict(),
    output: speakerList,
  },
} as const;
