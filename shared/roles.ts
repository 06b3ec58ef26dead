import { z } from 'zod';
import { rowId } from './agenda';
import { forumId } from './forum';

// Who may change what in a forum once its owner has switched roles on. The rules travel with the
// data: every laptop checks every change against them, its own before writing and others' at
// import, so they must be a pure function of the table, the cells and the row.

export const roleNames = ['owner', 'secretariat', 'chair', 'drafter', 'rapporteur', 'observer'] as const;
export type RoleName = (typeof roleNames)[number];

export const isRoleName = (value: unknown): value is RoleName => typeof value === 'string' && (roleNames as readonly string[]).includes(value);

/** Roles a grant may name: the owner is who created the forum, never granted. */
export const grantableRoles = roleNames.filter((r): r is Exclude<RoleName, 'owner'> => r !== 'owner');

/** A role as one laptop holds it in one forum; `sessions` empty means every session. */
export interface RoleGrant {
  forumId: string;
  deviceId: string;
  fingerprint: string;
  role: RoleName;
  sessions: string[];
  active: boolean;
  /** The laptop that signed the grant (or the revocation), and when. */
  grantedBy: string;
  grantedAt: string;
}

/** One laptop as the People and laptops view lists it. */
export interface ForumLaptop {
  deviceId: string;
  name: string;
  fingerprint: string;
  roles: Array<{ role: RoleName; sessions: string[] }>;
  /** Wrote to the forum before roles were switched on and keeps those rights until narrowed. */
  legacy: boolean;
  isOwner: boolean;
  isThisLaptop: boolean;
  /** When this laptop last imported a bundle signed by it (null: never, or this laptop itself). */
  lastBundleAt: string | null;
}

export interface ForumRoles {
  forumId: string;
  /** Off: every trusted laptop may change anything, as before roles existed. */
  enabled: boolean;
  ownerDeviceId: string | null;
  laptops: ForumLaptop[];
}

/** Cells only the owner writes: who owns the forum, and the switch that turns roles on. */
export const ownerCells = new Set(['owner_key', 'owner_nonce', 'roles_legacy']);

type Rule = (cell: string) => readonly RoleName[];

const secretariat: Rule = () => ['secretariat'];
const rapporteur: Rule = () => ['rapporteur'];
const drafter: Rule = () => ['drafter'];
const chair: Rule = () => ['chair'];
/** Deciding (status and when it was decided) is the chair's; the rest is the drafters'. */
// Withdrawing the other alternatives is part of agreeing one, so it is the chair's like the status.
const decidedByChair: Rule = (cell) => (cell === 'status' || cell === 'decided_at' || cell === 'withdrawn' ? ['chair'] : ['drafter']);

const rules: Record<string, Rule> = {
  forums: (cell) => (ownerCells.has(cell) ? ['owner'] : ['secretariat']),
  sessions: secretariat,
  participants: secretariat,
  session_roles: secretariat,
  outcome_documents: secretariat,
  role_grants: secretariat,
  notes: rapporteur,
  key_messages: rapporteur,
  key_message_sources: rapporteur,
  outcome_paragraphs: decidedByChair,
  paragraph_sources: drafter,
  generated_paragraphs: drafter,
  amendments: decidedByChair,
  stances: chair,
  announcements: secretariat,
  // The projector is run from the chair's desk or by the drafting committee's secretary: either
  // may say which paragraph is on the wall; it changes no text and decides nothing.
  projections: () => ['chair', 'drafter'],
  // Decisions are the secretariat's record of the meeting: it enters votes, adoptions and silence
  // procedures with their objections. What delegations say about a decision is taken down by the
  // secretariat or by the chair, who already records their stances.
  decisions: secretariat,
  decision_votes: secretariat,
  decision_statements: () => ['secretariat', 'chair'],
  silence_procedures: secretariat,
  silence_objections: secretariat,
  // Issuing under a symbol, and choosing which of two issuances stands, is the secretariat's.
  issuances: secretariat,
  // The chair runs the speakers' list; the meeting's secretary often keeps it at the chair's side,
  // so the secretariat may too. Nobody else adds, reorders or times speakers.
  speaker_lists: () => ['chair', 'secretariat'],
  speakers: () => ['chair', 'secretariat'],
};

/** The statuses a row may be created with by whoever may create it. */
const openingStatuses: Record<string, readonly string[]> = { outcome_paragraphs: ['draft', 'proposed'], amendments: ['open'] };

/** Tables whose rows belong to a session, so a rapporteur's grant for some sessions covers them. */
export const sessionScopedTables = new Set(['notes', 'key_messages', 'key_message_sources']);

/**
 * The roles that may write these cells of a row (any one of them suffices for the whole change;
 * the owner may write anything). Undefined for a table no role governs (per-laptop settings).
 */
export function rolesAllowedFor(table: string, cells: readonly string[], values?: Readonly<Record<string, unknown>>): RoleName[] | undefined {
  const groups = roleGroupsFor(table, cells, values);
  if (!groups) return undefined;
  return groups.reduce<RoleName[] | undefined>((all, group) => (all ? all.filter((r) => group.includes(r)) : [...group]), undefined) ?? [];
}

/**
 * Per cell, the roles any one of which may write it (distinct groups only): a change is allowed
 * when the laptop's roles cover every group, so one holding chair and drafter may create a
 * paragraph already agreed. Undefined for a table no role governs.
 */
export function roleGroupsFor(table: string, cells: readonly string[], values?: Readonly<Record<string, unknown>>): RoleName[][] | undefined {
  const rule = Object.prototype.hasOwnProperty.call(rules, table) ? rules[table] : undefined;
  if (!rule) return undefined;
  // A drafter's new paragraph is a draft, a proposed amendment is open: the status a row is
  // created with is part of making it, and only changing it later is the chair's.
  const opening = values !== undefined && cells.includes('forum_id') && openingStatuses[table]?.includes(values.status as string) === true;
  const groups = new Map<string, RoleName[]>();
  for (const cell of cells) {
    if (opening && (cell === 'status' || (cell === 'decided_at' && values?.decided_at === null))) continue;
    const column = cell.includes('@') ? cell.slice(0, cell.indexOf('@')) : cell;
    const forCell = rule(column);
    groups.set(forCell.join(','), [...forCell]);
  }
  return [...groups.values()];
}

/** The id of a grant: one row per forum, laptop and role, so two grants of the same role merge. */
export const grantRowId = (forumId: string, deviceId: string, role: RoleName) => `${forumId}/${deviceId}/${role}`;

export function parseGrantRowId(rowId: string): { forumId: string; deviceId: string; role: RoleName } | undefined {
  const parts = rowId.split('/');
  if (parts.length !== 3) return undefined;
  const [forumId = '', deviceId = '', role] = parts;
  return forumId && deviceId && isRoleName(role) ? { forumId, deviceId, role } : undefined;
}

const fingerprint = z.string().trim().min(1, 'validation.required').max(64, 'validation.tooLong');
const forumRoles = z.object({
  forumId: z.string(),
  enabled: z.boolean(),
  ownerDeviceId: z.string().nullable(),
  laptops: z.array(
    z.object({
      deviceId: z.string(),
      name: z.string(),
      fingerprint: z.string(),
      roles: z.array(z.object({ role: z.enum(roleNames), sessions: z.array(z.string()) })),
      legacy: z.boolean(),
      isOwner: z.boolean(),
      isThisLaptop: z.boolean(),
      lastBundleAt: z.string().nullable(),
    }),
  ),
}) satisfies z.ZodType<ForumRoles>;

export const rolesContract = {
  /** Each laptop known here, with its roles in the forum now. */
  'roles:list': {
    input: z.object({ forumId }).strict(),
    output: forumRoles,
  },
  /** Grants a role to the laptop with this fingerprint (switching roles on if they were off). */
  'roles:grant': {
    input: z.object({ forumId, fingerprint, role: z.enum(roleNames), sessions: z.array(rowId).max(500).optional() }).strict(),
    output: forumRoles,
  },
  'roles:revoke': {
    input: z.object({ forumId, fingerprint, role: z.enum(roleNames) }).strict(),
    output: forumRoles,
  },
  /** Switches roles on without granting anything yet (owner only). */
  'roles:enable': {
    input: z.object({ forumId }).strict(),
    output: forumRoles,
  },
} as const;

/** What this laptop holds in a forum, as `roles:list` says: enough for a screen to decide. */
export interface Holder {
  enabled: boolean;
  isOwner: boolean;
  legacy: boolean;
  roles: ReadonlyArray<{ role: RoleName; sessions: readonly string[] }>;
}

/**
 * Whether a holder may write these cells of a table (in a session, for a rapporteur's scope), and
 * if not, the roles any one of which would allow it. The screens disable what this answers no to;
 * the core checks the same rule again on every write and at every import.
 */
export function allows(holder: Holder, table: string, cells: readonly string[], sessionId?: string, values?: Readonly<Record<string, unknown>>): { allowed: boolean; needed: RoleName[] } {
  const groups = roleGroupsFor(table, cells, values);
  if (holder.isOwner || groups === undefined) return { allowed: true, needed: [] };
  // Granting is never open to all: with roles off, only the owner may (and so switch them on).
  if (table === 'role_grants') return { allowed: holder.enabled && holder.roles.some((r) => r.role === 'secretariat'), needed: ['owner', 'secretariat'] };
  if (!holder.enabled) return { allowed: true, needed: [] };
  if (holder.legacy && !cells.some((c) => ownerCells.has(c))) return { allowed: true, needed: [] };
  const covers = (group: readonly RoleName[]) =>
    holder.roles.some((r) => group.includes(r.role) && (r.sessions.length === 0 || !sessionScopedTables.has(table) || (sessionId !== undefined && r.sessions.includes(sessionId))));
  const missing = groups.filter((group) => !covers(group));
  return { allowed: missing.length === 0, needed: [...new Set(missing.flat())] };
}
