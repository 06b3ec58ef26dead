import type { Database } from 'better-sqlite3';
import type { MassChange } from '../../../shared/sync';
import type { SyncedTable } from '../store/syncedTables';
import { cellsOf } from './planView';
import type { BundleChange } from './readBundle';

/**
 * Cells that say who or what a row is: a bundle rewriting them across much of a table is more
 * likely a damaged or misused laptop than a day's work. Check-ins, statuses and prose edits are
 * left out, since a door laptop or a rapporteur legitimately changes hundreds of those.
 */
const identityCells: { readonly [T in SyncedTable]?: readonly string[] } = {
  participants: ['name', 'organisation', 'email', 'country', 'org_type', 'gender'],
  sessions: ['day', 'start_time', 'end_time', 'title@'],
  outcome_documents: ['kind', 'title@'],
};

const tablesWithRows: readonly SyncedTable[] = [
  'sessions',
  'participants',
  'session_roles',
  'notes',
  'key_messages',
  'outcome_documents',
  'outcome_paragraphs',
  'amendments',
  'stances',
];

/** A table's share that, deleted or rewritten by one bundle, needs the user's explicit yes. */
const minimumRows = 10;
const deletedShare = 0.25;
const rewrittenShare = 0.5;

/**
 * What a bundle would delete or rewrite of the forum as it stands here, per table, when that is
 * much of it (all 200 participants deleted, every session moved). Deleting the forum itself
 * always counts.
 */
export function detectMassChanges(db: Database, forumId: string, changes: readonly BundleChange[]): MassChange[] {
  const deleted = new Map<string, Set<string>>();
  const rewritten = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, table: string, rowId: string) => {
    let set = map.get(table);
    if (!set) map.set(table, (set = new Set()));
    set.add(rowId);
  };
  const found: MassChange[] = [];
  for (const change of changes) {
    const cells = cellsOf(change);
    if (change.tbl === 'forums') {
      if (change.rowId === forumId && (cells.deleted === 1 || cells.deleted === true) && isLive(db, 'forums', change.rowId)) {
        if (!found.some((m) => m.table === 'forums')) found.push({ table: 'forums', deleted: 1, rewritten: 0, live: 1 });
      }
      continue;
    }
    if (cells.deleted === 1 || cells.deleted === true) add(deleted, change.tbl, change.rowId);
    const identity = identityCells[change.tbl as SyncedTable];
    if (identity?.some((cell) => Object.keys(cells).some((name) => (cell.endsWith('@') ? name.startsWith(cell) : name === cell)))) {
      add(rewritten, change.tbl, change.rowId);
    }
  }
  for (const table of tablesWithRows) {
    const del = [...(deleted.get(table) ?? [])].filter((id) => isLive(db, table, id)).length;
    const rew = [...(rewritten.get(table) ?? [])].filter((id) => isLive(db, table, id)).length;
    if (del === 0 && rew === 0) continue;
    const live = db.prepare(`SELECT count(*) FROM ${table} WHERE forum_id = ? AND deleted = 0`).pluck().get(forumId) as number;
    if (live < minimumRows) continue;
    const massive = del >= Math.max(minimumRows, live * deletedShare) || rew >= Math.max(minimumRows, live * rewrittenShare);
    if (massive) found.push({ table, deleted: del, rewritten: rew, live });
  }
  return found;
}

function isLive(db: Database, table: string, rowId: string): boolean {
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted = 0`).pluck().get(rowId) !== undefined;
}
