import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { expect } from 'vitest';
import type { CommandInput } from '../../../shared/ipc';
import { snapshot } from './tempCore';

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

/**
 * Imports `bytes` expecting a refusal whose message matches (and code, when given), and asserts
 * that the refusal left every table of `to` exactly as it was.
 */
export async function expectImportRefused(to: CoreContext, bytes: Uint8Array, message: RegExp, code?: string): Promise<void> {
  const before = snapshot(to);
  await expect(importBytes(to, bytes)).rejects.toMatchObject({ message: expect.stringMatching(message), ...(code ? { code } : {}) });
  expect(snapshot(to)).toBe(before);
}
