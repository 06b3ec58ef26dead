import type { Statement } from 'better-sqlite3';
import { pickText } from '../../../shared/multilingual';
import type { ImportPreview, MassChange } from '../../../shared/sync';
import { CoreError } from '../errors';
import { dependencyOrder, rowReferences } from '../store/rowReferences';
import type { SyncedTable } from '../store/syncedTables';
import type { JobProgress } from '../workers/workerJobs';
import type { ReadContext } from '../workers/readContext';
import { fingerprintOf } from './deviceIdentity';
import { decodeHlc, MAX_DRIFT_MS } from './hybridClock';
import { checkForumScope } from './forumScopeCheck';
import { detectMassChanges } from './massChanges';
import { readBundle, type BundleChange } from './readBundle';
import type { BundleManifest } from './bundleFormat';
import { bundleError } from './bundleError';
import { checkBlocks, type ChangeBlock } from './changeBlocks';
import { isErased } from '../store/eraseParticipant';

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
  consent?: { trustNewDevice: boolean; confirmMassChanges: boolean };
}

/**
 * One change as the log stores it: [device, hlc, table, rowId, cells JSON, parents JSON or null,
 * and for a change whose values were erased, the hash its line had].
 */
export type PlannedChange = [string, string, string, string, string, string | null, string | null];

/** Changes as one JSON text (parsed by the main thread a batch at a time) and how many it holds. */
export interface PlannedBatch {
  count: number;
  lines: string;
}

export interface BundlePlan {
  preview: ImportPreview;
  forumId: string;
  signer: { deviceId: string; name: string; publicKey: string; fingerprint: string };
  knowledge: Array<{ device: string; hlc: string }>;
  /** Changes to add to the log, referenced tables first. */
  batches: PlannedBatch[];
  /** Changes kept aside because their clock is too far ahead. */
  held: PlannedBatch[];
  /** The newest clock value among the changes applied and held. */
  newest: string;
  /** The signatures to keep, so this laptop can relay what it received. */
  blocks: ChangeBlock[];
  /** Keys of devices this bundle relays changes of, to pin them for next time. */
  relayed: Array<{ id: string; publicKey: string }>;
  /** Changes held back by an earlier import are applied this time (the user chose to). */
  releasesHeld: boolean;
}

/** Lines per batch: small enough that the main thread parses one in well under a millisecond. */
const batchSize = 500;

/**
 * Everything an import decides before anyone writes, on a read-only view of the database (in
 * the worker): the bundle read and verified, the signer checked against the key this laptop
 * knows, its changes checked to stay within their forum, the ones already here dropped, the ones
 * from a clock far ahead held back, mass deletions found, and the rest ordered so that every
 * row a change points at is written first.
 */
export function planBundleImport(read: ReadContext, input: BundlePlanInput, progress: (p: JobProgress) => void = () => undefined): BundlePlan {
  progress({ phase: 'verify', done: 0, total: input.bytes.length });
  const { manifest, changes } = readBundle(input.bytes);
  progress({ phase: 'plan', done: 0, total: changes.length });
  const status = signerStatus(read, manifest.device);
  const forumId = manifest.forum.id;
  checkSigners(read, manifest, changes);
  checkErasures(read, changes);
  const exists = read.db.prepare('SELECT 1 FROM changes WHERE tbl = ? AND row_id = ? AND device = ? AND hlc = ?').pluck();
  const fresh = changes.filter((c) => exists.get(c.tbl, c.rowId, c.device, c.hlc) === undefined);
  checkForumScope(read, forumId, fresh);

  const held = new Set<BundleChange>();
  let skewed = 0;
  let maxAhead = 0;
  let heldAhead = 0;
  let newest = '';
  for (const change of changes) {
    const ahead = decodeHlc(change.hlc).millis - input.now;
    if (ahead > MAX_DRIFT_MS) {
      skewed += 1;
      maxAhead = Math.max(maxAhead, ahead);
    }
  }
  for (const change of fresh) {
    if (change.hlc > newest) newest = change.hlc;
    const ahead = decodeHlc(change.hlc).millis - input.now;
    if (ahead > input.holdAheadMs && !input.applyHeld) {
      held.add(change);
      heldAhead = Math.max(heldAhead, ahead);
    }
  }
  if (held.size > 0) holdDependents(read, fresh, held);
  const applied = fresh.filter((c) => !held.has(c));

  const forumRow = read.db.prepare('SELECT title, source_language AS lang FROM forums WHERE id = ?').get(forumId) as
    | { title: string; lang: string }
    | undefined;
  const preview: ImportPreview = {
    forum: {
      id: forumId,
      title: forumRow ? pickText(JSON.parse(forumRow.title) as Record<string, string>, forumRow.lang, forumRow.lang).text : manifest.forum.title,
      isNew: !forumRow,
    },
    device: { id: manifest.device.id, name: manifest.device.name, fingerprint: fingerprintOf(manifest.device.publicKey), status },
    changes: { total: changes.length, new: fresh.length, alreadyHere: changes.length - fresh.length },
    rows: tallyRows(read, applied),
    skew: { changes: skewed, maxAheadMs: maxAhead },
    held: { changes: held.size, maxAheadMs: heldAhead },
    massChanges: detectMassChanges(read.db, forumId, applied),
  };
  const plan: BundlePlan = {
    preview,
    forumId,
    signer: { deviceId: manifest.device.id, name: manifest.device.name, publicKey: manifest.device.publicKey, fingerprint: preview.device.fingerprint },
    knowledge: manifest.knowledge,
    batches: [],
    held: [],
    newest,
    releasesHeld: input.applyHeld,
    blocks: manifest.blocks,
    relayed: manifest.devices.filter((d) => d.id !== manifest.device.id && d.id !== read.deviceId),
  };
  const consent = input.consent;
  if (!consent) return plan;
  if (status === 'unknown' && !consent.trustNewDevice) {
    throw new CoreError(
      'bundle_rejected',
      `This is the first bundle from “${preview.device.name}”. Compare its fingerprint ${preview.device.fingerprint} with the one shown on that laptop, then import again and confirm you trust it.`,
    );
  }
  if (preview.massChanges.length > 0 && !consent.confirmMassChanges) {
    throw new CoreError('confirmation_required', `${describeMassChanges(preview.massChanges)} Look at the preview and confirm before importing; nothing was changed.`);
  }
  plan.batches = toBatches(inDependencyOrder(applied));
  plan.held = toBatches([...held]);
  return plan;
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

/**
 * Every change must come signed by the device it names (see changeBlocks.ts): the signer's own
 * under the signer's key, others' under blocks their devices signed, with keys matching those
 * this laptop already pins. This laptop's own id is accepted only under its own key.
 */
function checkSigners(read: ReadContext, manifest: BundleManifest, changes: readonly BundleChange[]): void {
  const keys = new Map(manifest.devices.map((d) => [d.id, d.publicKey]));
  const given = keys.get(manifest.device.id);
  if (given !== undefined && given !== manifest.device.publicKey) throw bundleError('The bundle gives its signer two different keys; it was not imported.');
  keys.set(manifest.device.id, manifest.device.publicKey);
  const known = read.db.prepare('SELECT public_key FROM known_devices WHERE device_id = ? UNION ALL SELECT public_key FROM relayed_devices WHERE device_id = ?').pluck();
  checkBlocks(
    {
      forumId: manifest.forum.id,
      keys,
      pinned: (deviceId) => {
        if (deviceId !== read.deviceId) return known.get(deviceId, deviceId) as string | undefined;
        // Never signed anything: no key can prove a change in this laptop's name.
        return read.ownPublicKey ?? 'none';
      },
    },
    manifest.blocks,
    changes,
  );
}

/**
 * A line may come with its values erased only for a person someone erased: by a change in this
 * bundle or one already here. Otherwise a relaying laptop could blank anyone's work.
 */
function checkErasures(read: ReadContext, changes: readonly BundleChange[]): void {
  const erasedHere = new Set(changes.filter((c) => c.tbl === 'participants' && (JSON.parse(c.cells) as { erased?: unknown }).erased === 1).map((c) => c.rowId));
  for (const change of changes) {
    if (!change.erasedHash || erasedHere.has(change.rowId) || isErased(read.db, change.rowId)) continue;
    throw bundleError('The bundle carries changes whose values were erased, for a person nobody erased; it was not imported.');
  }
}

/** Refuses a bundle whose signer this laptop knows under another key; says who it is otherwise. */
function signerStatus(read: ReadContext, device: { id: string; name: string; publicKey: string }): ImportPreview['device']['status'] {
  const known = read.db.prepare('SELECT public_key FROM known_devices WHERE device_id = ?').pluck().get(device.id) as string | undefined;
  const own = device.id === read.deviceId;
  const expected = own ? read.ownPublicKey : known;
  if (own && expected === undefined) {
    throw new CoreError('device_key_mismatch', `The bundle says it comes from this laptop (${device.id}), which has never signed anything. It was not imported.`);
  }
  if (expected !== undefined && expected !== device.publicKey) {
    throw new CoreError(
      'device_key_mismatch',
      `The bundle says it comes from “${device.name}” (${device.id}), which this laptop knows under another key (fingerprint ${fingerprintOf(expected)}, not ${fingerprintOf(device.publicKey)}). It was not imported.`,
    );
  }
  if (device.id === read.deviceId) return 'this-device';
  return expected === undefined ? 'unknown' : 'trusted';
}

/**
 * A change held back takes with it the changes that cannot stand without it: the rest of a row
 * it creates, and changes pointing at a row only it creates. Repeats until nothing moves.
 */
function holdDependents(read: ReadContext, fresh: readonly BundleChange[], held: Set<BundleChange>): void {
  const statements = new Map<string, Statement>();
  const stored = (table: string, rowId: string) => {
    let statement = statements.get(table);
    if (!statement) statements.set(table, (statement = read.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck()));
    return statement.get(rowId) !== undefined;
  };
  const parsed = new Map(fresh.map((c) => [c, JSON.parse(c.cells) as Record<string, unknown>]));
  for (let moved = true; moved; ) {
    moved = false;
    const created = new Set<string>();
    for (const change of fresh) {
      if (!held.has(change) && (change.tbl === 'forums' || 'forum_id' in (parsed.get(change) ?? {}))) created.add(`${change.tbl}/${change.rowId}`);
    }
    const present = (table: string, rowId: string) => created.has(`${table}/${rowId}`) || stored(table, rowId);
    for (const change of fresh) {
      if (held.has(change)) continue;
      const cells = parsed.get(change) ?? {};
      const references = Object.entries(rowReferences[change.tbl as SyncedTable] ?? {});
      const dangling = references.some(([column, target]) => typeof cells[column] === 'string' && !present(target, cells[column] as string));
      if (!present(change.tbl, change.rowId) || dangling) {
        held.add(change);
        moved = true;
      }
    }
  }
}

function tallyRows(read: ReadContext, changes: readonly BundleChange[]): ImportPreview['rows'] {
  const statements = new Map<string, Statement>();
  const seen = new Set<string>();
  const rows: ImportPreview['rows'] = {};
  for (const change of changes) {
    const key = `${change.tbl}/${change.rowId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let statement = statements.get(change.tbl);
    if (!statement) statements.set(change.tbl, (statement = read.db.prepare(`SELECT 1 FROM ${change.tbl} WHERE id = ?`).pluck()));
    const tally = (rows[change.tbl] ??= { added: 0, updated: 0 });
    if (statement.get(change.rowId) !== undefined) tally.updated += 1;
    else tally.added += 1;
  }
  return rows;
}

function inDependencyOrder(changes: readonly BundleChange[]): BundleChange[] {
  const rank = new Map<string, number>(dependencyOrder.map((table, index) => [table, index]));
  return changes
    .map((change, index) => ({ change, index, rank: rank.get(change.tbl) ?? dependencyOrder.length }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ change }) => change);
}

function toBatches(changes: readonly BundleChange[]): PlannedBatch[] {
  const batches: PlannedBatch[] = [];
  for (let start = 0; start < changes.length; start += batchSize) {
    const lines: PlannedChange[] = changes.slice(start, start + batchSize).map((c) => [c.device, c.hlc, c.tbl, c.rowId, c.cells, c.parents, c.erasedHash ?? null]);
    batches.push({ count: lines.length, lines: JSON.stringify(lines) });
  }
  return batches;
}
