import type { ImportProgress } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { listKnownDevices } from '../store/knownDevices';
import { deviceNamed, fingerprintOf, publicDeviceIdentity, renameDevice } from '../sync/deviceIdentity';
import { exportBundleInWorker } from '../sync/exportBundle';
import { discardHeld, listHeld, releaseHeld } from '../sync/heldChanges';
import { importBundle, previewBundle } from '../sync/importBundle';
import { backUpAhead } from '../sync/backupAhead';
import { importBundles, previewBundles } from '../sync/importSession';
import { oneImportAtATime } from '../sync/oneImportAtATime';
import type { Handlers } from './handlers';
import { adoptHeld } from '../roles/heldByRole';

function deviceInfo(ctx: CoreContext) {
  const identity = publicDeviceIdentity(ctx);
  return { deviceId: ctx.deviceId, name: identity.name, fingerprint: fingerprintOf(identity.publicKey), named: deviceNamed(ctx.db) };
}

// What each import the UI started has reported, by the id the UI chose; kept per open database.
const progressByCore = new WeakMap<CoreContext, Map<string, ImportProgress>>();
function runningImports(ctx: CoreContext): Map<string, ImportProgress> {
  let imports = progressByCore.get(ctx);
  if (!imports) {
    imports = new Map();
    progressByCore.set(ctx, imports);
  }
  if (imports.size > 100) imports.delete(imports.keys().next().value ?? ''); // a long day, bounded
  return imports;
}

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const filesOf = (files: ReadonlyArray<{ name: string; data: string }>) => files.map((f) => ({ name: f.name, bytes: bytesOf(f.data) }));

/** Sync over the contract: bundles travel as base64 so the renderer needs no file system. */
export const syncHandlers: Pick<
  Handlers,
  | 'device:get'
  | 'device:rename'
  | 'devices:peers'
  | 'bundle:export'
  | 'bundle:preview'
  | 'bundle:import'
  | 'bundle:progress'
  | 'bundles:preview'
  | 'bundles:import'
  | 'held:list'
  | 'held:apply'
  | 'held:discard'
> = {
  'device:get': (ctx) => deviceInfo(ctx),
  'device:rename': (ctx, input) => {
    renameDevice(ctx.db, input.name);
    return deviceInfo(ctx);
  },
  'devices:peers': (ctx, input) =>
    listKnownDevices(ctx.db, input.forumId).map(({ deviceId, name, fingerprint, lastImportAt }) => ({ deviceId, name, fingerprint, lastImportAt })),
  // After any import under way: a bundle never carries half an import, which could be undone.
  'bundle:export': (ctx, input) => oneImportAtATime(ctx, async () => {
    const bundle = await exportBundleInWorker(ctx, { forumId: input.forumId, ...(input.forPeer ? { forPeer: input.forPeer } : {}) });
    const slug = bundle.manifest.forum.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'forum';
    const device = bundle.manifest.device.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 30) || 'laptop';
    const stamp = bundle.manifest.createdAt.slice(0, 16).replace(/[-:T]/g, '');
    return {
      fileName: `${slug}-${device}-${stamp}.plenary`,
      data: Buffer.from(bundle.bytes).toString('base64'),
      changes: Object.values(bundle.manifest.counts).reduce((a, b) => a + b, 0),
      bytes: bundle.bytes.length,
    };
  }),
  'bundle:preview': (ctx, input) => previewBundle(ctx, bytesOf(input.data)),
  'bundle:import': async (ctx, input) => {
    const importId = input.importId;
    const { backupPath: _backup, longestLockMs: _lock, transactions: _transactions, ...result } = await importBundle(ctx, bytesOf(input.data), {
      trustNewDevice: input.trustNewDevice,
      confirmMassChanges: input.confirmMassChanges === true,
      applyHeld: input.applyHeld === true,
      ...(importId ? { onProgress: (progress: ImportProgress) => runningImports(ctx).set(importId, progress) } : {}),
    });
    if (importId) runningImports(ctx).set(importId, { phase: 'done', done: result.changes.total, total: result.changes.total });
    return result;
  },
  'bundle:progress': (ctx, input) => runningImports(ctx).get(input.importId) ?? null,
  'bundles:preview': async (ctx, input) => {
    const importId = input.importId;
    const onProgress = importId ? (progress: ImportProgress) => runningImports(ctx).set(importId, progress) : undefined;
    const bundles = await previewBundles(ctx, filesOf(input.files), Date.now(), onProgress);
    // The import's backup, made while the preview is read rather than after the click.
    if (bundles.some((b) => b.status === 'ready')) backUpAhead(ctx);
    return { bundles };
  },
  'bundles:import': async (ctx, input) => {
    const importId = input.importId;
    const session = await importBundles(ctx, filesOf(input.files), {
      trust: input.trust,
      confirmMassChanges: input.confirmMassChanges === true,
      applyHeld: input.applyHeld === true,
      ...(importId ? { onProgress: (progress: ImportProgress) => runningImports(ctx).set(importId, progress) } : {}),
    });
    return { bundles: session.bundles, backedUp: session.backupPath !== null };
  },
  'held:list': (ctx, input) => listHeld(ctx.db, input.forumId),
  'held:apply': (ctx, input) => (input.reason === 'role' ? adoptHeld(ctx, input.forumId, input.deviceId) : releaseHeld(ctx, input.forumId, input.deviceId)),
  'held:discard': (ctx, input) => discardHeld(ctx, input.forumId, input.deviceId, input.reason),
};
