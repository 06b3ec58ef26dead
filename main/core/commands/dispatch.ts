import { contract, isCommandName } from '../../../shared/ipc';
import type { FieldIssue, Result } from '../../../shared/result';
import { fail, ok } from '../../../shared/result';
import type { CoreContext, Transport } from '../coreContext';
import { CoreError } from '../errors';
import { handlers } from './handlers';
import { noteDemand } from '../store/sliceBudget';

/**
 * The single door into the core for every transport: checks the command name, validates the
 * input with the contract before anything runs, and turns every outcome into an envelope.
 */
export async function dispatch(ctx: CoreContext, transport: Transport, name: string, input: unknown): Promise<Result<unknown>> {
  if (!isCommandName(name)) return fail('unknown_command', `Unknown command: ${name}`);
  const spec = contract[name];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid',
    }));
    const summary = issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ');
    return fail('invalid_input', `Invalid input for ${name}: ${summary}`, issues);
  }
  // Polls of a running job's progress are the job's own; anything else is someone waiting.
  if (!name.endsWith(':progress')) noteDemand(ctx.db);
  try {
    const handler = handlers[name] as (c: CoreContext, i: unknown, t: Transport) => unknown;
    // Handlers are synchronous but for the few that back up the database first (imports).
    return ok(await handler(ctx, parsed.data, transport));
  } catch (error) {
    if (error instanceof CoreError) return fail(error.code, error.message, error.issues);
    return fail('internal', `Internal error in ${name}: ${(error as Error).message}`);
  }
}
