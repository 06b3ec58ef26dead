import type { Database } from 'better-sqlite3';
import { genders } from '../../../shared/participants';
import { regions, type ParticipationStats } from '../../../shared/participationStats';
import { elapsedMs } from '../../../shared/speakingTime';
import { recogniseCountry } from '../participants/recogniseCountry';
import { cachedStatement } from './cachedStatement';
import { delegationOf } from './speakerLists';

type Spoken = ParticipationStats['spoken'];
type GenderKey = keyof Spoken['byGender'];

interface SpokenRow {
  participant_id: string | null;
  delegation: string | null;
  started_at: string | null;
  spoken_ms: number | null;
  person_name: string | null;
  organisation: string | null;
  gender: string | null;
  country: string | null;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * Who actually spoke in a forum, from its speakers' lists: turns that had the floor (done or
 * speaking now), with the time they spoke up to `nowMs`. Being listed is not speaking, so waiting
 * and withdrawn turns do not count, nor a turn given the floor that never ran a second.
 */
export function spokenTime(db: Database, forumId: string, nowMs: number, regionOf: (country: string | null) => (typeof regions)[number]): Spoken {
  const rows = cachedStatement(
    db,
    `SELECT s.participant_id, s.delegation, s.started_at, s.spoken_ms, p.name AS person_name, p.organisation, p.gender, p.country
       FROM speakers s
       JOIN speaker_lists l ON l.id = s.list_id AND l.deleted = 0
       LEFT JOIN participants p ON p.id = s.participant_id AND p.deleted = 0
      WHERE s.forum_id = ? AND s.deleted = 0 AND s.status IN ('done', 'speaking')`,
  ).all(forumId) as SpokenRow[];
  const byGender = zeros<GenderKey>([...genders, 'unknown']);
  const byRegion = zeros(regions);
  const speakers = new Map<string, Spoken['bySpeaker'][number]>();
  const delegations = new Map<string, Spoken['byDelegation'][number]>();
  let totalMs = 0;
  let turns = 0;
  for (const row of rows) {
    const ms = elapsedMs({ spokenMs: row.spoken_ms ?? 0, startedAt: row.started_at }, nowMs);
    if (ms <= 0) continue;
    totalMs += ms;
    turns += 1;
    const gender = row.gender !== null && (genders as readonly string[]).includes(row.gender) ? (row.gender as GenderKey) : 'unknown';
    byGender[gender] += ms;
    // A delegation typed by name ("Kenya", "Kenia", "肯尼亚") counts in its country's region.
    byRegion[regionOf(row.participant_id === null ? (recogniseCountry(row.delegation ?? '') ?? null) : row.country)] += ms;
    const delegation = delegationOf(row);
    // A person who was deleted (or erased) since still spoke: their time counts, under their delegation.
    const name = row.person_name?.trim() || row.delegation?.trim() || '';
    const speakerKey = row.participant_id ?? `name:${delegation}`;
    const speaker = speakers.get(speakerKey) ?? { participantId: row.participant_id, name, delegation, ms: 0, turns: 0 };
    speaker.ms += ms;
    speaker.turns += 1;
    speakers.set(speakerKey, speaker);
    const group = delegations.get(delegation) ?? { delegation, ms: 0, turns: 0 };
    group.ms += ms;
    group.turns += 1;
    delegations.set(delegation, group);
  }
  const largestFirst = <T extends { ms: number }>(list: T[], label: (item: T) => string) => list.sort((a, b) => b.ms - a.ms || label(a).localeCompare(label(b)));
  return {
    totalMs,
    turns,
    bySpeaker: largestFirst([...speakers.values()], (s) => s.name),
    byDelegation: largestFirst([...delegations.values()], (d) => d.delegation),
    byGender,
    byRegion,
  };
}
