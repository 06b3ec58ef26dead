import type { CommandInput, CommandName, CommandOutput } from '../../../shared/ipc';
import type { CoreContext, Transport } from '../coreContext';
import { CoreError } from '../errors';
import { dispatch } from './dispatch';

/**
 * The typed way into the core for the CLI, the tests and the bench: the same `dispatch` every
 * transport uses (input validated by the contract, the same handlers, workers and chunked
 * writes), with the envelope opened: the output, or the CoreError it carried.
 */
export async function invoke<K extends CommandName>(ctx: CoreContext, name: K, input: CommandInput<K>, transport: Transport = 'cli'): Promise<CommandOutput<K>> {
  const result = await dispatch(ctx, transport, name, input);
  if (!result.ok) throw new CoreError(result.error.code, result.error.message, result.error.issues);
  return result.value as CommandOutput<K>;
}
