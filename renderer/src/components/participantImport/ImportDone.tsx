import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/intlFormat';
import { routeHref } from '../../hooks/useRoute';

interface Props {
  forumId: string;
  result: { created: number; merged: number; skipped: number };
  onAnother(): void;
}

/** What the import did, and where to look next. */
export function ImportDone({ forumId, result, onAnother }: Props) {
  const { t, i18n } = useTranslation();
  const figures = [
    ['created', result.created],
    ['merged', result.merged],
    ['skipped', result.skipped],
  ] as const;
  return (
    <section className="import-done" aria-labelledby="import-done-heading">
      <h2 id="import-done-heading">{t('participantImport.done.heading')}</h2>
      <dl className="figures">
        {figures.map(([key, value]) => (
          <div key={key} className="figure">
            <dt id={`import-done-${key}`}>{t(`participantImport.done.${key}`)}</dt>
            <dd>{formatNumber(value, i18n.language)}</dd>
          </div>
        ))}
      </dl>
      <p className="actions">
        <a className="button primary" href={routeHref({ name: 'participants', id: forumId })}>
          {t('participantImport.done.toList')}
        </a>
        <a className="button" href={routeHref({ name: 'stats', id: forumId })}>
          {t('participantImport.done.toStats')}
        </a>
        <button type="button" onClick={onAnother}>
          {t('participantImport.done.another')}
        </button>
      </p>
    </section>
  );
}
