import { grantRowId, isRoleName, type ForumLaptop, type ForumRoles, type RoleName } from '../../../shared/roles';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { writeRow } from '../store/changeLog';
import { fingerprintOf, ownPublicKey } from '../sync/deviceIdentity';
import { authorityOf } from './authorityOf';

interface Laptop {
  deviceId: string;
  name: string;
  publicKey: string | null;
  lastImportAt?: string | null;
}

/** Every laptop this one can name in a forum: itself, those it imported from, those relayed to it. */
function laptops(ctx: CoreContext): Laptop[] {
  const own = ownPublicKey(ctx.db) ?? null;
  const ownName = (ctx.db.prepare("SELECT value FROM meta WHERE key = 'device_name'").pluck().get() as string | undefined) ?? 'This laptop';
  const others = ctx.db
    .prepare(
      `SELECT device_id AS deviceId, name, public_key AS publicKey, last_import_at AS lastImportAt FROM known_devices
       UNION ALL SELECT device_id, device_id, public_key, NULL FROM relayed_devices WHERE device_id NOT IN (SELECT device_id FROM known_devices)`,
    )
    .all() as Laptop[];
  return [{ deviceId: ctx.deviceId, name: ownName, publicKey: own }, ...others.filter((l) => l.deviceId !== ctx.deviceId)];
}

/** Fingerprints are read aloud and typed: case, spaces and dashes do not matter. */
export const normaliseFingerprint = (typed: string) => typed.toUpperCase().replace(/[^A-Z0-9]/g, '');

function laptopByFingerprint(ctx: CoreContext, typed: string): Laptop & { fingerprint: string } {
  const wanted = normaliseFingerprint(typed);
  if (wanted.length < 8) throw new CoreError('invalid_input', 'Type the laptop’s whole fingerprint, as its People and laptops view shows it.');
  const matches = laptops(ctx)
    .filter((l): l is Laptop & { publicKey: string } => l.publicKey !== null)
    .map((l) => ({ ...l, fingerprint: fingerprintOf(l.publicKey) }))
    .filter((l) => normaliseFingerprint(l.fingerprint) === wanted);
  const [match] = matches;
  if (!match) {
    throw new CoreError('not_found', `No laptop with the fingerprint ${wanted} is known here. Import a bundle from it first (and trust it), then grant its role.`);
  }
  return match;
}

function requireForum(ctx: CoreContext, forumId: string): void {
  const exists = ctx.db.prepare('SELECT 1 FROM forums WHERE id = ? AND deleted = 0').get(forumId);
  if (!exists) throw new CoreError('not_found', `No forum ${forumId}.`);
}

/** Who holds which role in a forum, laptop by laptop, as this laptop's log says now. */
export function listForumRoles(ctx: CoreContext, forumId: string): ForumRoles {
  requireForum(ctx, forumId);
  const authority = authorityOf(ctx.db, ctx.deviceId, forumId);
  const known = laptops(ctx);
  const named = new Set(known.map((l) => l.deviceId));
  const grants = ctx.db.prepare('SELECT DISTINCT device_id FROM role_grants WHERE forum_id = ? AND device_id IS NOT NULL').pluck().all(forumId) as string[];
  const extra = [...grants, ...authority.legacyDevices().keys()].filter((id) => !named.has(id));
  const all: Laptop[] = [...known, ...[...new Set(extra)].map((deviceId) => ({ deviceId, name: deviceId, publicKey: null }))];
  const rows: ForumLaptop[] = all.map((laptop) => ({
    deviceId: laptop.deviceId,
    name: laptop.name,
    fingerprint: laptop.publicKey ? fingerprintOf(laptop.publicKey) : '',
    roles: [...authority.rolesAt(laptop.deviceId)].map(([role, state]) => ({ role, sessions: state.sessions })),
    legacy: authority.isLegacyAt(laptop.deviceId),
    isOwner: authority.isOwner(laptop.deviceId),
    isThisLaptop: laptop.deviceId === ctx.deviceId,
    lastBundleAt: laptop.lastImportAt ?? null,
  }));
  const owner = rows.find((r) => r.isOwner)?.deviceId ?? authority.owner ?? null;
  return { forumId, enabled: authority.enabled, ownerDeviceId: owner, laptops: rows };
}

/**
 * Switches roles on (owner only): records which laptops had written to the forum and the newest
 * change seen from each, so their work so far stands and they keep their rights until narrowed.
 */
export function enableRoles(ctx: CoreContext, forumId: string): ForumRoles {
  requireForum(ctx, forumId);
  const authority = authorityOf(ctx.db, ctx.deviceId, forumId);
  if (!authority.isOwner(ctx.deviceId)) throw new CoreError('role_required', 'Only the owner of this forum (the laptop that created it) may switch roles on. Nothing was changed.');
  if (!authority.enabled) {
    const writers = ctx.db.prepare('SELECT device, max(hlc) AS hlc FROM changes WHERE forum_id = ? AND device <> ? GROUP BY device').all(forumId, ctx.deviceId) as Array<{ device: string; hlc: string }>;
    writeRow(ctx, 'forums', forumId, { roles_legacy: Object.fromEntries(writers.map((w) => [w.device, w.hlc])) });
  }
  return listForumRoles(ctx, forumId);
}

export interface GrantInput {
  forumId: string;
  fingerprint: string;
  role: string;
  sessions?: readonly string[];
}

/** Grants a role to a laptop named by its fingerprint, switching roles on first if they were off. */
export function grantRole(ctx: CoreContext, input: GrantInput): ForumRoles {
  const role = checkedRole(input.role);
  const sessions = [...new Set(input.sessions ?? [])];
  if (sessions.length > 0 && role !== 'rapporteur') throw new CoreError('invalid_input', 'Only a rapporteur’s role is limited to some sessions.');
  requireForum(ctx, input.forumId);
  for (const session of sessions) {
    const known = ctx.db.prepare('SELECT 1 FROM sessions WHERE id = ? AND forum_id = ? AND deleted = 0').get(session, input.forumId);
    if (!known) throw new CoreError('invalid_input', `No session ${session} in this forum.`);
  }
  const laptop = laptopByFingerprint(ctx, input.fingerprint);
  ctx.db.transaction(() => {
    if (!authorityOf(ctx.db, ctx.deviceId, input.forumId).enabled) enableRoles(ctx, input.forumId);
    writeRow(ctx, 'role_grants', grantRowId(input.forumId, laptop.deviceId, role), {
      forum_id: input.forumId,
      device_id: laptop.deviceId,
      fingerprint: laptop.fingerprint,
      role,
      sessions,
      active: 1,
      deleted: 0,
    });
  })();
  return listForumRoles(ctx, input.forumId);
}

/** Revokes a role from now on; what the laptop did while it held the role stands. */
export function revokeRole(ctx: CoreContext, input: Omit<GrantInput, 'sessions'>): ForumRoles {
  const role = checkedRole(input.role);
  requireForum(ctx, input.forumId);
  const laptop = laptopByFingerprint(ctx, input.fingerprint);
  const authority = authorityOf(ctx.db, ctx.deviceId, input.forumId);
  if (!authority.enabled) throw new CoreError('invalid_input', 'Roles are off in this forum: every trusted laptop may change anything. Grant a role to switch them on.');
  if (!authority.rolesAt(laptop.deviceId).has(role) && !authority.isLegacyAt(laptop.deviceId)) {
    throw new CoreError('invalid_input', `That laptop does not hold the role ${role} in this forum. Nothing was changed.`);
  }
  writeRow(ctx, 'role_grants', grantRowId(input.forumId, laptop.deviceId, role), {
    forum_id: input.forumId,
    device_id: laptop.deviceId,
    fingerprint: laptop.fingerprint,
    role,
    active: 0,
    deleted: 0,
  });
  return listForumRoles(ctx, input.forumId);
}

function checkedRole(role: string): Exclude<RoleName, 'owner'> {
  if (!isRoleName(role)) throw new CoreError('invalid_input', `No role ${role}: choose secretariat, chair, drafter, rapporteur or observer.`);
  if (role === 'owner') throw new CoreError('invalid_input', 'The owner is the laptop that created the forum; that role is never granted.');
  return role;
}
