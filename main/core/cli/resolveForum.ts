import type { Forum } from '../../../shared/forum';
import { forumId as forumIdSchema } from '../../../shared/forum';
import { invoke } from '../commands/invoke';
import type { CoreContext } from '../coreContext';
import { UsageError } from './usageError';

function checkForumId(given: string): void {
  if (!forumIdSchema.safeParse(given).success) throw new UsageError(`--forum must be a forum id (see \`plenary forums list\`), not "${given}".`);
}

/** --forum, when given, must look like a forum id: checked before the database is opened. */
export function checkForumOption(values: Record<string, string | boolean | undefined>): void {
  if (typeof values.forum === 'string') checkForumId(values.forum);
}

/**
 * The forum a command works on: the one named by --forum, or the only one in the database. Every
 * CLI command resolves it here, through the contract, so they all say the same thing when it is
 * missing, mistyped or ambiguous.
 */
export async function resolveForum(ctx: CoreContext, given: string | boolean | undefined): Promise<Forum> {
  if (typeof given === 'string') checkForumId(given);
  const forums = await invoke(ctx, 'forums:list', {});
  if (typeof given === 'string') {
    const found = forums.find((forum) => forum.id === given);
    if (!found) throw new UsageError(`There is no forum ${given} in this database (see \`plenary forums list\`).`);
    return found;
  }
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
