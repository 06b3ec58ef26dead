import type { CoreContext } from '../coreContext';

const queues = new WeakMap<CoreContext, Promise<unknown>>();

/**
 * Imports (bundles, participant lists, held changes released) run one after another on a
 * database: each is planned against the state the previous one left, and their journals never
 * interleave. Other writes (the screens' saves) are not queued: they run between an import's slices.
 */
export function oneImportAtATime<T>(ctx: CoreContext, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(ctx) ?? Promise.resolve();
  const next = previous.then(run, run);
  queues.set(
    ctx,
    next.catch(() => undefined),
  );
  return next;
}
