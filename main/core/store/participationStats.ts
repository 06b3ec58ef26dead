import type { Database, Statement } from 'better-sqlite3';
import { countries } from 'countries-list';
import { sessionRoles, type SessionRole } from '../../../shared/agenda';
import { genders, orgTypes, participantRoles } from '../../../shared/participants';
import { regions, type ParticipationStats, type Region } from '../../../shared/participationStats';
import { foldForMatching } from '../participants/foldForMatching';
import { getForum } from './forums';
import { spokenTime } from './spokenTime';

type GenderKey = keyof ParticipationStats['byGender'];
type OrgTypeKey = keyof ParticipationStats['byOrgType'];

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
const genderKeys: readonly GenderKey[] = [...genders, 'unknown'];
const orgTypeKeys: readonly OrgTypeKey[] = [...orgTypes, 'unknown'];

/** Values outside the schema's list (a typo synced from elsewhere, NULL) count as unknown, never vanish. */
const genderOf = (value: string | null): GenderKey =>
  value !== null && (genders as readonly string[]).includes(value) ? (value as GenderKey) : 'unknown';
const orgTypeOf = (value: string | null): OrgTypeKey =>
  value !== null && (orgTypes as readonly string[]).includes(value) ? (value as OrgTypeKey) : 'unknown';
const isSessionRole = (value: string): value is SessionRole => (sessionRoles as readonly string[]).includes(value);

/** The continent countries-list gives an ISO code; unknown for no code or one it does not know. */
export function regionOf(country: string | null): Region {
  if (!country) return 'unknown';
  const continent = (countries as Record<string, { continent: string } | undefined>)[country]?.continent;
  return continent && (regions as readonly string[]).includes(continent) ? (continent as Region) : 'unknown';
}

// Live rows only. Every figure comes from four queries, so the screen stays quick at 25,000
// participants: one pass over participants grouped by the fields the figures need, the distinct
// organisation spellings, the sessions, and the session roles with their people.
const LIVE_PARTICIPANT = 'p.forum_id = @forumId AND p.deleted = 0';

const queries = {
  // Few groups (types x genders x countries x role sets), however many people.
  groups: `SELECT p.org_type AS orgType, p.gender, coalesce(p.country, '') AS country, p.roles,
                  count(*) AS n, count(nullif(p.checked_in_at, '')) AS checkedIn
             FROM participants p WHERE ${LIVE_PARTICIPANT}
            GROUP BY p.org_type, p.gender, coalesce(p.country, ''), p.roles`,
  // Distinct spellings only; folding (case, accents, punctuation) happens in JS on this short list.
  organisations: `SELECT p.organisation AS organisation, max(p.org_type = 'un_international') AS international
                    FROM participants p WHERE ${LIVE_PARTICIPANT} AND coalesce(p.organisation, '') <> ''
                   GROUP BY p.organisation`,
  sessions: `SELECT s.id, s.day, s.start_time AS startTime, s.title FROM sessions s
              WHERE s.forum_id = @forumId AND s.deleted = 0 AND coalesce(s.kind, '') <> 'break'
              ORDER BY s.day, s.start_time, s.id`,
  // A role counts when it, its session (not a break) and its participant are live, in this forum.
  roles: `SELECT r.session_id AS sessionId, r.participant_id AS participantId, r.role,
                 p.gender, coalesce(p.country, '') AS country, p.roles AS participantRoles
            FROM session_roles r
            JOIN sessions s ON s.id = r.session_id AND s.forum_id = @forumId AND s.deleted = 0 AND coalesce(s.kind, '') <> 'break'
            JOIN participants p ON p.id = r.participant_id AND ${LIVE_PARTICIPANT}
           WHERE r.deleted = 0`,
} as const;
type QueryName = keyof typeof queries;

const statementCache = new WeakMap<Database, Map<QueryName, Statement>>();
function statement(db: Database, name: QueryName): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let prepared = cache.get(name);
  if (!prepared) cache.set(name, (prepared = db.prepare(queries[name])));
  return prepared;
}

interface GroupRow { orgType: string | null; gender: string | null; country: string; roles: string; n: number; checkedIn: number }
interface SessionRow { id: string; day: string | null; startTime: string | null; title: string }
interface RoleRow {
  sessionId: string;
  participantId: string;
  role: string;
  gender: string | null;
  country: string;
  participantRoles: string;
}

function parseTitle(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
    }
  } catch {
    // A title that is not JSON shows as untitled rather than failing the whole screen.
  }
  return {};
}

/** A participant's roles column as a set; anything unreadable counts as no roles. */
function roleParser(): (json: string) => ReadonlySet<string> {
  const memo = new Map<string, ReadonlySet<string>>();
  return (json) => {
    let roles = memo.get(json);
    if (!roles) {
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch {
        value = [];
      }
      roles = new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
      memo.set(json, roles);
    }
    return roles;
  };
}

/**
 * Participation figures for one forum, from live rows only (tombstones excluded; a role counts only
 * when its session, not a break, and its participant are live too).
 *
 * Speakers are the people the agenda gives a speaker role in a session. Someone the agenda does not
 * place at all counts when the participant list calls them a speaker (a forum whose agenda has no
 * roles yet); someone it places only as chair, moderator or rapporteur does not, whatever the list
 * says, because the agenda is the more precise record.
 */
export function participationStats(db: Database, forumId: string, nowMs = Date.now()): ParticipationStats {
  getForum(db, forumId);
  const params = { forumId };
  return db.transaction(() => compute(db, params, nowMs))();
}

function compute(db: Database, params: { forumId: string }, nowMs: number): ParticipationStats {
  const all = <T>(name: QueryName) => statement(db, name).all(params) as T[];
  const rolesOf = roleParser();

  let participants = 0;
  let checkedIn = 0;
  const byOrgType = zeros(orgTypeKeys);
  const byGender = zeros(genderKeys);
  const byRole = zeros(participantRoles);
  const byRegion = zeros(regions);
  const countryCounts = new Map<string, number>();
  const speakers = { total: 0, byGender: zeros(genderKeys), byRegion: zeros(regions) };
  const countSpeaker = (gender: string | null, country: string, n: number) => {
    speakers.total += n;
    speakers.byGender[genderOf(gender)] += n;
    speakers.byRegion[regionOf(country)] += n;
  };

  for (const group of all<GroupRow>('groups')) {
    participants += group.n;
    checkedIn += group.checkedIn;
    byOrgType[orgTypeOf(group.orgType)] += group.n;
    byGender[genderOf(group.gender)] += group.n;
    byRegion[regionOf(group.country)] += group.n;
    if (group.country) countryCounts.set(group.country, (countryCounts.get(group.country) ?? 0) + group.n);
    const roles = rolesOf(group.roles);
    for (const role of participantRoles) if (roles.has(role)) byRole[role] += group.n;
    // Provisionally everyone listed as a speaker; those the agenda places are settled below.
    if (roles.has('speaker')) countSpeaker(group.gender, group.country, group.n);
  }
  const byCountry = [...countryCounts]
    .map(([country, count]) => ({ country, count }))
    .sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));

  const organisations = new Set<string>();
  const international = new Set<string>();
  for (const row of all<{ organisation: string; international: number }>('organisations')) {
    const folded = foldForMatching(row.organisation);
    if (!folded) continue;
    organisations.add(folded);
    if (row.international) international.add(folded);
  }

  const bySession = all<SessionRow>('sessions').map((s) => ({
    sessionId: s.id,
    day: s.day ?? '',
    startTime: s.startTime ?? '',
    title: parseTitle(s.title),
    people: 0,
    byRole: zeros(sessionRoles),
    speakersByGender: zeros(genderKeys),
  }));
  const sessionIndex = new Map(bySession.map((s) => [s.sessionId, s]));
  const seen = new Set<string>();
  const placed = new Map<string, RoleRow & { speaks: boolean }>();
  for (const row of all<RoleRow>('roles')) {
    const session = sessionIndex.get(row.sessionId);
    if (!session) continue;
    const speaks = row.role === 'speaker';
    const person = placed.get(row.participantId);
    if (!person) placed.set(row.participantId, { ...row, speaks });
    else person.speaks ||= speaks;
    if (!seen.has(`${row.sessionId} ${row.participantId}`)) {
      seen.add(`${row.sessionId} ${row.participantId}`);
      session.people += 1;
    }
    // The same role given twice in one session counts the person once.
    if (!isSessionRole(row.role) || seen.has(`${row.sessionId} ${row.participantId} ${row.role}`)) continue;
    seen.add(`${row.sessionId} ${row.participantId} ${row.role}`);
    session.byRole[row.role] += 1;
    if (speaks) session.speakersByGender[genderOf(row.gender)] += 1;
  }
  // The agenda is more precise than the list: a placed person speaks if a session says so.
  for (const person of placed.values()) {
    const listed = rolesOf(person.participantRoles).has('speaker');
    if (listed && !person.speaks) countSpeaker(person.gender, person.country, -1);
    if (!listed && person.speaks) countSpeaker(person.gender, person.country, 1);
  }

  return {
    participants,
    checkedIn,
    organisations: organisations.size,
    internationalOrganisations: international.size,
    countries: byCountry.length,
    byOrgType,
    byGender,
    byRole,
    byCountry,
    byRegion,
    bySession,
    speakers,
    spoken: spokenTime(db, params.forumId, nowMs, regionOf),
  };
}
