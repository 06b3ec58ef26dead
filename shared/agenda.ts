import { z } from 'zod';
import { forum, forumId, isoDate, sessionKinds } from './forum';
import { multilingualText } from './multilingual';

export const sessionRoles = ['chair', 'moderator', 'speaker', 'rapporteur'] as const;
export type SessionRole = (typeof sessionRoles)[number];

export const rowId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'validation.id');

/** Wall-clock time of day in the forum's time zone, 24-hour. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time');

/** What the session form sends; the core also checks languages against the forum's. */
export const sessionInput = z
  .object({
    day: isoDate,
    startTime: timeOfDay,
    endTime: timeOfDay,
    kind: z.enum(sessionKinds, 'validation.required'),
    title: multilingualText(300),
    room: multilingualText(200),
    description: multilingualText(5000),
    roles: z
      .array(z.object({ participantId: rowId, role: z.enum(sessionRoles) }).strict())
      .max(300, 'validation.tooMany'),
  })
  .strict()
  .superRefine((session, ctx) => {
    // zod 4 still runs this after a malformed time: compare only real times, or '9:00' would
    // also be reported as ending before '10:30'.
    const times = timeOfDay.safeParse(session.startTime).success && timeOfDay.safeParse(session.endTime).success;
    if (times && session.endTime <= session.startTime) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'validation.endTimeBeforeStart' });
    }
    const seen = new Set<string>();
    session.roles.forEach((r, index) => {
      const key = `${r.participantId}/${r.role}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['roles', index], message: 'validation.duplicateRole' });
      seen.add(key);
    });
  });
export type SessionInput = z.infer<typeof sessionInput>;

/**
 * Per working language other than the source: `missing` (the source has text, this language none)
 * or `outdated` (the source text changed after this translation was last edited).
 */
export const translationState = z.enum(['current', 'missing', 'outdated']);
export type TranslationState = z.infer<typeof translationState>;
const translations = z.record(z.string(), translationState);

export const agendaSession = z.object({
  id: z.string(),
  day: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  kind: z.enum(sessionKinds),
  title: z.record(z.string(), z.string()),
  room: z.record(z.string(), z.string()),
  description: z.record(z.string(), z.string()),
  roles: z.array(z.object({ participantId: z.string(), role: z.enum(sessionRoles), name: z.string() })),
  /** Per field (title, room, description), per non-source working language. */
  translations: z.object({ title: translations, room: translations, description: translations }),
});
export type AgendaSession = z.infer<typeof agendaSession>;

export const agendaWarning = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('personOverlap'), participantId: z.string(), name: z.string(), sessionIds: z.array(z.string()) }),
  z.object({ kind: z.literal('roomDoubleBooked'), room: z.string(), sessionIds: z.array(z.string()) }),
  z.object({ kind: z.literal('outsideForumDates'), sessionIds: z.array(z.string()) }),
  z.object({ kind: z.literal('noRapporteur'), sessionIds: z.array(z.string()) }),
]);
export type AgendaWarning = z.infer<typeof agendaWarning>;

export const agenda = z.object({
  forum,
  /** Ordered by day, start time, then id. */
  sessions: z.array(agendaSession),
  warnings: z.array(agendaWarning),
  /** The participant this laptop's user said they are, for "my sessions"; per device. */
  me: z.string().nullable(),
});
export type Agenda = z.infer<typeof agenda>;

export const agendaContract = {
  'agenda:get': { input: z.object({ forumId }).strict(), output: agenda },
  'sessions:create': { input: z.object({ forumId, session: sessionInput }).strict(), output: agendaSession },
  'sessions:update': { input: z.object({ id: rowId, session: sessionInput }).strict(), output: agendaSession },
  /** Tombstone, or undo of one. */
  'sessions:setDeleted': { input: z.object({ id: rowId, deleted: z.boolean() }).strict(), output: z.object({ id: z.string(), deleted: z.boolean() }) },
  'agenda:setMe': {
    input: z.object({ forumId, participantId: rowId.nullable() }).strict(),
    output: z.object({ me: z.string().nullable() }),
  },
} as const;
