import { useTranslation } from 'react-i18next';
import type { ParticipantImportPreview } from '../../../../shared/participantImport';
import { formatNumber } from '../../i18n/intlFormat';

const namedDelimiters: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** How the file was read, and what importing it would do. */
export function ImportReadSummary({ fileName, preview }: { fileName: string; preview: ParticipantImportPreview }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const delimiterName = preview.delimiter === null ? undefined : namedDelimiters[preview.delimiter];
  const { counts } = preview;
  const figures = [
    ['rows', counts.rows],
    ['withErrors', counts.withErrors],
    ['withWarnings', counts.withWarnings],
    ['duplicates', counts.duplicates],
    ['toCreate', counts.toCreate],
    ['toMerge', counts.toMerge],
    ['toSkip', counts.toSkip],
  ] as const;
  return (
    <section className="import-read" aria-labelledby="import-read-heading">
      <h2 id="import-read-heading">{t('participantImport.read.heading')}</h2>
      <dl className="import-read-facts">
        <div>
          <dt>{t('participantImport.read.file')}</dt>
          <dd>
            <bdi>{fileName}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('participantImport.read.format')}</dt>
          <dd>{t(`participantImport.format.${preview.format}`)}</dd>
        </div>
        {preview.encoding && (
          <div>
            <dt>{t('participantImport.read.encoding')}</dt>
            <dd>
              <bdi>{preview.encoding}</bdi>
            </dd>
          </div>
        )}
        {preview.delimiter !== null && (
          <div>
            <dt>{t('participantImport.read.delimiter')}</dt>
            <dd>
              {delimiterName ? t(`participantImport.delimiter.${delimiterName}`) : <code>{preview.delimiter}</code>}
            </dd>
          </div>
        )}
      </dl>
      <dl className="figures import-counts">
        {figures.map(([key, value]) => (
          <div
            key={key}
            className={`figure${value > 0 && key === 'withErrors' ? ' has-errors' : ''}${value > 0 && key === 'withWarnings' ? ' has-warnings' : ''}`}
          >
            <dt id={`import-count-${key}`}>{t(`participantImport.counts.${key}`)}</dt>
            <dd>{n(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
