import { useTranslation } from 'react-i18next';
import type { Permission } from '../../hooks/useForumRoles';
import { formatNumber } from '../../i18n/intlFormat';
import { RoleGate } from '../RoleGate';

interface Props {
  count: number;
  onMerge(): void;
  onClear(): void;
  /** Merging changes both messages: it needs a role over both sessions. */
  canMerge: Permission;
}

/** Stays in view at the bottom while messages are being picked: merging takes exactly two. */
export function MergeBar({ count, onMerge, onClear, canMerge }: Props) {
  const { t, i18n } = useTranslation();
  if (count === 0) return null;
  return (
    <div className="merge-bar" role="group" aria-label={t('keyMessages.mergeBar.label')}>
      <span>{t('keyMessages.mergeBar.selected', { number: formatNumber(count, i18n.language) })}</span>
      {count < 2 && <span className="hint">{t('keyMessages.mergeBar.pickAnother')}</span>}
      <RoleGate permission={canMerge}>
        {(gate) => (
          <button type="button" className="primary" disabled={count < 2} onClick={onMerge} {...gate}>
            {t('keyMessages.mergeBar.merge')}
          </button>
        )}
      </RoleGate>
      <button type="button" onClick={onClear}>
        {t('keyMessages.mergeBar.clear')}
      </button>
    </div>
  );
}
