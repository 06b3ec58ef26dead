import type { CommandInput, CommandName, CommandOutput } from '../../../shared/ipc';
import { fail, type Result } from '../../../shared/result';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';

/**
 * How the server behaves: `up` answers; `down` is unreachable (nothing reaches the core);
 * `lostAnswer` does the work and then the connection drops, so the client hears a failure.
 */
export type ServerMode = 'up' | 'down' | 'lostAnswer';

/**
 * The real core behind a saver, reached as the browser's HTTP transport reaches it. With `hold`,
 * each request waits at the door until `release()` lets the oldest through, as a busy laptop would.
 */
export function coreTransport(ctx: CoreContext) {
  const state = { mode: 'up' as ServerMode, hold: false, calls: [] as Array<{ name: CommandName; input: unknown }> };
  const gates: Array<() => void> = [];
  const call = async <K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>> => {
    state.calls.push({ name, input });
    if (state.hold) await new Promise<void>((resolve) => gates.push(resolve));
    if (state.mode === 'down') return fail('internal', "Could not reach Plenary's server: connection refused");
    const result = (await dispatch(ctx, 'http', name, input)) as Result<CommandOutput<K>>;
    if (state.mode === 'lostAnswer') return fail('internal', "Could not reach Plenary's server: the connection was reset");
    return result;
  };
  return {
    call,
    state,
    /** Lets the oldest held request through. */
    release: () => gates.shift()?.(),
    held: () => gates.length,
    /** The inputs sent with one command, in order. */
    sent: <K extends CommandName>(name: K) => state.calls.filter((c) => c.name === name).map((c) => c.input as CommandInput<K>),
  };
}
