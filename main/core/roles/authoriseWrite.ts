import type { Database } from 'better-sqlite3';
import { ownerCells, rolesAllowedFor, type RoleName } from '../../../shared/roles';
import { CoreError } from '../errors';
import { refuseIssuanceRewrite } from '../issuances/refuseIssuanceRewrite';
import { authorityChanges, authorityOf, knownKey } from './authorityOf';
import { ForumAuthority, rolesToAuthorise, type AuthorityChange } from './forumAuthority';

const roleWords: Record<RoleName, string> = {
  owner: 'the owner',
  secretariat: 'secretariat',
  chair: 'chair',
  drafter: 'drafter',
  rapporteur: 'rapporteur',
  observer: 'observer',
};

/** "chair", "drafter or chair": the roles a refused change needed, for messages. */
export const describeRoles = (roles: readonly RoleName[]) =>
  roles.length === 0 ? 'a role no one holds' : roles.map((r) => roleWords[r]).join(' or ');

/** The session a note, key message or key message source belongs to, as the projection says. */
export function projectedSession(db: Database, table: string, rowId: string, cells: Record<string, unknown>): string | undefined {
  if (typeof cells.session_id === 'string') return cells.session_id;
  if (table === 'notes' || table === 'key_messages') {
    return db.prepare(`SELECT session_id FROM ${table} WHERE id = ?`).pluck().get(rowId) as string | undefined;
  }
  if (table === 'key_message_sources') {
    const keyMessage = typeof cells.key_message_id === 'string'
      ? cells.key_message_id
      : (db.prepare('SELECT key_message_id FROM key_message_sources WHERE id = ?').pluck().get(rowId) as string | undefined);
    return keyMessage === undefined ? undefined : (db.prepare('SELECT session_id FROM key_messages WHERE id = ?').pluck().get(keyMessage) as string | undefined);
  }
  return undefined;
}

/**
 * Refuses, before anything is logged, a write this laptop's role in the forum does not allow:
 * every laptop would hold it back at import anyway, so it is better never made. Grants and the
 * owner's cells are checked by replaying them after the forum's authority as it stands.
 */
export function authoriseWrite(db: Database, deviceId: string, forumId: string | null, change: AuthorityChange): void {
  if (forumId === null) return;
  if (change.tbl === 'issuances') refuseIssuanceRewrite(db, change);
  const allowed = rolesAllowedFor(change.tbl, Object.keys(change.cells), change.cells);
  if (allowed === undefined) return;
  const authority = authorityOf(db, deviceId, forumId);
  if (change.tbl === 'role_grants' || (change.tbl === 'forums' && Object.keys(change.cells).some((c) => ownerCells.has(c)))) {
    if (authority.isOwner(deviceId)) return;
    const replayed = new ForumAuthority({ forumId, keyOf: knownKey(db, deviceId) }, [...authorityChanges(db, forumId), change]);
    if (!replayed.invalid.has(change)) return;
    throw new CoreError('role_required', `Only ${describeRoles(rolesToAuthorise(change))} of this forum may do that; this laptop is not. Nothing was changed.`);
  }
  const refusal = authority.check(change, () => projectedSession(db, change.tbl, change.rowId, change.cells));
  if (!refusal) return;
  throw new CoreError(
    'role_required',
    refusal.session !== undefined && refusal.needed.includes('rapporteur')
      ? `This laptop is rapporteur for other sessions only; this change needs the role of ${describeRoles(refusal.needed)} for this session. Nothing was changed.`
      : `This change needs the role of ${describeRoles(refusal.needed)} in this forum, which this laptop does not hold. Nothing was changed.`,
  );
}
