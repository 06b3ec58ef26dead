import type { ImportProgress } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { applyInChunks, type ChunkStats } from '../store/applyInChunks';
import { reprojectRows, saveClock } from '../store/changeLog';
import { scrubErasedRows } from '../store/eraseParticipant';
import { rememberDevice, rememberPeerKnowledge } from '../store/knownDevices';
import type { SyncedTable } from '../store/syncedTables';
import { endJournal, journalled, type ImportJournal } from './importJournal';
import type { BundlePlan, PlannedBatch, PlannedChange } from './planBundleImport';

/**
 * Applies a planned bundle on the main connection in short transactions (applyInChunks): each
 * slice adds its changes to the log (those already here are skipped) and re-projects the rows
 * they touch, referenced rows first, noting in the journal what it wrote. The last slice keeps
 * the held-back changes aside, records the signer, what it has and the newest clock value seen,
 * and closes the journal.
 */
export function applyBundlePlan(
  ctx: CoreContext,
  plan: BundlePlan,
  journal: ImportJournal,
  options: { now: Date; onProgress?: (progress: ImportProgress) => void },
): Promise<ChunkStats> {
  const { db } = ctx;
  const lines = new PlannedLines(plan.batches);
  const insert = db.prepare(
    'INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells, parents, erased_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  // Applied now because the user chose to: no longer held, if an earlier import kept them aside.
  const release = db.prepare('DELETE FROM held_changes WHERE tbl = ? AND row_id = ? AND device = ? AND hlc = ?');
  const at = options.now.toISOString();
  let newest = '';
  const report = options.onProgress ?? (() => undefined);
  report({ phase: 'apply', done: 0, total: lines.count });
  return applyInChunks(
    db,
    {
      total: lines.count,
      applyRange(from, to) {
        journalled(db, journal, () => {
          const touched = new Map<SyncedTable, Set<string>>();
          for (let i = from; i < to; i++) {
            const [device, hlc, tbl, rowId, cells, parents, erasedHash] = lines.at(i);
            if (plan.releasesHeld) release.run(tbl, rowId, device, hlc);
            if (insert.run(device, hlc, tbl, rowId, plan.forumId, cells, parents, erasedHash).changes === 0) continue;
            let rows = touched.get(tbl as SyncedTable);
            if (!rows) touched.set(tbl as SyncedTable, (rows = new Set()));
            rows.add(rowId);
            if (hlc > newest) newest = hlc;
          }
          const people = touched.get('participants');
          if (people) for (const id of scrubErasedRows(db, people)) people.delete(id);
          for (const [table, rowIds] of touched) reprojectRows(db, table, rowIds);
        });
      },
      finish() {
        keepHeld(ctx, plan, at);
        keepSignatures(ctx, plan, at);
        if (newest) ctx.clock.observe(newest);
        saveClock(db, ctx.clock);
        if (plan.preview.device.status !== 'this-device') {
          const { deviceId, name, publicKey, fingerprint } = plan.signer;
          rememberDevice(db, { deviceId, name, publicKey, fingerprint }, at);
          rememberPeerKnowledge(db, deviceId, plan.forumId, plan.knowledge);
        }
        endJournal(db, journal.id);
      },
    },
    { onProgress: (done) => report({ phase: 'apply', done, total: lines.count }) },
  );
}

/** Changes from a clock far ahead, kept whole until someone applies them. */
function keepHeld(ctx: CoreContext, plan: BundlePlan, at: string): void {
  const keep = ctx.db.prepare(
    `INSERT INTO held_changes (device, hlc, tbl, row_id, forum_id, cells, parents, reason, received_from, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'clock_ahead', ?, ?) ON CONFLICT DO NOTHING`,
  );
  const held = new PlannedLines(plan.held);
  for (let i = 0; i < held.count; i++) {
    const [device, hlc, tbl, rowId, cells, parents] = held.at(i);
    keep.run(device, hlc, tbl, rowId, plan.forumId, cells, parents, plan.signer.deviceId, at);
  }
}

/** The blocks and relayed keys that let this laptop pass the changes on, signed by who made them. */
function keepSignatures(ctx: CoreContext, plan: BundlePlan, at: string): void {
  const block = ctx.db.prepare(
    'INSERT INTO change_blocks (forum_id, device, first_hlc, last_hlc, count, digest, signature) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  for (const b of plan.blocks) block.run(plan.forumId, b.device, b.first, b.last, b.count, b.digest, b.signature);
  const key = ctx.db.prepare('INSERT INTO relayed_devices (device_id, public_key, vouched_by, learned_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  for (const d of plan.relayed) key.run(d.id, d.publicKey, plan.signer.deviceId, at);
}

/** A plan's batches read one at a time, so the main thread never parses the whole bundle at once. */
class PlannedLines {
  readonly count: number;
  private readonly starts: number[] = [];
  private parsed: { index: number; lines: PlannedChange[] } | undefined;

  constructor(private readonly batches: readonly PlannedBatch[]) {
    let count = 0;
    for (const batch of batches) {
      this.starts.push(count);
      count += batch.count;
    }
    this.count = count;
  }

  at(i: number): PlannedChange {
    let index = this.parsed?.index ?? 0;
    if (!this.parsed || i < (this.starts[index] ?? 0) || i >= (this.starts[index + 1] ?? this.count)) {
      index = this.starts.findLastIndex((start) => start <= i);
      this.parsed = { index, lines: JSON.parse(this.batches[index]?.lines ?? '[]') as PlannedChange[] };
    }
    const line = this.parsed.lines[i - (this.starts[index] ?? 0)];
    if (!line) throw new Error(`No planned change ${i}`);
    return line;
  }
}
