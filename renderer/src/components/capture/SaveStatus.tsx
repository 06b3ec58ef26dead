import { useTranslation } from 'react-i18next';
import type { NoteSaver } from './noteSaver';
import { useSaveStatus } from './useSaveStatus';

/**
 * Saved / saving, said quietly; a save that fails is said plainly and stays on screen until the
 * text is in, because a rapporteur must know their words are not safe yet.
 */
export function SaveStatus({ saver, id }: { saver: NoteSaver; id: string }) {
  const { t } = useTranslation();
  const status = useSaveStatus(saver);
  const issue = status.error?.issues?.[0]?.message;
  const reason = status.state === 'rejected' ? t(issue?.startsWith('validation.') ? issue : `errors.${status.error?.code ?? 'internal'}`) : '';
  return (
    <p id={id} className={`save-status save-${status.state}`} role="status" aria-live="polite">
      {status.state === 'saved' && t('capture.save.saved')}
      {status.state === 'saving' && t('capture.save.saving')}
      {status.state === 'retrying' && t(status.error?.code === 'unauthorized' ? 'connection.saveRefused' : 'capture.save.retrying')}
      {status.state === 'rejected' && t('capture.save.rejected', { reason })}
    </p>
  );
}
