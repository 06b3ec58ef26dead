import { issuanceChangeProblem } from '../issuances/issuanceSeal';
import { cellsOf, type PlanView } from '../sync/planView';
import type { BundleChange } from '../sync/readBundle';
import { authorityChanges } from './authorityOf';
import { ForumAuthority, rolesToAuthorise, type AuthorityChange, type Refusal } from './forumAuthority';

const rowKey = (table: string, rowId: string) => `${table}\u0000${rowId}`;

/**
 * The changes of a bundle that their authors' roles did not allow at their own clock values,
 * each with the roles it needed. The forum's authority is replayed from what this laptop holds,
 * what earlier bundles of the session bring and what this bundle brings, so a grant travelling
 * in the same bundle as the work it allows lets that work in. Answers nothing, cheaply, while the
 * forum's roles are off.
 */
export function refusedByRole(view: PlanView, forumId: string, fresh: readonly BundleChange[], keys: ReadonlyMap<string, string>): { refused: Map<BundleChange, Refusal>; rolesOn: boolean } {
  const refused = new Map<BundleChange, Refusal>();
  const asAuthority = new Map<BundleChange, AuthorityChange>();
  const sessions = new Map<string, string>();
  const keyMessageOfSource = new Map<string, string>();
  for (const change of fresh) {
    if ((change.tbl === 'forums' && change.rowId === forumId) || change.tbl === 'role_grants') {
      asAuthority.set(change, { device: change.device, hlc: change.hlc, tbl: change.tbl, rowId: change.rowId, cells: cellsOf(change) });
    }
  }
  const knownKeys = new Map<string, string | undefined>();
  const keyOf = (deviceId: string) => {
    if (!knownKeys.has(deviceId)) knownKeys.set(deviceId, keys.get(deviceId) ?? view.pinnedKey(deviceId));
    return knownKeys.get(deviceId);
  };
  const authority = new ForumAuthority({ forumId, keyOf }, [...authorityChanges(view.read.db, forumId), ...view.plannedAuthority(forumId), ...asAuthority.values()]);
  // An issued document is frozen whether roles are on or not: a change to its seal is kept aside.
  for (const change of fresh) {
    if (change.tbl !== 'issuances') continue;
    const problem = issuanceChangeProblem({ device: change.device, rowId: change.rowId, cells: cellsOf(change) }, keyOf);
    if (problem !== undefined) refused.set(change, { needed: [], immutable: problem });
  }
  if (!authority.enabled) {
    // Off: only the owner's own changes to the switch could be refused, by a forger.
    for (const [change, replayed] of asAuthority) if (authority.invalid.has(replayed)) refused.set(change, { needed: rolesToAuthorise(change) });
    return { refused, rolesOn: false };
  }
  for (const change of fresh) {
    const cells = cellsOf(change);
    if (typeof cells.session_id === 'string') sessions.set(rowKey(change.tbl, change.rowId), cells.session_id);
    if (change.tbl === 'key_message_sources' && typeof cells.key_message_id === 'string') keyMessageOfSource.set(change.rowId, cells.key_message_id);
  }
  const sessionOf = (table: string, rowId: string): string | undefined => {
    const here = sessions.get(rowKey(table, rowId));
    if (here !== undefined) return here;
    if (table === 'notes' || table === 'key_messages') return view.sessionOf(table, rowId);
    if (table === 'key_message_sources') {
      const keyMessage = keyMessageOfSource.get(rowId) ?? (view.read.db.prepare('SELECT key_message_id FROM key_message_sources WHERE id = ?').pluck().get(rowId) as string | undefined);
      return keyMessage === undefined ? undefined : sessionOf('key_messages', keyMessage);
    }
    return undefined;
  };
  for (const change of fresh) {
    if (refused.has(change)) continue;
    const replayed = asAuthority.get(change);
    if (replayed) {
      if (authority.invalid.has(replayed)) refused.set(change, { needed: rolesToAuthorise(change) });
      continue;
    }
    const refusal = authority.check({ device: change.device, hlc: change.hlc, tbl: change.tbl, rowId: change.rowId, cells: cellsOf(change) }, () => sessionOf(change.tbl, change.rowId));
    if (refusal) refused.set(change, refusal);
  }
  return { refused, rolesOn: true };
}
