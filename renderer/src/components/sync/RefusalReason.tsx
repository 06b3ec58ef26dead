import { useTranslation } from 'react-i18next';
import { isolate, type RefusedFile } from './sessionSummary';

const ownWords = new Set(['duplicate', 'untrusted', 'bundle_rejected', 'confirmation_required']);

/** Why one file is not imported, in the user's language; the core's own words stay one click away. */
export function RefusalReason({ file }: { file: RefusedFile }) {
  const { t } = useTranslation();
  const reason = ownWords.has(file.reason) ? t(`bundleSession.reason.${file.reason}`, { name: isolate(file.sameAs ?? '') }) : t(`errors.${file.reason}`);
  return (
    <>
      <span className="reason">{reason}</span>
      {file.message && (
        <details>
          <summary>{t('errors.details')}</summary>
          <p dir="auto">{file.message}</p>
        </details>
      )}
    </>
  );
}
