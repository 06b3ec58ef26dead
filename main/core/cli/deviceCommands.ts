import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { deviceName, maxDeviceNameLength } from '../../../shared/sync';
import { fingerprintOf, ownPublicKey, publicKeyOf, renameDevice, startNewIdentity } from '../sync/deviceIdentity';
import type { CliCommand } from './cliCommands';
import { dbOption as db, jsonOption as json } from './cliOptions';
import { UsageError } from './usageError';

/** Whether the key store holds this device's key: what to back up, or what went missing. */
function keyStatus(ctx: CoreContext): { state: 'present' | 'none-yet' | 'missing' | 'unreadable'; detail?: string } {
  const publicKey = ownPublicKey(ctx.db);
  try {
    const pem = ctx.deviceKeys?.read();
    if (pem === undefined) return publicKey === undefined ? { state: 'none-yet' } : { state: 'missing' };
    return publicKey === undefined || publicKeyOf(pem) === publicKey ? { state: 'present' } : { state: 'unreadable', detail: 'the key there belongs to another device' };
  } catch (error) {
    if (error instanceof CoreError) return { state: 'unreadable', detail: error.message };
    throw error;
  }
}

/** The problem with a proposed laptop name, in words for the terminal; undefined when it is fine. */
export function deviceNameProblem(name: string): string | undefined {
  const parsed = deviceName.safeParse(name);
  if (parsed.success) return undefined;
  const problems: Record<string, string> = {
    'validation.required': 'it is empty',
    'validation.tooLong': `it is longer than ${maxDeviceNameLength} characters`,
    'validation.controlCharacters': 'it holds control or invisible characters (line breaks, tabs, direction marks)',
  };
  const message = parsed.error.issues[0]?.message ?? '';
  return `A laptop's name must be visible text on one line, 1 to ${maxDeviceNameLength} characters; ${problems[message] ?? 'it is not valid'}.`;
}

export const deviceCommands: CliCommand[] = [
  {
    name: 'device rename',
    summary: 'name this laptop as other laptops will see it ("Rapporteur – Room B")',
    options: [db],
    files: { min: 1, label: 'name' },
    validate(_values, words) {
      if (words.length > 1) throw new UsageError(`Give the name as one argument, in quotes: plenary device rename "${words.join(' ')}".`);
      const problem = deviceNameProblem(words[0] ?? '');
      if (problem) throw new UsageError(problem);
    },
    async run(ctx, _values, out, words) {
      const name = renameDevice(ctx.db, words[0] ?? '');
      out(`This laptop is now named "${name}".`);
      return 0;
    },
  },
  {
    name: 'device show',
    summary: 'this laptop’s device id, fingerprint, and where its signing key is kept',
    options: [db, json],
    readOnly: true,
    async run(ctx, values, out) {
      const publicKey = ownPublicKey(ctx.db);
      const status = keyStatus(ctx);
      const info = {
        deviceId: ctx.deviceId,
        fingerprint: publicKey ? fingerprintOf(publicKey) : null,
        key: ctx.deviceKeys?.location ?? null,
        ...status,
      };
      if (values.json) {
        out(JSON.stringify(info, null, 2));
        return 0;
      }
      out(`Device ${info.deviceId}${info.fingerprint ? `, fingerprint ${info.fingerprint}` : ''}`);
      const where = info.key ?? 'no key store';
      if (status.state === 'present') out(`Signing key: in ${where}. Back it up with the database.`);
      else if (status.state === 'none-yet') out(`Signing key: none yet; the first bundle export makes one in ${where}.`);
      else if (status.state === 'missing') out(`Signing key: MISSING from ${where}. Restore it from your backup, or run \`plenary device new-identity --confirm\`.`);
      else out(`Signing key: cannot be used (${status.detail ?? where}).`);
      return status.state === 'missing' || status.state === 'unreadable' ? 1 : 0;
    },
  },
  {
    name: 'device new-identity',
    summary: 'give this laptop a new device id and signing key (when its key is lost or may have been copied)',
    options: [db, { name: 'confirm', type: 'boolean', description: 'yes, replace this laptop’s identity' }],
    validate(values) {
      if (values.confirm !== true) {
        throw new UsageError(
          'This gives the laptop a new device id and key, and replaces the key it has (if any). Other laptops will be asked to trust it as a new device; notes written under the old identity stay, but only as another laptop’s. Add --confirm to go ahead.',
        );
      }
    },
    async run(ctx, _values, out) {
      const before = ctx.deviceId;
      const identity = startNewIdentity(ctx);
      out(`This laptop was device ${before}; it is now device ${identity.deviceId}, fingerprint ${fingerprintOf(identity.publicKey)}.`);
      out(`Its new key is in ${ctx.deviceKeys?.location ?? 'the key store'}: back it up. Other laptops will ask to trust it on its first bundle.`);
      return 0;
    },
  },
];
