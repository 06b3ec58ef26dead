import { useTranslation } from 'react-i18next';
import { maxParticipantFileBytes } from '../../../../shared/participantImport';

function megabytes(bytes: number, lang: string): string {
  const value = bytes / (1024 * 1024);
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(value);
  } catch {
    return `${value.toFixed(1)} MB`;
  }
}

/** Said before anything is read or sent: the file's size against the limit, in the UI language. */
export function FileTooLargeMessage({ fileName, size }: { fileName: string; size: number }) {
  const { t, i18n } = useTranslation();
  return (
    <div role="alert" className="error-message">
      <p>
        {t('participantImport.tooLarge', {
          size: megabytes(size, i18n.language),
          limit: megabytes(maxParticipantFileBytes, i18n.language),
        })}
      </p>
      <p>
        <bdi>{fileName}</bdi>
      </p>
      <p>{t('participantImport.tooLargeHint')}</p>
    </div>
  );
}
