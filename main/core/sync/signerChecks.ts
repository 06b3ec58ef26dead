import type { ImportPreview } from '../../../shared/sync';
import { CoreError } from '../errors';
import type { BundleManifest } from './bundleFormat';
import { bundleError } from './bundleError';
import { checkBlocks } from './changeBlocks';
import { fingerprintOf } from './deviceIdentity';
import { cellsOf, type PlanView } from './planView';
import type { BundleChange } from './readBundle';

/** Refuses a bundle whose signer this laptop knows under another key; says who it is otherwise. */
export function signerStatus(view: PlanView, device: { id: string; name: string; publicKey: string }): ImportPreview['device']['status'] {
  const own = device.id === view.read.deviceId;
  const expected = own ? view.read.ownPublicKey : view.trustedSignerKey(device.id);
  if (own && expected === undefined) {
    throw new CoreError('device_key_mismatch', `The bundle says it comes from this laptop (${device.id}), which has never signed anything. It was not imported.`);
  }
  const pinned = own ? expected : view.pinnedKey(device.id);
  if (pinned !== undefined && pinned !== device.publicKey) {
    throw new CoreError(
      'device_key_mismatch',
      `The bundle says it comes from “${device.name}” (${device.id}), which this laptop knows under another key (fingerprint ${fingerprintOf(pinned)}, not ${fingerprintOf(device.publicKey)}). It was not imported.`,
    );
  }
  if (own) return 'this-device';
  return expected === undefined ? 'unknown' : 'trusted';
}

/**
 * Every change must come signed by the device it names (see changeBlocks.ts): the signer's own
 * under the signer's key, others' under blocks their devices signed, with keys matching those
 * this laptop already pins. This laptop's own id is accepted only under its own key.
 */
export function checkSigners(view: PlanView, manifest: BundleManifest, changes: readonly BundleChange[]): Map<string, string> {
  const keys = new Map(manifest.devices.map((d) => [d.id, d.publicKey]));
  const given = keys.get(manifest.device.id);
  if (given !== undefined && given !== manifest.device.publicKey) throw bundleError('The bundle gives its signer two different keys; it was not imported.');
  keys.set(manifest.device.id, manifest.device.publicKey);
  checkBlocks(
    {
      forumId: manifest.forum.id,
      keys,
      // Never signed anything: no key can prove a change in this laptop's name.
      pinned: (deviceId) => view.pinnedKey(deviceId) ?? (deviceId === view.read.deviceId ? 'none' : undefined),
    },
    manifest.blocks,
    changes,
  );
  return keys;
}

/**
 * A line may come with its values erased only for a person someone erased: by a change in this
 * bundle or one already here. Otherwise a relaying laptop could blank anyone's work.
 */
export function checkErasures(view: PlanView, changes: readonly BundleChange[]): void {
  const erasedHere = new Set(changes.filter((c) => c.tbl === 'participants' && cellsOf(c).erased === 1).map((c) => c.rowId));
  for (const change of changes) {
    if (!change.erasedHash || erasedHere.has(change.rowId) || view.isErased(change.rowId)) continue;
    throw bundleError('The bundle carries changes whose values were erased, for a person nobody erased; it was not imported.');
  }
}
