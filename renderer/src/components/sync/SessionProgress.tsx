import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../../shared/sync';
import { formatNumber } from '../../i18n/intlFormat';

/**
 * One bar across every bundle of the session: how many are through, which one is being worked on
 * ("Bundle 12 of 50") and what is happening to it. It moves within a bundle too: a laptop's
 * whole forum in one file is a single bundle of many seconds.
 */
export function SessionProgress({ progress, running }: { progress: ImportProgress; running: boolean }) {
  const { t, i18n } = useTranslation();
  const bundles = progress.bundles ?? 1;
  const bundle = Math.min(progress.bundle ?? 1, bundles);
  // The core says how far the whole is, the current bundle's share included; else bundles through.
  const through = progress.phase === 'done' ? bundles : progress.share !== undefined ? progress.share * bundles : bundle - 1;
  const text = t('bundleSession.progressValue', { bundle: formatNumber(bundle, i18n.language), bundles: formatNumber(bundles, i18n.language) });
  return (
    <div className="session-progress">
      <progress aria-label={t('sync.progressLabel')} aria-valuetext={text} max={bundles} value={through} />
      {/* When it is through, the results' own line says so. */}
      <p>
        <span>{text}</span>
        {running && ` · ${t(`sync.phase.${progress.phase}`)}`}
      </p>
      {running && <p className="hint">{t('bundleSession.keepWorking')}</p>}
    </div>
  );
}
