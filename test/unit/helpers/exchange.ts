import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import type { CommandInput } from '../../../shared/ipc';

type ImportInput = Omit<CommandInput<'bundle:import'>, 'data'>;

/**
 * Imports a bundle's bytes the way the app does: through the contract's `bundle:import`, so the
 * worker plans it and the main connection applies it in slices. Trusts the signer unless told not to.
 */
export function importBytes(to: CoreContext, bytes: Uint8Array, options: Partial<ImportInput> = {}) {
  return invoke(to, 'bundle:import', { data: Buffer.from(bytes).toString('base64'), trustNewDevice: true, ...options });
}

/** What importing would do, as the app's preview asks it. */
export function previewBytes(to: CoreContext, bytes: Uint8Array) {
  return invoke(to, 'bundle:preview', { data: Buffer.from(bytes).toString('base64') });
}
