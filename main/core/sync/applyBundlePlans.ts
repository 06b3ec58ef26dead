import type { ImportProgress } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { applyInChunks, type ChunkStats } from '../store/applyInChunks';
import { cachedStatement } from '../store/cachedStatement';
import { insertNewRow, reprojectCells } from '../store/changeLog';
import { saveClock } from '../store/clockState';
import { isErased, scrubErasedRows } from '../store/eraseParticipant';
import { rememberDevice, rememberPeerKnowledge } from '../store/knownDevices';
import { authorityMoved } from '../store/logGeneration';
import { searchDeferralPerSlice, withSearchUpdatesDeferred } from '../store/searchIndexes';
import type { SyncedTable } from '../store/syncedTables';
import { endJournal, journalled, type ImportJournal } from './importJournal';
import { packedChange } from './packedChanges';
import { packedRow } from './packedRows';
import type { BundlePlan, HeldChange, PlannedBatch } from './planBundleImport';

/**
 * Applies planned bundles, in the order given, on the main connection in short transactions
 * (applyInChunks), in three phases, each slice noting in the journal what it wrote:
 * 1. their changes go into the log (those already here are skipped), referenced rows first;
 * 2. the rows they create, folded in the worker, are inserted once each, their search entries
 *    written in one statement per slice;
 * 3. the rows they change that were here already are re-projected from their history, once each
 *    however many of the bundles changed them, their search entries taken out and put back in
 *    one statement each per slice and table.
 * A slice may end in one phase and the next begin in it, so a small bundle is one transaction.
 * Then a transaction of its own keeps the held-back changes aside, records each signer, what it
 * has and the newest clock value seen, and closes the journal.
 *
 * Several bundles share the slices: a session whose plans are ready (made while its preview was
 * read, or waiting while the main connection wrote) commits a few large slices instead of two
 * small ones a bundle, and fills the search index in a few large segments instead of one small
 * one a bundle. A projection depends on the log alone, so writing all the bundles' changes
 * before any of their rows ends where one bundle after the other does. They go in or stay out
 * together (one journal): applyBundleRun.ts takes apart a run that fails.
 */
export async function applyBundlePlans(
  ctx: CoreContext,
  plans: readonly BundlePlan[],
  journal: ImportJournal,
  options: {
    now: Date;
    onProgress?: (progress: ImportProgress) => void;
    since?: number;
    /** False when the caller syncs later (a session's bundles before its last): see applyInChunks. */
    durable?: boolean;
  },
): Promise<ChunkStats> {
  const { db } = ctx;
  const lines = new Spans(plans.map((p) => p.changes.count));
  const created = new Spans(plans.map((p) => p.newRows.count));
  const insert = cachedStatement(
    db,
    'INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells, parents, erased_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  // Applied now because the user chose to: no longer held, if an earlier import kept them aside.
  const release = cachedStatement(db, 'DELETE FROM held_changes WHERE tbl = ? AND row_id = ? AND device = ? AND hlc = ?');
  const at = options.now.toISOString();
  const since = options.since ?? performance.now();
  let newest = '';
  // Rows that were here already, with the cells the bundles' new changes set (null: all of them).
  const touched = new Map<SyncedTable, Map<string, Set<string> | null>>();
  const touch = (table: SyncedTable, rowId: string, cells: readonly string[] | null) => {
    let rows = touched.get(table);
    if (!rows) touched.set(table, (rows = new Map()));
    const known = rows.get(rowId);
    if (cells === null || known === null) rows.set(rowId, null);
    else if (known) for (const cell of cells) known.add(cell);
    else rows.set(rowId, new Set(cells));
  };
  let existing: Array<readonly [SyncedTable, string, Set<string> | null]> = [];
  // One search deferral for all of the new rows' steps in a slice, indexed as the slice ends.
  const search = searchDeferralPerSlice(db);
  const report = options.onProgress ?? (() => undefined);
  report({ phase: 'apply', done: 0, total: lines.count + created.count });

  return applyInChunks(
    db,
    {
      phases: [
        {
          total: lines.count,
          applyRange(from, to) {
            journalled(db, journal, () => {
              for (let i = from; i < to; i++) {
                const [part, offset] = lines.locate(i);
                const plan = plans[part] as BundlePlan;
                const { device, hlc, tbl, rowId, cells, parents, erasedHash, isNewRow, cellNames } = packedChange(plan.changes, offset);
                if (plan.releasesHeld) release.run(tbl, rowId, device, hlc);
                if (insert.run(device, hlc, tbl, rowId, plan.forumId, cells, parents, erasedHash).changes === 0) continue;
                if (hlc > newest) newest = hlc;
                if (tbl === 'forums' || tbl === 'role_grants') authorityMoved(db);
                if (!isNewRow) touch(tbl as SyncedTable, rowId, cellNames());
              }
            });
          },
        },
        {
          total: created.count,
          applyRange(from, to) {
            journalled(db, journal, () => {
              const indexed = search.open();
              for (let i = from; i < to; i++) {
                const [part, offset] = created.locate(i);
                const [tbl, rowId, cells] = packedRow((plans[part] as BundlePlan).newRows, offset);
                const table = tbl as SyncedTable;
                if (table === 'participants' && isErased(db, rowId)) {
                  // Erased anywhere: its row is built from the scrubbed log now, before the notes and
                  // roles of this slice that point at it (later they would fail the foreign key).
                  scrubErasedRows(db, [rowId]);
                  continue;
                }
                const rowid = insertNewRow(db, table, rowId, cells);
                if (rowid !== undefined) indexed(table, rowid);
                // Here after all (an erased person, or a row another import made meanwhile).
                else touch(table, rowId, null);
              }
            });
          },
          endSlice: search.endSlice,
          abandonSlice: search.abandonSlice,
        },
        {
          // Known once the changes and new rows are in: the rows that were here already.
          total: () => (existing = [...touched].flatMap(([table, rows]) => [...rows].map(([id, cells]) => [table, id, cells] as const))).length,
          applyRange(from, to) {
            journalled(db, journal, () => {
              const byTable = new Map<SyncedTable, Map<string, Set<string> | null>>();
              for (const [table, id, cells] of existing.slice(from, to)) {
                let rows = byTable.get(table);
                if (!rows) byTable.set(table, (rows = new Map()));
                rows.set(id, cells);
              }
              const people = byTable.get('participants');
              if (people) for (const id of scrubErasedRows(db, people.keys())) people.delete(id);
              for (const [table, rows] of byTable) withSearchUpdatesDeferred(db, table, rows.keys(), () => reprojectCells(db, table, rows));
            });
          },
        },
      ],
      finish() {
        for (const plan of plans) {
          keepHeld(ctx, plan, at);
          keepSignatures(ctx, plan, at);
          if (plan.preview.device.status !== 'this-device') {
            const { deviceId, name, publicKey, fingerprint } = plan.signer;
            rememberDevice(db, { deviceId, name, publicKey, fingerprint }, at);
            rememberPeerKnowledge(db, deviceId, plan.forumId, plan.knowledge);
          }
        }
        if (newest) ctx.clock.observe(newest);
        saveClock(db, ctx.clock);
        endJournal(db, journal.id);
      },
    },
    {
      since,
      durable: options.durable !== false,
      onProgress: (done, total) => report({ phase: 'apply', done, total: Math.max(total, lines.count + created.count) }),
    },
  );
}

/** Changes from a clock far ahead, or beyond their author's role, kept whole until someone decides. */
function keepHeld(ctx: CoreContext, plan: BundlePlan, at: string): void {
  const keep = cachedStatement(
    ctx.db,
    `INSERT INTO held_changes (device, hlc, tbl, row_id, forum_id, cells, parents, reason, detail, received_from, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const held = new PlannedItems<HeldChange>(plan.held);
  for (let i = 0; i < held.count; i++) {
    const [[device, hlc, tbl, rowId, cells, parents], reason, detail] = held.at(i);
    keep.run(device, hlc, tbl, rowId, plan.forumId, cells, parents, reason, detail, plan.signer.deviceId, at);
  }
}

/** The blocks and relayed keys that let this laptop pass the changes on, signed by who made them. */
function keepSignatures(ctx: CoreContext, plan: BundlePlan, at: string): void {
  const block = cachedStatement(
    ctx.db,
    'INSERT INTO change_blocks (forum_id, device, first_hlc, last_hlc, count, digest, signature) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  for (const b of plan.blocks) block.run(plan.forumId, b.device, b.first, b.last, b.count, b.digest, b.signature);
  const key = cachedStatement(ctx.db, 'INSERT INTO relayed_devices (device_id, public_key, vouched_by, learned_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  for (const d of plan.relayed) key.run(d.id, d.publicKey, plan.signer.deviceId, at);
}

/**
 * Parts of given lengths as one sequence: which part an index falls in, and where in it. Read
 * in order, as the phases do, it finds the part without searching.
 */
class Spans {
  readonly count: number;
  private readonly starts: number[] = [];
  private current = 0;

  constructor(lengths: readonly number[]) {
    let count = 0;
    for (const length of lengths) {
      this.starts.push(count);
      count += length;
    }
    this.count = count;
  }

  locate(i: number): [part: number, offset: number] {
    let part = this.current;
    if (i < (this.starts[part] ?? 0) || i >= (this.starts[part + 1] ?? this.count)) {
      part = this.starts.findLastIndex((start, p) => start <= i && i < (this.starts[p + 1] ?? this.count));
      if (part < 0) throw new Error(`No planned item ${i}`);
      this.current = part;
    }
    return [part, i - (this.starts[part] ?? 0)];
  }
}

/** A plan's batches as one sequence, item by index. */
class PlannedItems<T> {
  readonly count: number;
  private readonly spans: Spans;

  constructor(private readonly batches: ReadonlyArray<PlannedBatch<T>>) {
    this.spans = new Spans(batches.map((batch) => batch.count));
    this.count = this.spans.count;
  }

  at(i: number): T {
    const [part, offset] = this.spans.locate(i);
    const item = this.batches[part]?.items[offset];
    if (item === undefined) throw new Error(`No planned item ${i}`);
    return item;
  }
}

/**
 * Whether a plan may share its slices with the bundles around it. One that keeps changes aside,
 * or takes held ones back, goes alone: what is held is then decided bundle by bundle, in order.
 */
export const sharesSlices = (plan: BundlePlan): boolean => !plan.releasesHeld && plan.held.every((batch) => batch.count === 0);
