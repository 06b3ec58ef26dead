import { useTranslation } from 'react-i18next';
import type { ParticipantImportPreview } from '../../../../shared/participantImport';
import { formatNumber } from '../../i18n/intlFormat';

interface Props {
  counts: ParticipantImportPreview['counts'];
  /** A preview or the import itself is running: the figures above may be about to change. */
  busy: boolean;
  onImport(): void;
}

/** Step 3: the import is all or nothing, so it waits until no row has an error, and says so. */
export function ImportAction({ counts, busy, onImport }: Props) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const reason =
    counts.withErrors > 0
      ? t('participantImport.action.blockedByErrors', { count: n(counts.withErrors) })
      : counts.toCreate + counts.toMerge === 0
        ? t('participantImport.action.nothingToImport')
        : undefined;
  return (
    <div className="import-action">
      <button
        type="button"
        className="primary"
        disabled={busy || reason !== undefined}
        aria-describedby={reason ? 'import-blocked-reason' : 'import-will-do'}
        onClick={onImport}
      >
        {t('participantImport.action.import')}
      </button>
      {reason ? (
        <p id="import-blocked-reason" className="import-blocked">
          {reason}
        </p>
      ) : (
        <p id="import-will-do" className="hint">
          {t('participantImport.action.willDo', {
            create: n(counts.toCreate),
            merge: n(counts.toMerge),
            skip: n(counts.toSkip),
          })}
        </p>
      )}
    </div>
  );
}
