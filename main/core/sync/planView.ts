import type { Statement } from 'better-sqlite3';
import type { AuthorityChange } from '../roles/forumAuthority';
import type { ReadContext } from '../workers/readContext';
import type { BundleChange } from './readBundle';

/** The cells of a change as read from its line (parsed once, by the reader). */
export const cellsOf = (change: BundleChange): Record<string, unknown> => change.values ?? (JSON.parse(change.cells) as Record<string, unknown>);

/**
 * What earlier bundles of the same import session will have added by the time this one is
 * applied: the worker plans the next bundle while the main connection applies the one before, so
 * it reads the database through this overlay, as if they were already there.
 */
export interface SessionOverlay {
  /** Device → the clock readings of its changes earlier bundles bring (a device never stamps two alike). */
  changes: Map<string, Set<string>>;
  /** `${table}\u0000${rowId}` → the forum the row belongs to. */
  rows: Map<string, string>;
  /** Device → public key: signers and relayed laptops earlier bundles pinned. */
  keys: Map<string, string>;
  /** Signers the user trusted for this session. */
  trusted: Set<string>;
  /** Participants an earlier bundle erases. */
  erased: Set<string>;
  /** `${table}\u0000${rowId}` of every row an earlier bundle changes. */
  touched: Set<string>;
  /** Changes to forums' owners and grants earlier bundles bring: later ones are checked against them. */
  authority: AuthorityChange[];
  /** `${table}\u0000${rowId}` → session, for the notes and key messages earlier bundles bring. */
  sessions: Map<string, string>;
}

export function emptyOverlay(): SessionOverlay {
  return { changes: new Map(), rows: new Map(), keys: new Map(), trusted: new Set(), erased: new Set(), touched: new Set(), authority: [], sessions: new Map() };
}

const rowKey = (table: string, rowId: string) => `${table}\u0000${rowId}`;
/** A change's row as every step of a plan keys it: made once by the reader, or made now. */
export const rowKeyOf = (c: { tbl: string; rowId: string; key?: string }) => c.key ?? rowKey(c.tbl, c.rowId);

/**
 * The database as a plan sees it: a read-only connection (statements prepared once) and, within
 * an import session, the overlay of what earlier bundles bring.
 */
export class PlanView {
  private readonly statements = new Map<string, Statement>();

  constructor(
    readonly read: ReadContext,
    private readonly overlay: SessionOverlay = emptyOverlay(),
  ) {}

  private statement(key: string, sql: string): Statement {
    let statement = this.statements.get(key);
    if (!statement) this.statements.set(key, (statement = this.read.db.prepare(sql)));
    return statement;
  }

  /** Whether anything is held back for want of a role: asked once per plan, as it is rare. */
  private roleHeld: boolean | undefined;

  /**
   * Which of the changes are here already: brought earlier in the session, in the log, or held
   * back for want of a role (that comes again with every relaying bundle). One query per table
   * and a day's bundle, not one per change: a day's edits of notes the secretariat has are
   * 100,000 changes, each looked up in vain (441 ms of the worker's 2.5 s, one by one).
   */
  changesHere<T extends { tbl: string; rowId: string; device: string; hlc: string }>(changes: readonly T[]): Set<T> {
    const here = new Set<T>();
    const asked = new Map<string, T[]>();
    for (const c of changes) {
      if (this.overlay.changes.get(c.device)?.has(c.hlc)) {
        here.add(c);
        continue;
      }
      let list = asked.get(c.tbl);
      if (!list) asked.set(c.tbl, (list = []));
      list.push(c);
    }
    const inLog = this.statement('changes-here', `SELECT key FROM json_each(?) WHERE EXISTS (SELECT 1 FROM changes WHERE tbl = ? AND row_id = value ->> 0 AND hlc = value ->> 1 AND device = value ->> 2)`).pluck();
    this.roleHeld ??= this.statement('role-held-any', "SELECT 1 FROM held_changes WHERE reason = 'role' LIMIT 1").pluck().get() !== undefined;
    const held = this.statement(
      'role-held-here',
      `SELECT key FROM json_each(?) WHERE EXISTS (SELECT 1 FROM held_changes WHERE tbl = ? AND row_id = value ->> 0 AND device = value ->> 2 AND hlc = value ->> 1 AND reason = 'role')`,
    ).pluck();
    for (const [table, list] of asked) {
      const keys = JSON.stringify(list.map((c) => [c.rowId, c.hlc, c.device]));
      for (const k of inLog.all(keys, table) as number[]) here.add(list[k] as T);
      if (this.roleHeld) for (const k of held.all(keys, table) as number[]) here.add(list[k] as T);
    }
    return here;
  }

  /** rowForum for many rows of one table: one query, not one per row. */
  rowForums(table: string, rowIds: Iterable<string>): Map<string, string | null | undefined> {
    const forums = new Map<string, string | null | undefined>();
    const asked: string[] = [];
    for (const rowId of rowIds) {
      if (forums.has(rowId)) continue;
      const planned = this.overlay.rows.get(rowKey(table, rowId));
      forums.set(rowId, planned);
      if (planned === undefined) asked.push(rowId);
    }
    if (asked.length === 0) return forums;
    const column = table === 'forums' ? 'id' : 'forum_id';
    const rows = this.statement(`forums-of:${table}`, `SELECT id, ${column} FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(JSON.stringify(asked)) as Array<[string, string | null]>;
    for (const [id, forum] of rows) forums.set(id, forum);
    return forums;
  }

  /** The forum a row belongs to, or undefined when the row is not here (nor brought earlier). */
  rowForum(table: string, rowId: string): string | null | undefined {
    const planned = this.overlay.rows.get(rowKey(table, rowId));
    if (planned !== undefined) return planned;
    const sql = table === 'forums' ? 'SELECT id FROM forums WHERE id = ?' : `SELECT forum_id FROM ${table} WHERE id = ?`;
    return this.statement(`forum:${table}`, sql).pluck().get(rowId) as string | null | undefined;
  }

  hasRow(table: string, rowId: string): boolean {
    return this.rowForum(table, rowId) !== undefined;
  }

  /**
   * Whether the log holds any change of each row the changes touch (here, or brought earlier in
   * the session), keyed by rowKeyOf: one query per table, not one per row (a day's bundle
   * creates thousands of notes).
   */
  historyOf(changes: ReadonlyArray<{ tbl: string; rowId: string; key?: string }>): Map<string, boolean> {
    const history = new Map<string, boolean>();
    const asked = new Map<string, string[]>();
    for (const change of changes) {
      const key = rowKeyOf(change);
      if (history.has(key)) continue;
      const touched = this.overlay.touched.has(key);
      history.set(key, touched);
      if (touched) continue;
      let ids = asked.get(change.tbl);
      if (!ids) asked.set(change.tbl, (ids = []));
      ids.push(change.rowId);
    }
    const withHistory = this.statement('history-many', 'SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM changes WHERE tbl = ? AND row_id = value)').pluck();
    for (const [table, ids] of asked) {
      for (const id of withHistory.all(JSON.stringify(ids), table) as string[]) history.set(rowKey(table, id), true);
    }
    return history;
  }

  /** The key this laptop already pins for a device: its own, a trusted signer's or a relayed one's. */
  pinnedKey(deviceId: string): string | undefined {
    if (deviceId === this.read.deviceId) return this.read.ownPublicKey;
    const planned = this.overlay.keys.get(deviceId);
    if (planned !== undefined) return planned;
    return this.statement('pinned', 'SELECT public_key FROM known_devices WHERE device_id = ? UNION ALL SELECT public_key FROM relayed_devices WHERE device_id = ?')
      .pluck()
      .get(deviceId, deviceId) as string | undefined;
  }

  /** The key of a signer this laptop trusts (or that the user trusted earlier in the session). */
  trustedSignerKey(deviceId: string): string | undefined {
    if (this.overlay.trusted.has(deviceId)) return this.overlay.keys.get(deviceId);
    return this.statement('trusted', 'SELECT public_key FROM known_devices WHERE device_id = ?').pluck().get(deviceId) as string | undefined;
  }

  /** Authority changes earlier bundles of the session bring for a forum. */
  plannedAuthority(forumId: string): AuthorityChange[] {
    return this.overlay.authority.filter((c) => (c.tbl === 'forums' ? c.rowId === forumId : c.rowId.startsWith(`${forumId}/`)));
  }

  /** The session a row belongs to, as the database (or an earlier bundle) has it. */
  sessionOf(table: 'notes' | 'key_messages', rowId: string): string | undefined {
    const planned = this.overlay.sessions.get(rowKey(table, rowId));
    if (planned !== undefined) return planned;
    return (this.statement(`session:${table}`, `SELECT session_id FROM ${table} WHERE id = ?`).pluck().get(rowId) as string | null | undefined) ?? undefined;
  }

  isErased(participantId: string): boolean {
    if (this.overlay.erased.has(participantId)) return true;
    return this.statement('erased', "SELECT 1 FROM changes WHERE tbl = 'participants' AND row_id = ? AND cells ->> '$.erased' = 1 LIMIT 1").pluck().get(participantId) !== undefined;
  }

  /** After a plan: what its bundle brings, for the bundles planned after it in the session. */
  record(applied: readonly BundleChange[], forumId: string, keys: Iterable<[string, string]>, trustedSigner: string | undefined, rolesOn = false): void {
    for (const change of applied) {
      const key = rowKeyOf(change);
      let readings = this.overlay.changes.get(change.device);
      if (!readings) this.overlay.changes.set(change.device, (readings = new Set()));
      readings.add(change.hlc);
      this.overlay.touched.add(key);
      const cells = cellsOf(change);
      if (change.tbl === 'forums') this.overlay.rows.set(key, change.rowId);
      else if (typeof cells.forum_id === 'string') this.overlay.rows.set(key, forumId);
      if (change.tbl === 'participants' && cells.erased === 1) this.overlay.erased.add(change.rowId);
      // Sessions are asked only to check a rapporteur's scope, so kept only while roles are on.
      if (rolesOn && typeof cells.session_id === 'string') this.overlay.sessions.set(key, cells.session_id);
      if (change.tbl === 'forums' || change.tbl === 'role_grants') this.overlay.authority.push({ device: change.device, hlc: change.hlc, tbl: change.tbl, rowId: change.rowId, cells });
    }
    for (const [device, key] of keys) if (!this.overlay.keys.has(device)) this.overlay.keys.set(device, key);
    if (trustedSigner) this.overlay.trusted.add(trustedSigner);
  }
}
