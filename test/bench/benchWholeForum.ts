import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { invoke } from '../../main/core/commands/invoke';
import { closeCore, openCore } from '../../main/core/coreContext';
import type { ImportProgress } from '../../shared/sync';

/** One fresh laptop taking the whole forum from one bundle. */
export interface WholeForumTake {
  /** `bundles:preview` (the app shows it before the Import button), or 0 when skipped. */
  previewMs: number;
  /** `bundles:import`, from the click to the answer. */
  importMs: number;
  /** The main thread's longest stall during the import. */
  longestStallMs: number;
  /** The longest the progress bar stood still during the import, as the screen's poll saw it. */
  longestStillMs: number;
}

export interface WholeForumFigures {
  changes: number;
  /** As the CLI does it: import only. */
  direct: WholeForumTake;
  /** As the app does it: the preview, then the import, clicked at once. */
  app: WholeForumTake;
  /** The same, the user reading the preview for `readingMs` before the click. */
  appAfterReading: WholeForumTake;
}

/**
 * How long the bench's user reads a preview before clicking Import: the worker plans the import
 * meanwhile (plansAhead.ts). Two seconds is quick for a person comparing a new laptop's
 * fingerprint, or reading what fifty laptops bring.
 */
export const readingMs = 2_000;

const pollMs = 20;

/** Where the bar stands for a report: the session's share, or (before it had one) bundles through. */
const barOf = (p: ImportProgress | null): number =>
  !p ? 0 : p.phase === 'done' ? 1 : p.share ?? Math.max(0, (p.bundle ?? 1) - 1) / Math.max(1, p.bundles ?? 1);

async function take(dir: string, name: string, data: string, withPreview: boolean, readFor = 0): Promise<WholeForumTake> {
  const ctx = await openCore(path.join(dir, name));
  try {
    const files = [{ name: 'whole-forum.plenary', data }];
    let previewMs = 0;
    if (withPreview) {
      const started = performance.now();
      const { bundles } = await invoke(ctx, 'bundles:preview', { files });
      previewMs = performance.now() - started;
      if (bundles[0]?.status !== 'ready') throw new Error(`The whole forum's preview failed: ${JSON.stringify(bundles[0])}`);
      await new Promise((resolve) => setTimeout(resolve, readFor));
    }
    const importId = `whole-forum-${name.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 60);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    let bar = 0;
    let movedAt = performance.now();
    let longestStillMs = 0;
    // As the screen does it, more often: ask how the import goes, note how long the bar stands still.
    const poll = setInterval(() => {
      void invoke(ctx, 'bundle:progress', { importId }).then((p) => {
        const now = performance.now();
        const value = barOf(p);
        if (value === bar) return;
        longestStillMs = Math.max(longestStillMs, now - movedAt);
        bar = value;
        movedAt = now;
      });
    }, pollMs);
    loop.enable();
    const started = performance.now();
    const { bundles } = await invoke(ctx, 'bundles:import', { files, trust: true, importId });
    const importMs = performance.now() - started;
    loop.disable();
    clearInterval(poll);
    longestStillMs = Math.max(longestStillMs, performance.now() - movedAt);
    if (bundles[0]?.status !== 'imported') throw new Error(`The whole forum's import failed: ${JSON.stringify(bundles[0])}`);
    return { previewMs, importMs, longestStallMs: loop.max / 1e6, longestStillMs };
  } finally {
    closeCore(ctx);
  }
}

/**
 * The morning after the merge: a rapporteur's laptop that lost its database (or a new one) takes
 * the secretariat's whole forum in one bundle, once as the CLI does it and once as the app does
 * it, preview first.
 */
export async function takeWholeForum(dir: string, data: string, changes: number): Promise<WholeForumFigures> {
  const direct = await take(dir, 'whole-forum-direct.sqlite', data, false);
  const app = await take(dir, 'whole-forum-app.sqlite', data, true);
  const appAfterReading = await take(dir, 'whole-forum-app-read.sqlite', data, true, readingMs);
  return { changes, direct, app, appAfterReading };
}
