import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportProgress } from '../../../../shared/exports';

/** How far the export has got, named by its phase; indeterminate until the core first reports. */
export function ExportProgressBar({ progress }: { progress: ExportProgress | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const phase = progress?.phase ?? 'reading';
  return (
    <div className="export-progress">
      <label htmlFor={id}>{t(`exports.progress.${phase}`)}</label>
      {progress ? (
        <progress id={id} aria-label={t('exports.progress.label')} value={progress.done} max={Math.max(progress.total, 1)} />
      ) : (
        <progress id={id} aria-label={t('exports.progress.label')} />
      )}
    </div>
  );
}
