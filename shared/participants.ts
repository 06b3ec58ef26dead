import { z } from 'zod';
import { rowId } from './agenda';
import { forumId } from './forum';
import { languageTagPattern } from './languages';

export const orgTypes = [
  'government',
  'local_government',
  'un_international',
  'academia',
  'civil_society',
  'private_sector',
  'media',
  'other',
] as const;
export type OrgType = (typeof orgTypes)[number];

export const genders = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof genders)[number];

export const participantRoles = ['organiser', 'chair', 'moderator', 'speaker', 'rapporteur', 'participant'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/** ISO 3166-1 alpha-2; the core also checks the code is assigned. Empty means unknown. */
export const countryCode = z.string().regex(/^([A-Z]{2})?$/, 'validation.country');

/** Line breaks, tabs and invisible format characters (bidi controls) have no place in a one-line field. */
const controlCharacters = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** A person's title or position, one line of plain text; '' when unknown. */
export const participantPosition = z
  .string()
  .trim()
  .max(300, 'validation.tooLong')
  .refine((value) => !controlCharacters.test(value), 'validation.controlCharacters');

/** What the participant form sends; also what each imported row must become. */
export const participantInput = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    organisation: z.string().trim().max(300, 'validation.tooLong'),
    /** Optional for callers that predate it (older laptops' forms, scripts): '' when left out. */
    position: participantPosition.default(''),
    orgType: z.enum(orgTypes, 'validation.required').nullable(),
    country: countryCode,
    gender: z.enum(genders, 'validation.required').nullable(),
    roles: z.array(z.enum(participantRoles)).max(participantRoles.length),
    email: z.union([z.literal(''), z.email('validation.email').max(254, 'validation.tooLong')]),
    languages: z.array(z.string().regex(languageTagPattern, 'validation.languageTag')).max(12, 'validation.tooMany'),
  })
  .strict();
export type ParticipantInput = z.infer<typeof participantInput>;

export const participant = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  position: z.string(),
  orgType: z.enum(orgTypes).nullable(),
  country: z.string(),
  gender: z.enum(genders).nullable(),
  roles: z.array(z.enum(participantRoles)),
  email: z.string(),
  languages: z.array(z.string()),
  /** ISO instant of arrival at the door; null until checked in. */
  checkedInAt: z.string().nullable(),
});
export type Participant = z.infer<typeof participant>;

export const participantSortFields = ['name', 'organisation', 'orgType', 'country', 'gender', 'checkedInAt'] as const;

export const participantQuery = z
  .object({
    forumId,
    /** Search as you type: substrings of name, organisation or email, case and accents folded. */
    text: z.string().max(200, 'validation.tooLong').default(''),
    orgType: z.enum(orgTypes).optional(),
    country: countryCode.optional(),
    gender: z.enum(genders).optional(),
    role: z.enum(participantRoles).optional(),
    checkedIn: z.boolean().optional(),
    sort: z.enum(participantSortFields).default('name'),
    descending: z.boolean().default(false),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type ParticipantQuery = z.input<typeof participantQuery>;

/** The list's search, filters and order, without paging: what an export of "the list as shown" takes. */
export const participantListFilter = participantQuery.pick({ text: true, orgType: true, country: true, gender: true, role: true, checkedIn: true, sort: true, descending: true });
export type ParticipantListFilter = z.input<typeof participantListFilter>;

export const participantPage = z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(participant) });
export type ParticipantPage = z.infer<typeof participantPage>;

export const exportedFile = z.object({ fileName: z.string(), mimeType: z.string(), data: z.string(), rows: z.number().int() });
export type ExportedFile = z.infer<typeof exportedFile>;

export const participantsContract = {
  'participants:query': { input: participantQuery, output: participantPage },
  'participants:get': { input: z.object({ id: rowId }).strict(), output: participant },
  'participants:create': { input: z.object({ forumId, participant: participantInput }).strict(), output: participant },
  'participants:update': { input: z.object({ id: rowId, participant: participantInput }).strict(), output: participant },
  'participants:setDeleted': {
    input: z.object({ id: rowId, deleted: z.boolean() }).strict(),
    output: z.object({ id: z.string(), deleted: z.boolean() }),
  },
  /** Checking in again keeps the first arrival time; `false` undoes a check-in. */
  'participants:checkIn': { input: z.object({ id: rowId, checkedIn: z.boolean() }).strict(), output: participant },
  /** Erases a person's data for good, here and on every laptop the erasure reaches; no undo. */
  'participants:erase': { input: z.object({ id: rowId }).strict(), output: z.object({ id: z.string(), erased: z.literal(true) }) },
  'participants:export': {
    /** Without a filter, everyone in name order; with one, the list as the screen shows it. */
    input: z.object({ forumId, format: z.enum(['csv', 'xlsx']), filter: participantListFilter.optional() }).strict(),
    output: exportedFile,
  },
} as const;
