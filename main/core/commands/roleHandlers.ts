import { enableRoles, grantRole, listForumRoles, revokeRole } from '../roles/forumRoles';
import type { Handlers } from './handlers';

type RoleCommands = 'roles:list' | 'roles:grant' | 'roles:revoke' | 'roles:enable';

export const roleHandlers: Pick<Handlers, RoleCommands> = {
  'roles:list': (ctx, input) => listForumRoles(ctx, input.forumId),
  'roles:grant': (ctx, input) => grantRole(ctx, input),
  'roles:revoke': (ctx, input) => revokeRole(ctx, input),
  'roles:enable': (ctx, input) => enableRoles(ctx, input.forumId),
};
