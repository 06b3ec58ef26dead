import { z } from 'zod';
import { forumId } from './forum';
import { genders, orgTypes, participantRoles } from './participants';
import { sessionRoles } from './agenda';

/** Continents as countries-list groups them; "unknown" where no country is recorded. */
export const regions = ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA', 'unknown'] as const;
export type Region = (typeof regions)[number];

const counts = <const T extends readonly [string, ...string[]]>(keys: T) => z.record(z.enum(keys), z.number().int());
const genderCounts = counts([...genders, 'unknown']);
const regionCounts = counts(regions);

export const participationStats = z.object({
  participants: z.number().int(),
  checkedIn: z.number().int(),
  organisations: z.number().int(),
  internationalOrganisations: z.number().int(),
  countries: z.number().int(),
  byOrgType: counts([...orgTypes, 'unknown']),
  byGender: genderCounts,
  byRole: counts(participantRoles),
  /** ISO code to count, largest first. */
  byCountry: z.array(z.object({ country: z.string(), count: z.number().int() })),
  byRegion: regionCounts,
  /** People with a role in each session (chairs, moderators, speakers, rapporteurs). */
  bySession: z.array(
    z.object({
      sessionId: z.string(),
      day: z.string(),
      startTime: z.string(),
      title: z.record(z.string(), z.string()),
      people: z.number().int(),
      byRole: counts(sessionRoles),
      speakersByGender: genderCounts,
    }),
  ),
  /** Everyone who speaks in any session, against all participants: the balance a chair is asked about. */
  speakers: z.object({ total: z.number().int(), byGender: genderCounts, byRegion: regionCounts }),
  /**
   * Who actually spoke, from the speakers' lists: milliseconds spoken (a turn still running counts
   * up to now) and turns, per speaker, delegation, gender and region. A delegation typed without a
   * participant counts under unknown gender and region.
   */
  spoken: z.object({
    totalMs: z.number().int(),
    turns: z.number().int(),
    bySpeaker: z.array(z.object({ participantId: z.string().nullable(), name: z.string(), delegation: z.string(), ms: z.number().int(), turns: z.number().int() })),
    byDelegation: z.array(z.object({ delegation: z.string(), ms: z.number().int(), turns: z.number().int() })),
    byGender: genderCounts,
    byRegion: regionCounts,
  }),
});
export type ParticipationStats = z.infer<typeof participationStats>;

export const participationStatsContract = {
  'stats:get': { input: z.object({ forumId }).strict(), output: participationStats },
} as const;
