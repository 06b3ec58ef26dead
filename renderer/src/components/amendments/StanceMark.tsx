import { useTranslation } from 'react-i18next';
import type { StanceKind } from '../../../../shared/amendments';

/** A mark for each stance, so support and objection differ in shape and in words, not in colour alone. */
const icons: Record<StanceKind, string> = { support: '✓', objection: '✗', reservation: '◐' };

export function StanceMark({ stance }: { stance: StanceKind }) {
  const { t } = useTranslation();
  return (
    <span className={`stance-mark stance-${stance}`}>
      <span aria-hidden="true" className="stance-icon">
        {icons[stance]}
      </span>{' '}
      {t(`amendments.stance.${stance}`)}
    </span>
  );
}
