import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/intlFormat';
import { RefusalReason } from './RefusalReason';
import { isolate, type BundleResult } from './sessionSummary';

/** What became of each file of the session: imported (from whom, how many changes), or why not. */
export function SessionResults({ results }: { results: readonly BundleResult[] }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const imported = results.filter((r) => r.status === 'imported').length;
  return (
    <div className="session-results">
      <p role="status">{t('bundleSession.done', { imported: n(imported), refused: n(results.length - imported) })}</p>
      <ul className="bundle-results" aria-label={t('bundleSession.resultsLabel')}>
        {results.map((result, index) => (
          <li key={`${index}-${result.name}`} className={result.status}>
            <bdi className="file-name">{result.name}</bdi>
            {result.status === 'imported' ? (
              <span className="reason">{t('bundleSession.imported', { laptop: isolate(result.laptop), changes: n(result.changes) })}</span>
            ) : (
              <RefusalReason file={result} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
