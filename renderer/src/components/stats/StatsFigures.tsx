import { useTranslation } from 'react-i18next';
import type { ParticipationStats } from '../../../../shared/participationStats';
import { formatNumber } from '../../i18n/intlFormat';

const figures = ['participants', 'checkedIn', 'organisations', 'internationalOrganisations', 'countries'] as const;

/**
 * The headline figures, as terms and their values. A <dl> may hold plain <div>s only: a role on
 * them (a named group, say) breaks the list for screen readers.
 */
export function StatsFigures({ stats }: { stats: ParticipationStats }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="figures stats-figures">
      {figures.map((key) => (
        <div key={key} className="figure">
          <dt id={`stats-figure-${key}`}>{t(`stats.figures.${key}`)}</dt>
          <dd>{formatNumber(stats[key], i18n.language)}</dd>
        </div>
      ))}
    </dl>
  );
}
