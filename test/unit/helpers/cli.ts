import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { runCli } from '../../../main/core/cli/runCli';
import { validForum } from './tempCore';

/** Runs `plenary <argv>` in-process, as a terminal would, and collects what it printed. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A second forum in the database at `db` (the demo is added once), for "which forum?" cases. */
export async function addSecondForum(db: string): Promise<void> {
  const ctx = await openCore(db);
  try {
    await invoke(ctx, 'forums:create', validForum);
  } finally {
    closeCore(ctx);
  }
}
