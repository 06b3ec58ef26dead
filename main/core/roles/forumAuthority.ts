import { parseGrantRowId, roleGroupsFor, sessionScopedTables, ownerCells, type RoleName } from '../../../shared/roles';
import { fingerprintOf } from '../sync/deviceIdentity';
import { derivedId } from '../store/derivedId';

/** A change as authority reads it: who made it, when, and what it set. */
export interface AuthorityChange {
  device: string;
  hlc: string;
  tbl: string;
  rowId: string;
  cells: Record<string, unknown>;
}

/** What a check needs to know that the changes alone do not say. */
export interface AuthorityContext {
  forumId: string;
  /** The public key a laptop signs with, if this laptop knows it. */
  keyOf(deviceId: string): string | undefined;
}

/** Why a change may not be applied: the roles any one of which would have allowed it. */
export interface Refusal {
  needed: RoleName[];
  /** For a rapporteur's change: the session it was outside of. */
  session?: string;
  /** A change no role allows: it would alter an issued document (see issuanceSeal.ts). */
  immutable?: string;
}

interface GrantState {
  active: boolean;
  sessions: string[];
}

/** A laptop's roles from one clock value on, until its next entry. */
interface Snapshot {
  hlc: string;
  roles: Map<RoleName, GrantState>;
  /** An explicit grant or revocation has named this laptop: its rights from before roles end. */
  narrowed: boolean;
}

const byClock = (a: AuthorityChange, b: AuthorityChange) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.device < b.device ? -1 : a.device > b.device ? 1 : 0);

/** Grants, and the owner's own cells of the forum: replayed to build authority, not checked against it. */
export const isAuthorityChange = (change: AuthorityChange): boolean =>
  change.tbl === 'role_grants' || (change.tbl === 'forums' && Object.keys(change.cells).some((cell) => ownerCells.has(cell)));

/** Who may make an authority change: the owner's cells and secretariat grants are the owner's; other grants the secretariat's too. */
export const rolesToAuthorise = (change: { tbl: string; rowId: string }): RoleName[] =>
  change.tbl === 'forums' || change.rowId.endsWith('/secretariat') ? ['owner'] : ['owner', 'secretariat'];

/** The id a forum gets from its owner's key and a nonce: no other key can claim it. */
export const forumIdFor = (ownerKey: string, nonce: string) => derivedId('forum-owner', ownerKey, nonce);

/**
 * Who may change what in one forum, replayed from the changes that set its owner and grants, in
 * clock order, each valid only if its signer held the right to make it at its own clock value.
 * Every laptop that holds the same changes builds the same authority, whatever order they came in.
 *
 * The owner is the laptop whose key the forum's id was derived from; a forum made before roles
 * existed has no such key, and its owner is the laptop whose change created it. Until the owner
 * switches roles on, every change is allowed, as before. From then on a change needs a role that
 * allows it, held at its clock value; laptops that had written before keep every right except
 * granting, for changes after the newest the owner had seen from them, until a grant or a
 * revocation names them.
 */
export class ForumAuthority {
  private ownerKey: string | undefined;
  private ownerDevice: string | undefined;
  private legacy: Map<string, string> | undefined;
  private readonly timelines = new Map<string, Snapshot[]>();
  /** The authority changes that did not hold: refused like any other change. */
  readonly invalid = new Set<AuthorityChange>();

  constructor(
    private readonly context: AuthorityContext,
    changes: readonly AuthorityChange[],
  ) {
    const forumChanges = changes.filter((c) => c.tbl === 'forums' && c.rowId === context.forumId).sort(byClock);
    const creation = forumChanges.find((c) => Object.keys(c.cells).some((cell) => !ownerCells.has(cell)));
    for (const change of forumChanges) {
      const key = change.cells.owner_key;
      const nonce = change.cells.owner_nonce;
      if (typeof key === 'string' && typeof nonce === 'string' && forumIdFor(key, nonce) === context.forumId && this.keyOf(change.device) === key) {
        this.ownerKey = key;
        break;
      }
    }
    if (this.ownerKey === undefined) this.ownerDevice = creation?.device;
    const authority = [
      ...forumChanges.filter((c) => Object.keys(c.cells).some((cell) => ownerCells.has(cell))),
      ...changes.filter((c) => c.tbl === 'role_grants'),
    ].sort(byClock);
    for (const change of authority) {
      if (!this.apply(change)) this.invalid.add(change);
    }
  }

  get enabled(): boolean {
    return this.legacy !== undefined;
  }

  isOwner(deviceId: string): boolean {
    if (this.ownerKey !== undefined) return this.keyOf(deviceId) === this.ownerKey;
    return deviceId === this.ownerDevice;
  }

  get owner(): string | undefined {
    return this.ownerDevice;
  }

  /** Laptops that had written before roles were switched on, with the newest change seen from each. */
  legacyDevices(): ReadonlyMap<string, string> {
    return this.legacy ?? new Map();
  }

  /** The roles a laptop holds at a clock value (now: the newest), with their sessions. */
  rolesAt(deviceId: string, hlc = '\uffff'): Map<RoleName, GrantState> {
    const snapshot = this.snapshotAt(deviceId, hlc);
    const roles = new Map<RoleName, GrantState>();
    for (const [role, state] of snapshot?.roles ?? []) if (state.active) roles.set(role, state);
    return roles;
  }

  /** Keeps rights from before roles at this clock value (none named it since). */
  isLegacyAt(deviceId: string, hlc = '\uffff'): boolean {
    return this.legacy?.has(deviceId) === true && this.snapshotAt(deviceId, hlc)?.narrowed !== true;
  }

  /**
   * Undefined when the change may be applied; otherwise the roles that would allow it.
   * `sessionOf` answers the session of a row in a session's scope (a note, a key message).
   */
  check(change: AuthorityChange, sessionOf: () => string | undefined): Refusal | undefined {
    if (this.invalid.has(change)) return { needed: rolesToAuthorise(change) };
    if (!this.enabled) return undefined;
    const groups = this.groupsFor(change);
    if (groups === undefined || this.isOwner(change.device) || isAuthorityChange(change)) return undefined; // grants: checked when replayed
    const seen = this.legacy?.get(change.device);
    if (seen !== undefined && change.hlc <= seen) return undefined;
    const snapshot = this.snapshotAt(change.device, change.hlc);
    if (seen !== undefined && snapshot?.narrowed !== true) return undefined;
    let session: string | undefined;
    const covers = (group: readonly RoleName[]) =>
      group.some((role) => {
        const grant = snapshot?.roles.get(role);
        if (!grant?.active) return false;
        if (grant.sessions.length === 0 || !sessionScopedTables.has(change.tbl)) return true;
        session ??= sessionOf();
        return session !== undefined && grant.sessions.includes(session);
      });
    const missing = groups.filter((group) => !covers(group));
    if (missing.length === 0) return undefined;
    return { needed: [...new Set(missing.flat())], ...(session !== undefined ? { session } : {}) };
  }

  private readonly groupCache = new Map<string, RoleName[][] | undefined>();

  /** roleGroupsFor, remembered per table and set of cells: a bundle repeats a few shapes. */
  private groupsFor(change: AuthorityChange): RoleName[][] | undefined {
    let key = change.tbl;
    for (const cell in change.cells) key += `|${cell}`;
    // The status a row is created with decides whether it is the chair's (see rolesAllowedFor).
    if ('forum_id' in change.cells && 'status' in change.cells) key += `=${String(change.cells.status)}`;
    if (!this.groupCache.has(key)) this.groupCache.set(key, roleGroupsFor(change.tbl, Object.keys(change.cells), change.cells));
    return this.groupCache.get(key);
  }

  private keyOf(deviceId: string): string | undefined {
    return this.context.keyOf(deviceId);
  }

  private snapshotAt(deviceId: string, hlc: string): Snapshot | undefined {
    const timeline = this.timelines.get(deviceId);
    if (!timeline) return undefined;
    // The last entry at or before `hlc` (entries are in clock order).
    let low = 0;
    let high = timeline.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((timeline[mid]?.hlc ?? '') <= hlc) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? undefined : timeline[low - 1];
  }

  /** Replays one change to the owner's cells or to a grant; false when its signer had no right to it. */
  private apply(change: AuthorityChange): boolean {
    if (change.tbl === 'forums') {
      if (!this.isOwner(change.device)) return false;
      const key = change.cells.owner_key;
      const nonce = change.cells.owner_nonce;
      if ((key !== undefined || nonce !== undefined) && (typeof key !== 'string' || typeof nonce !== 'string' || key !== this.ownerKey || forumIdFor(key, nonce) !== this.context.forumId)) return false;
      const legacy = change.cells.roles_legacy;
      if (legacy !== undefined) {
        if (legacy === null) this.legacy = undefined;
        else if (typeof legacy === 'object' && !Array.isArray(legacy) && Object.values(legacy).every((v) => typeof v === 'string')) {
          this.legacy = new Map(Object.entries(legacy as Record<string, string>));
        } else return false;
      }
      return true;
    }
    const target = parseGrantRowId(change.rowId);
    if (!target || target.forumId !== this.context.forumId || target.role === 'owner') return false;
    if (change.cells.role !== undefined && change.cells.role !== target.role) return false;
    if (change.cells.device_id !== undefined && change.cells.device_id !== target.deviceId) return false;
    if (change.cells.forum_id !== undefined && change.cells.forum_id !== target.forumId) return false;
    const sessions = change.cells.sessions;
    if (sessions !== undefined && !(Array.isArray(sessions) && sessions.every((s) => typeof s === 'string'))) return false;
    const fingerprint = change.cells.fingerprint;
    const key = this.keyOf(target.deviceId);
    if (typeof fingerprint === 'string' && key !== undefined && fingerprintOf(key) !== fingerprint) return false;
    // Only the owner makes or unmakes a secretariat; a secretariat grants the other roles.
    const signer = this.isOwner(change.device)
      ? 'owner'
      : this.rolesAt(change.device, change.hlc).has('secretariat') && target.role !== 'secretariat'
        ? 'secretariat'
        : undefined;
    if (!signer) return false;
    const timeline = this.timelines.get(target.deviceId) ?? [];
    const previous = timeline.at(-1);
    const roles = new Map(previous?.roles ?? []);
    const before = roles.get(target.role) ?? { active: false, sessions: [] };
    roles.set(target.role, {
      active: change.cells.active === undefined ? before.active || change.cells.role !== undefined : change.cells.active === 1 || change.cells.active === true,
      sessions: (sessions as string[] | undefined) ?? before.sessions,
    });
    timeline.push({ hlc: change.hlc, roles, narrowed: true });
    this.timelines.set(target.deviceId, timeline);
    return true;
  }
}
