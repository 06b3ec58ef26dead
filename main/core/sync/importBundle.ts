import type { Statement } from 'better-sqlite3';
import { pickText } from '../../../shared/multilingual';
import type { ImportPreview, ImportProgress } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { reprojectRows, saveClock } from '../store/changeLog';
import { getKnownDevice, rememberDevice, rememberPeerKnowledge } from '../store/knownDevices';
import { backupDatabase, discardBackup } from '../store/backupDatabase';
import { isSyncedTable, type SyncedTable } from '../store/syncedTables';
import { decodeHlc, MAX_DRIFT_MS } from './hybridClock';
import { deviceIdentity, fingerprintOf } from './deviceIdentity';
import type { VerifiedBundle } from './readBundle';

export type { ImportPreview, ImportProgress };

export interface ImportResult extends ImportPreview {
  backupPath: string;
}

/** Refuses a bundle whose signer this laptop knows under another key; says who it is otherwise. */
function signerStatus(ctx: CoreContext, bundle: VerifiedBundle): ImportPreview['device']['status'] {
  const { device } = bundle.manifest;
  const expected = device.id === ctx.deviceId ? deviceIdentity(ctx.db, ctx.deviceId).publicKey : getKnownDevice(ctx.db, device.id)?.publicKey;
  if (expected !== undefined && expected !== device.publicKey) {
    throw new CoreError(
      'device_key_mismatch',
      `The bundle says it comes from “${device.name}” (${device.id}), which this laptop knows under another key (fingerprint ${fingerprintOf(expected)}, not ${fingerprintOf(device.publicKey)}). It was not imported.`,
    );
  }
  if (device.id === ctx.deviceId) return 'this-device';
  return expected === undefined ? 'unknown' : 'trusted';
}

/** What importing would do, computed without writing anything. */
export function previewImport(ctx: CoreContext, bundle: VerifiedBundle, now = Date.now()): ImportPreview {
  const { manifest, changes } = bundle;
  const status = signerStatus(ctx, bundle);
  const exists = ctx.db.prepare('SELECT 1 FROM changes WHERE tbl = ? AND row_id = ? AND device = ? AND hlc = ?').pluck();
  const forumRow = ctx.db.prepare('SELECT title, source_language AS lang FROM forums WHERE id = ?').get(manifest.forum.id) as
    | { title: string; lang: string }
    | undefined;
  const rowSeen = new Map<string, Set<string>>();
  // One statement per table, not per row: a day's bundle may touch a hundred thousand rows.
  const presence = new Map<string, Statement>();
  const isPresent = (tbl: string, rowId: string) => {
    let statement = presence.get(tbl);
    if (!statement) {
      statement = ctx.db.prepare(`SELECT 1 FROM ${tableName(tbl)} WHERE id = ?`).pluck();
      presence.set(tbl, statement);
    }
    return statement.get(rowId) !== undefined;
  };
  const rows: ImportPreview['rows'] = {};
  let fresh = 0;
  let skewed = 0;
  let maxAhead = 0;
  for (const change of changes) {
    const ahead = decodeHlc(change.hlc).millis - now;
    if (ahead > MAX_DRIFT_MS) {
      skewed += 1;
      maxAhead = Math.max(maxAhead, ahead);
    }
    if (exists.get(change.tbl, change.rowId, change.device, change.hlc)) continue;
    fresh += 1;
    const seen = rowSeen.get(change.tbl) ?? new Set<string>();
    rowSeen.set(change.tbl, seen);
    if (seen.has(change.rowId)) continue;
    seen.add(change.rowId);
    const tally = (rows[change.tbl] ??= { added: 0, updated: 0 });
    if (isPresent(change.tbl, change.rowId)) tally.updated += 1;
    else tally.added += 1;
  }
  return {
    forum: {
      id: manifest.forum.id,
      title: forumRow ? pickText(JSON.parse(forumRow.title) as Record<string, string>, forumRow.lang, forumRow.lang).text : manifest.forum.title,
      isNew: !forumRow,
    },
    device: { id: manifest.device.id, name: manifest.device.name, fingerprint: fingerprintOf(manifest.device.publicKey), status },
    changes: { total: changes.length, new: fresh, alreadyHere: changes.length - fresh },
    rows,
    skew: { changes: skewed, maxAheadMs: maxAhead },
  };
}

function tableName(tbl: string): SyncedTable {
  if (!isSyncedTable(tbl)) throw new Error(`Unknown table ${tbl}`); // readBundle already refused these
  return tbl;
}

/**
 * Applies a verified bundle: a backup first, then in one transaction every change not already
 * here is added to the log, the rows it touches are re-projected, and the signer and what it has
 * are remembered. Importing the same bundle again, or bundles in any order, gives the same state.
 */
export async function importBundle(
  ctx: CoreContext,
  bundle: VerifiedBundle,
  options: { trustNewDevice: boolean; backupDir?: string; now?: number; onProgress?: (progress: ImportProgress) => void },
): Promise<ImportResult> {
  const report = options.onProgress ?? (() => undefined);
  const preview = previewImport(ctx, bundle, options.now);
  if (preview.device.status === 'unknown' && !options.trustNewDevice) {
    throw new CoreError(
      'bundle_rejected',
      `This is the first bundle from “${preview.device.name}”. Compare its fingerprint ${preview.device.fingerprint} with the one shown on that laptop, then import again and confirm you trust it.`,
    );
  }
  const { manifest, changes } = bundle;
  report({ phase: 'backup', done: 0, total: changes.length });
  const backupPath = await backupDatabase(ctx.db, ctx.databasePath, options.backupDir, 'before-import');
  const insert = ctx.db.prepare(
    'INSERT INTO changes (device, hlc, tbl, row_id, forum_id, cells, parents) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  try {
    ctx.db.transaction(() => {
      const touched = new Map<SyncedTable, Set<string>>();
      let newest = '';
      for (const [index, c] of changes.entries()) {
        if (index % 1000 === 0) report({ phase: 'apply', done: index, total: changes.length });
        if (insert.run(c.device, c.hlc, c.tbl, c.rowId, manifest.forum.id, c.cells, c.parents).changes === 0) continue;
        const table = tableName(c.tbl);
        const rows = touched.get(table) ?? new Set<string>();
        rows.add(c.rowId);
        touched.set(table, rows);
        if (c.hlc > newest) newest = c.hlc;
      }
      report({ phase: 'project', done: changes.length, total: changes.length });
      for (const [table, rowIds] of touched) reprojectRows(ctx.db, table, rowIds);
      if (newest) ctx.clock.receive(newest);
      saveClock(ctx.db, ctx.clock);
      const at = new Date(options.now ?? Date.now()).toISOString();
      if (preview.device.status !== 'this-device') {
        rememberDevice(ctx.db, { deviceId: manifest.device.id, name: manifest.device.name, publicKey: manifest.device.publicKey, fingerprint: preview.device.fingerprint }, at);
        rememberPeerKnowledge(ctx.db, manifest.device.id, manifest.forum.id, manifest.knowledge);
      }
    })();
  } catch (error) {
    discardBackup(backupPath);
    if (error instanceof CoreError) throw error;
    throw new CoreError(
      'bundle_rejected',
      `The bundle could not be applied (${(error as Error).message}); nothing was changed. If it refers to rows this laptop lacks, import a full bundle from ${manifest.device.name} first.`,
    );
  }
  return { ...preview, backupPath };
}
