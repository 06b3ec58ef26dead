import type { Forum } from '../../../shared/forum';
import { forumId as forumIdSchema } from '../../../shared/forum';
import { invoke } from '../commands/invoke';
import type { CoreContext } from '../coreContext';
import { UsageError } from './usageError';

/**
 * The forum a command works on: the one named by --forum, or the only one in the database. Every
 * CLI command resolves it here, through the contract, so they all say the same thing when it is
 * missing, mistyped or ambiguous.
 */
export async function resolveForum(ctx: CoreContext, given: string | boolean | undefined): Promise<Forum> {
  if (typeof given === 'string') {
    if (!forumIdSchema.safeParse(given).success) throw new UsageError(`--forum must be a forum id (see \`plenary forums list\`), not "${given}".`);
    const forums = await invoke(ctx, 'forums:list', {});
    const found = forums.find((forum) => forum.id === given);
    if (!found) throw new UsageError(`There is no forum ${given} in this database (see \`plenary forums list\`).`);
    return found;
  }
  const forums = await invoke(ctx, 'forums:list', {});
  const [only] = forums;
  if (forums.length !== 1 || !only) {
    throw new UsageError(
      forums.length === 0
        ? 'This database holds no forum yet: create one in the app, or run `plenary demo`.'
        : `This database holds ${forums.length} forums: say which with --forum ID (see \`plenary forums list\`).`,
    );
  }
  return only;
}
