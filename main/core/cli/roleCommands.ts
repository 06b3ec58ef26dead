import { grantableRoles, isRoleName, type ForumRoles } from '../../../shared/roles';
import { invoke } from '../commands/invoke';
import type { CliCommand, CliOption } from './cliCommands';
import { dbOption, forumOption, jsonOption } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';
import { UsageError } from './usageError';

const deviceOption: CliOption = { name: 'device', type: 'string', description: "the laptop's fingerprint, as its People and laptops view (or `plenary device`) shows it" };
const roleOption: CliOption = { name: 'role', type: 'string', description: `one of ${grantableRoles.join(', ')}` };
const sessionsOption: CliOption = { name: 'sessions', type: 'string', description: 'for a rapporteur: the session ids it may write notes in, comma-separated (default: all)' };

/** --device and --role are required and checked before the database is opened. */
function checkGrant(values: Record<string, string | boolean | undefined>): void {
  checkForumOption(values);
  if (typeof values.device !== 'string' || values.device.trim() === '') throw new UsageError('--device FINGERPRINT is required: the laptop to grant the role to.');
  if (typeof values.role !== 'string' || !isRoleName(values.role) || values.role === 'owner') {
    throw new UsageError(`--role must be one of ${grantableRoles.join(', ')}${typeof values.role === 'string' ? `, not "${values.role}"` : ''}.`);
  }
  if (values.sessions !== undefined && (typeof values.sessions !== 'string' || values.sessions.split(',').some((s) => s.trim() === ''))) {
    throw new UsageError('--sessions takes session ids separated by commas (see `plenary agenda show`).');
  }
}

function print(roles: ForumRoles, out: (line: string) => void): void {
  out(roles.enabled ? 'Roles are on: each laptop may change only what its roles allow.' : 'Roles are off: every trusted laptop may change anything. Grant a role to switch them on.');
  for (const laptop of roles.laptops) {
    const held = [
      ...(laptop.isOwner ? ['owner'] : []),
      ...laptop.roles.map((r) => (r.sessions.length ? `${r.role} (sessions ${r.sessions.join(', ')})` : r.role)),
      ...(laptop.legacy ? ['rights from before roles (until narrowed)'] : []),
    ];
    out(`${laptop.fingerprint || '(key unknown)'}  ${laptop.name}${laptop.isThisLaptop ? ' (this laptop)' : ''}  ${held.join(', ') || (roles.enabled ? 'no role' : '-')}`);
  }
}

export const roleCommands: CliCommand[] = [
  {
    name: 'roles list',
    summary: 'list the laptops known here and their roles in the forum',
    options: [dbOption, forumOption, jsonOption],
    readOnly: true,
    validate: checkForumOption,
    async run(ctx, values, out) {
      const forum = await resolveForum(ctx, values.forum);
      const roles = await invoke(ctx, 'roles:list', { forumId: forum.id });
      if (values.json) out(JSON.stringify(roles, null, 2));
      else print(roles, out);
      return 0;
    },
  },
  {
    name: 'roles grant',
    summary: 'grant a role to a laptop (owner or secretariat; switches roles on)',
    options: [dbOption, forumOption, deviceOption, roleOption, sessionsOption],
    mustExist: true,
    validate: checkGrant,
    async run(ctx, values, out) {
      const forum = await resolveForum(ctx, values.forum);
      const sessions = typeof values.sessions === 'string' ? values.sessions.split(',').map((s) => s.trim()) : undefined;
      print(await invoke(ctx, 'roles:grant', { forumId: forum.id, fingerprint: String(values.device), role: String(values.role) as never, ...(sessions ? { sessions } : {}) }), out);
      return 0;
    },
  },
  {
    name: 'roles revoke',
    summary: 'revoke a role from a laptop from now on (what it did before stands)',
    options: [dbOption, forumOption, deviceOption, roleOption],
    mustExist: true,
    validate: checkGrant,
    async run(ctx, values, out) {
      const forum = await resolveForum(ctx, values.forum);
      print(await invoke(ctx, 'roles:revoke', { forumId: forum.id, fingerprint: String(values.device), role: String(values.role) as never }), out);
      return 0;
    },
  },
];
