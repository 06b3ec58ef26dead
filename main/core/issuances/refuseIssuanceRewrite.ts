import type { Database } from 'better-sqlite3';
import { CoreError } from '../errors';
import type { AuthorityChange } from '../roles/forumAuthority';
import { ownPublicKey } from '../sync/deviceIdentity';
import { issuanceChangeProblem } from './issuanceSeal';

/**
 * Refuses, before it is logged, a local write that would alter an issued document: a sealed cell
 * set again (even to the same value), or without a seal that holds. Every laptop would keep such
 * a change aside at import (checkBundleRoles), so it is better never made.
 */
export function refuseIssuanceRewrite(db: Database, change: AuthorityChange): void {
  const own = ownPublicKey(db);
  const problem = issuanceChangeProblem(change, (deviceId) => (deviceId === change.device ? own : undefined));
  const rewrites = problem === undefined && 'snapshot' in change.cells && db.prepare('SELECT 1 FROM issuances WHERE id = ?').pluck().get(change.rowId) !== undefined;
  if (problem === undefined && !rewrites) return;
  throw new CoreError('issuance_immutable', `An issued document never changes (this change ${problem ?? 'issues it again'}). Edit the draft and issue a revision instead. Nothing was changed.`);
}
