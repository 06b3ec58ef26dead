import { pickText } from '../../../shared/multilingual';
import type { ImportPreview, MassChange } from '../../../shared/sync';
import { CoreError } from '../errors';
import { dependencyOrder } from '../store/rowReferences';
import type { JobProgress } from '../workers/workerJobs';
import type { ReadContext } from '../workers/readContext';
import type { ChangeBlock } from './changeBlocks';
import { foldNewRows } from './foldNewRows';
import { checkForumScope } from './forumScopeCheck';
import { holdDependents } from './holdBack';
import { noChanges, packChanges, type PackedChanges } from './packedChanges';
import { noRows, packRows, type PackedRows } from './packedRows';
import { fingerprintOf } from './deviceIdentity';
import { decodeHlc, encodeHlc, MAX_DRIFT_MS } from './hybridClock';
import { detectMassChanges } from './massChanges';
import { PlanView, rowKeyOf } from './planView';
import { readBundle, type BundleChange, type ReadProgress, type VerifiedBundle } from './readBundle';
import { checkErasures, checkSigners, signerStatus } from './signerChecks';
import { refusedByRole } from '../roles/checkBundleRoles';
import type { Refusal } from '../roles/forumAuthority';

export interface BundlePlanInput {
  bytes: Uint8Array;
  /** The main thread's wall clock when the import was asked for. */
  now: number;
  /** Changes stamped further ahead of `now` than this are held back instead of applied. */
  holdAheadMs: number;
  /** The user chose to apply held-back changes too. */
  applyHeld: boolean;
  /**
   * What the user agreed to, for an import; without it only the preview is made. With it, a
   * bundle needing more than was agreed is refused.
   */
  consent?: { trustNewDevice: boolean | readonly string[]; confirmMassChanges: boolean };
}

/**
 * One change as the log stores it: [device, hlc, table, rowId, cells JSON, parents JSON or null,
 * for a change whose values were erased the hash its line had, and 1 when its row is one the
 * bundle creates (projected from the worker's fold, not from history)].
 */
export type PlannedChange = [string, string, string, string, string, string | null, string | null, 0 | 1];

/** A change kept aside, why, and for a role, which roles it needed (JSON). */
export type HeldChange = [PlannedChange, 'clock_ahead' | 'role', string | null];

/**
 * Held changes in batches: they cross to the main thread as arrays (structured clone), never as
 * JSON text it would have to parse. (Handing SQLite the batch as JSON text for json_each was
 * tried: the main thread took 25% longer.) The changes and new rows, many more, go packed
 * (packedChanges.ts, packedRows.ts).
 */
export interface PlannedBatch<T = HeldChange> {
  count: number;
  items: T[];
}

export interface BundlePlan {
  preview: ImportPreview;
  forumId: string;
  signer: { deviceId: string; name: string; publicKey: string; fingerprint: string };
  knowledge: Array<{ device: string; hlc: string }>;
  /** Changes to add to the log, referenced tables first. */
  changes: PackedChanges;
  /** Rows the bundle creates that this laptop never had, folded in the worker. */
  newRows: PackedRows;
  /** Changes kept aside: their clock is too far ahead, or their author's role did not allow them. */
  held: Array<PlannedBatch<HeldChange>>;
  /** The newest clock value among the changes applied and held. */
  newest: string;
  /** The signatures to keep, so this laptop can relay what it received. */
  blocks: ChangeBlock[];
  /** Keys of devices this bundle relays changes of, to pin them for next time. */
  relayed: Array<{ id: string; publicKey: string }>;
  /** Changes held back by an earlier import are applied this time (the user chose to). */
  releasesHeld: boolean;
}

/** Items per batch. */
const batchSize = 500;

/**
 * Everything an import decides before anyone writes, on a read-only view of the database (in
 * the worker, and within a session through the overlay of the bundles before it): the bundle
 * read and verified, the signer checked against the key this laptop knows, its changes checked
 * to stay within their forum, the ones already here dropped, the ones from a clock far ahead held
 * back, mass deletions found, the rows it creates folded, and the rest ordered so that every row
 * a change points at is written first.
 */
export function planBundleImport(
  read: ReadContext | PlanView,
  input: BundlePlanInput,
  progress: (p: JobProgress) => void = () => undefined,
  readVerified: (bytes: Uint8Array, onRead: ReadProgress) => VerifiedBundle = readBundle,
): BundlePlan {
  const view = read instanceof PlanView ? read : new PlanView(read);
  progress({ phase: 'verify', done: 0, total: 0 });
  // Unpacking and checking the lines is half a large bundle's planning: told in steps of 2%.
  let next = 0;
  const { manifest, changes } = readVerified(input.bytes, (done, total) => {
    if (done < next && done < total) return;
    progress({ phase: 'verify', done, total });
    next = done + total / 50;
  });
  // The signers, the rest of the checks, the preview, then (for an import) folding new rows,
  // ordering and packing: for a whole forum's 200,000 changes, 0.1 to 0.4 s each.
  const steps = input.consent ? 7 : 3;
  progress({ phase: 'plan', done: 0, total: steps });
  const status = signerStatus(view, manifest.device);
  const forumId = manifest.forum.id;
  const keys = checkSigners(view, manifest, changes);
  checkErasures(view, changes);
  progress({ phase: 'plan', done: 1, total: steps });
  // A row with no history here holds none of the bundle's changes yet.
  const history = view.historyOf(changes);
  const here = view.changesHere(changes.filter((c) => history.get(rowKeyOf(c))));
  const fresh = here.size === 0 ? changes : changes.filter((c) => !here.has(c));
  const stored = checkForumScope(view, forumId, fresh, history);
  progress({ phase: 'plan', done: 2, total: steps });

  const held = new Set<BundleChange>();
  let skewed = 0;
  let maxAhead = 0;
  let heldAhead = 0;
  let newest = '';
  // Clock readings are fixed-width text, so "further ahead than" is one string comparison per change.
  const skewFrom = firstReadingAfter(input.now + MAX_DRIFT_MS);
  const holdFrom = firstReadingAfter(input.now + input.holdAheadMs);
  for (const change of changes) {
    if (change.hlc < skewFrom) continue;
    skewed += 1;
    maxAhead = Math.max(maxAhead, decodeHlc(change.hlc).millis - input.now);
  }
  for (const change of fresh) {
    if (change.hlc > newest) newest = change.hlc;
    if (change.hlc >= holdFrom && !input.applyHeld) {
      const ahead = decodeHlc(change.hlc).millis - input.now;
      held.add(change);
      heldAhead = Math.max(heldAhead, ahead);
    }
  }
  const ahead = new Set(held);
  const { refused, rolesOn } = refusedByRole(view, forumId, fresh.filter((c) => !held.has(c)), keys);
  for (const change of refused.keys()) held.add(change);
  if (held.size > 0) holdDependents(view, fresh, held);
  const applied = fresh.filter((c) => !held.has(c));
  const quarantined = [...held].filter((c) => !ahead.has(c));

  const forumRow = view.read.db.prepare('SELECT title, source_language AS lang FROM forums WHERE id = ?').get(forumId) as
    | { title: string; lang: string }
    | undefined;
  const preview: ImportPreview = {
    forum: {
      id: forumId,
      title: forumRow ? pickText(JSON.parse(forumRow.title) as Record<string, string>, forumRow.lang, forumRow.lang).text : manifest.forum.title,
      isNew: !forumRow && !view.hasRow('forums', forumId),
    },
    device: { id: manifest.device.id, name: manifest.device.name, fingerprint: fingerprintOf(manifest.device.publicKey), status },
    changes: { total: changes.length, new: fresh.length, alreadyHere: changes.length - fresh.length },
    rows: tallyRows(view, applied, history, stored),
    skew: { changes: skewed, maxAheadMs: maxAhead },
    held: { changes: held.size - quarantined.length, maxAheadMs: heldAhead },
    quarantined: { changes: quarantined.length, reasons: quarantineReasons(view, quarantined, refused) },
    massChanges: detectMassChanges(view.read.db, forumId, applied),
  };
  const plan: BundlePlan = {
    preview,
    forumId,
    signer: { deviceId: manifest.device.id, name: manifest.device.name, publicKey: manifest.device.publicKey, fingerprint: preview.device.fingerprint },
    knowledge: manifest.knowledge,
    changes: noChanges(),
    newRows: noRows(),
    held: [],
    newest,
    releasesHeld: input.applyHeld,
    blocks: manifest.blocks,
    relayed: manifest.devices.filter((d) => d.id !== manifest.device.id && d.id !== view.read.deviceId),
  };
  const consent = input.consent;
  const trusted = consent !== undefined && (consent.trustNewDevice === true || (Array.isArray(consent.trustNewDevice) && consent.trustNewDevice.includes(manifest.device.id)));
  // Later bundles of a session are planned as if this one went in: a preview shows each laptop's
  // share once, an import counts on the rows this one brings.
  const record = () => view.record(applied, forumId, keys, status === 'unknown' && trusted ? manifest.device.id : undefined, rolesOn);
  if (!consent) {
    record();
    progress({ phase: 'plan', done: 3, total: steps });
    return plan;
  }
  if (status === 'unknown' && !trusted) {
    throw new CoreError(
      'bundle_rejected',
      `This is the first bundle from “${preview.device.name}”. Compare its fingerprint ${preview.device.fingerprint} with the one shown on that laptop, then import again and confirm you trust it.`,
    );
  }
  if (preview.massChanges.length > 0 && !consent.confirmMassChanges) {
    throw new CoreError('confirmation_required', `${describeMassChanges(preview.massChanges)} Look at the preview and confirm before importing; nothing was changed.`);
  }
  progress({ phase: 'plan', done: 3, total: steps });
  const folded = foldNewRows(view, applied, history);
  progress({ phase: 'plan', done: 4, total: steps });
  const ordered = inDependencyOrder(applied);
  progress({ phase: 'plan', done: 5, total: steps });
  const line = (c: BundleChange): PlannedChange => [c.device, c.hlc, c.tbl, c.rowId, c.cells, c.parents, c.erasedHash ?? null, folded.ids.has(rowKeyOf(c)) ? 1 : 0];
  plan.changes = packChanges(ordered, (c) => folded.ids.has(rowKeyOf(c)));
  progress({ phase: 'plan', done: 6, total: steps });
  plan.newRows = packRows(folded.rows);
  plan.held = toBatches([...held].map((c): HeldChange => {
    const refusal = refused.get(c);
    const reason = ahead.has(c) ? 'clock_ahead' : 'role';
    return [line(c), reason, reason === 'role' ? JSON.stringify(refusal ?? { dependsOnHeld: true }) : null];
  }));
  // The last step, after everything that may stop: the plans ahead stop only before it.
  record();
  progress({ phase: 'plan', done: 7, total: steps });
  return plan;
}

/** The first clock reading whose time is later than `millis`: every reading from it on is. */
function firstReadingAfter(millis: number): string {
  const next = Math.floor(millis) + 1;
  // Past the readings' fifteen digits (a hold of centuries): no reading is that far ahead.
  return Number.isFinite(next) && next <= 999_999_999_999_999 ? encodeHlc({ millis: Math.max(0, next), counter: 0 }) : '\uffff';
}

/** "The bundle deletes 200 of 200 participants." in words, for messages and the CLI. */
export function describeMassChanges(changes: readonly MassChange[]): string {
  const parts = changes.map((m) =>
    m.table === 'forums'
      ? 'deletes the forum itself'
      : [
          ...(m.deleted ? [`deletes ${m.deleted} of ${m.live} ${m.table.replace(/_/g, ' ')}`] : []),
          ...(m.rewritten ? [`rewrites ${m.rewritten} of ${m.live} ${m.table.replace(/_/g, ' ')}`] : []),
        ].join(' and '),
  );
  return `The bundle ${parts.join(', ')}.`;
}

function tallyRows(
  view: PlanView,
  changes: readonly BundleChange[],
  history: ReadonlyMap<string, boolean>,
  stored: ReadonlyMap<string, string | null | undefined>,
): ImportPreview['rows'] {
  const seen = new Set<string>();
  const rows: ImportPreview['rows'] = {};
  const asked = new Map<string, Set<string>>();
  for (const change of changes) {
    const key = rowKeyOf(change);
    if (seen.has(key)) continue;
    seen.add(key);
    const tally = (rows[change.tbl] ??= { added: 0, updated: 0 });
    // A row with no history here (nor brought earlier in the session) is not here.
    if (history.get(key) === false) {
      tally.added += 1;
      continue;
    }
    // The scope check looked most of the others up already.
    if (stored.has(key)) {
      if (stored.get(key) !== undefined) tally.updated += 1;
      else tally.added += 1;
      continue;
    }
    let ids = asked.get(change.tbl);
    if (!ids) asked.set(change.tbl, (ids = new Set()));
    ids.add(change.rowId);
  }
  // The others are looked up a table at a time: a day's edits touch thousands of notes.
  for (const [table, ids] of asked) {
    const forums = view.rowForums(table, ids);
    const tally = (rows[table] ??= { added: 0, updated: 0 });
    for (const id of ids) {
      if (forums.get(id) !== undefined) tally.updated += 1;
      else tally.added += 1;
    }
  }
  return rows;
}

/**
 * Referenced tables first; within a table, by row, which keeps the log's index inserts close
 * together and a row's changes in one slice.
 */
function inDependencyOrder(changes: readonly BundleChange[]): BundleChange[] {
  const rank = new Map<string, number>(dependencyOrder.map((table, index) => [table, index]));
  return changes
    .map((change, index) => ({ change, index, rank: rank.get(change.tbl) ?? dependencyOrder.length }))
    .sort((a, b) => a.rank - b.rank || (a.change.rowId < b.change.rowId ? -1 : a.change.rowId > b.change.rowId ? 1 : a.index - b.index))
    .map(({ change }) => change);
}

function toBatches<T>(items: readonly T[]): Array<PlannedBatch<T>> {
  const batches: Array<PlannedBatch<T>> = [];
  for (let start = 0; start < items.length; start += batchSize) {
    const slice = items.slice(start, start + batchSize);
    batches.push({ count: slice.length, items: slice });
  }
  return batches;
}

/** Per author and roles needed: how many of the bundle's changes wait for a role. */
function quarantineReasons(view: PlanView, quarantined: readonly BundleChange[], refused: ReadonlyMap<BundleChange, Refusal>): ImportPreview['quarantined']['reasons'] {
  const groups = new Map<string, ImportPreview['quarantined']['reasons'][number]>();
  for (const change of quarantined) {
    const needed = refused.get(change)?.needed ?? [];
    const key = `${change.device}\u0000${needed.join(',')}`;
    const group = groups.get(key);
    if (group) group.changes += 1;
    else groups.set(key, { device: change.device, fingerprint: fingerprintOfDevice(view, change.device), needed, changes: 1 });
  }
  return [...groups.values()];
}

function fingerprintOfDevice(view: PlanView, deviceId: string): string {
  const key = view.pinnedKey(deviceId);
  return key ? fingerprintOf(key) : '';
}
