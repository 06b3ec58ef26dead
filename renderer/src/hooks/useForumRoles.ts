import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { allows, type Holder } from '../../../shared/roles';
import { useApiQuery } from './useApiQuery';

export interface Permission {
  allowed: boolean;
  /** Why not, in the interface language ("Needs the role of Chair"), for a tooltip and screen readers. */
  reason: string;
}

const open: Holder = { enabled: false, isOwner: false, legacy: false, roles: [] };

/**
 * What this laptop may change in a forum, from its roles there. Until they are known (and in a
 * forum whose roles are off) everything is allowed: the core refuses a forbidden write anyway,
 * with a message naming the role it needs.
 */
export function useForumRoles(forumId: string) {
  const { t } = useTranslation();
  const query = useApiQuery('roles:list', { forumId });
  const me = query.data?.laptops.find((l) => l.isThisLaptop);
  const holder: Holder = query.data && me ? { enabled: query.data.enabled, isOwner: me.isOwner, legacy: me.legacy, roles: me.roles } : open;
  const can = useCallback(
    (table: string, cells: readonly string[], sessionId?: string): Permission => {
      const { allowed, needed } = allows(holder, table, cells, sessionId);
      return {
        allowed,
        reason: allowed ? '' : t('laptopRoles.needs', { roles: needed.map((r) => t(`laptopRoles.${r}`)).join(t('laptopRoles.or')) }),
      };
    },
    // The holder is rebuilt each render from the query's data; that data is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query.data, t],
  );
  return { can, roles: query.data, reload: query.reload };
}
