import { documentKindNames } from './documentKinds';
import { z } from 'zod';
import { languageTagPattern } from './languages';
import { multilingualText } from './multilingual';
import { coOrganiserNames } from './documentContacts';

/** The kinds of document (see shared/documentKinds.ts, the registry). */
export const outcomeKinds = documentKindNames;
export type OutcomeKind = (typeof outcomeKinds)[number];

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  // Date.parse rolls 2026-02-30 over into March; a real calendar day survives the round trip.
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'validation.date');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** What a person types to create or edit a forum; the form's resolver and the store's check. */
export const forumInput = z
  .object({
    title: multilingualText(300),
    theme: multilingualText(500),
    venue: multilingualText(300),
    startDate: isoDate,
    endDate: isoDate,
    timeZone: z.string().min(1, 'validation.required').refine(isTimeZone, 'validation.timeZone'),
    coOrganisers: z.array(z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong')).max(50),
    languages: z
      .array(z.string().regex(languageTagPattern, 'validation.languageTag'))
      .min(1, 'validation.languagesRequired')
      .max(12, 'validation.tooMany'),
    sourceLanguage: z.string().regex(languageTagPattern, 'validation.languageTag'),
    outcomeKind: z.enum(outcomeKinds, 'validation.required'),
    /** The co-organisers per language, one a line; left out by an older form: unchanged. */
    coOrganiserNames: coOrganiserNames.optional(),
  })
  .strict()
  .superRefine((forum, ctx) => {
    if (forum.endDate < forum.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'validation.endBeforeStart' });
    }
    if (!forum.languages.includes(forum.sourceLanguage)) {
      ctx.addIssue({ code: 'custom', path: ['sourceLanguage'], message: 'validation.sourceNotWorking' });
    }
    if (new Set(forum.languages).size !== forum.languages.length) {
      ctx.addIssue({ code: 'custom', path: ['languages'], message: 'validation.duplicateLanguage' });
    }
    if (!forum.title[forum.sourceLanguage]) {
      ctx.addIssue({ code: 'custom', path: ['title', forum.sourceLanguage], message: 'validation.titleRequired' });
    }
    for (const field of ['title', 'theme', 'venue', 'coOrganiserNames'] as const) {
      for (const lang of Object.keys(forum[field] ?? {})) {
        if (!forum.languages.includes(lang)) {
          ctx.addIssue({ code: 'custom', path: [field, lang], message: 'validation.notWorkingLanguage' });
        }
      }
    }
  });
export type ForumInput = z.infer<typeof forumInput>;

export const forumId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'validation.id');

export const forum = z.object({
  id: forumId,
  title: z.record(z.string(), z.string()),
  theme: z.record(z.string(), z.string()),
  venue: z.record(z.string(), z.string()),
  startDate: z.string(),
  endDate: z.string(),
  timeZone: z.string(),
  coOrganisers: z.array(z.string()),
  /** Per language, the co-organisers one a line (see coOrganisersIn). */
  coOrganiserNames: z.record(z.string(), z.string()),
  languages: z.array(z.string()),
  sourceLanguage: z.string(),
  outcomeKind: z.enum(outcomeKinds),
  isDemo: z.boolean(),
});
export type Forum = z.infer<typeof forum>;

export const sessionKinds = ['plenary', 'parallel', 'side_event', 'break'] as const;
/** `agreed_ad_ref`: agreed subject to confirmation by capitals (issue 15). */
export const paragraphStatuses = ['draft', 'proposed', 'bracketed', 'agreed', 'agreed_ad_ref'] as const;

export const forumOverview = z.object({
  forum,
  counts: z.object({
    sessions: z.number().int(),
    participants: z.number().int(),
    organisations: z.number().int(),
    internationalOrganisations: z.number().int(),
    countries: z.number().int(),
    notes: z.number().int(),
    keyMessages: z.number().int(),
    paragraphs: z.number().int(),
  }),
  sessions: z.array(
    z.object({
      id: z.string(),
      day: z.string(),
      startTime: z.string(),
      endTime: z.string(),
      kind: z.enum(sessionKinds),
      title: z.record(z.string(), z.string()),
      room: z.record(z.string(), z.string()),
    }),
  ),
  paragraphs: z.array(
    z.object({
      id: z.string(),
      text: z.record(z.string(), z.string()),
      status: z.enum(paragraphStatuses),
      /** Per language, the other live versions (concurrent edits on other laptops) not yet settled. */
      alternatives: z.record(z.string(), z.array(z.string())),
    }),
  ),
});
export type ForumOverview = z.infer<typeof forumOverview>;
