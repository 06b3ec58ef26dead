import { useTranslation } from 'react-i18next';
import type { StatusCounts as Counts } from '../../../shared/outcome';
import { formatNumber } from '../i18n/intlFormat';

/**
 * "Nothing is agreed until everything is agreed": how many paragraphs are agreed, agreed ad ref,
 * bracketed and still open, at the top of the document and on the projector.
 */
export function StatusCounts({ counts, className = '' }: { counts: Counts; className?: string }) {
  const { t, i18n } = useTranslation();
  const items = [
    ['agreed', counts.agreed],
    ['adRef', counts.adRef],
    ['bracketed', counts.bracketed],
    ['open', counts.open],
  ] as const;
  return (
    <section className={`agreement-counts ${className}`} aria-label={t('drafting.statusCounts.label')}>
      <span className="agreement-counts-motto">{t('drafting.statusCounts.motto')}</span>
      <ul>
        {items.map(([key, value]) => (
          <li key={key} className={`status-count count-${key}`}>
            <strong>{formatNumber(value, i18n.language)}</strong> {t(`drafting.statusCounts.${key}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
