import { dispatch } from '../../main/core/commands/dispatch';
import type { CoreContext } from '../../main/core/coreContext';

/** The value below which a share `p` (0..1) of the measurements fall. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}

/** Milliseconds one call takes, awaited. */
export async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** A command through the same door the app uses; a refusal stops the bench. */
export async function must<T>(ctx: CoreContext, name: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}
