import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';

/** An error from the core in the user's language; the technical message stays available. */
export function ErrorMessage({ error }: { error: AppError }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-message">
      <p>{t(`errors.${error.code}`)}</p>
      <details>
        <summary>{t('errors.details')}</summary>
        <p dir="auto">{error.message}</p>
      </details>
    </div>
  );
}
