import type { TFunction } from 'i18next';
import { sessionRoles, type AgendaSession } from '../../../../shared/agenda';

interface Props {
  roles: AgendaSession['roles'];
  /** The person using this laptop, picked out in "my sessions". */
  me?: string | null;
  t: TFunction;
}

/** Who chairs, moderates, speaks and reports, by name; names keep their own direction. */
export function SessionRoles({ roles, me, t }: Props) {
  if (roles.length === 0) return null;
  return (
    <dl className="session-roles">
      {sessionRoles.map((role) => {
        const names = roles.filter((r) => r.role === role);
        if (names.length === 0) return null;
        return (
          <div key={role}>
            <dt>{t(`agenda.roles.${role}`)}</dt>
            <dd>
              {names.map((person, index) => (
                <span key={person.participantId}>
                  {index > 0 && t('agenda.listSeparator')}
                  <bdi className={person.participantId === me ? 'is-me' : undefined}>{person.name}</bdi>
                </span>
              ))}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
