import { useTranslation } from 'react-i18next';
import type { DraftStatus } from './proseSaving';

/**
 * Where one field's text stands: nothing until it is typed into, then "Saving…" and "Saved"; a
 * save that has not landed says so plainly and stays until the text is in.
 */
export function ProseSaveStatus({ status, id }: { status: DraftStatus; id?: string }) {
  const { t } = useTranslation();
  // A refused key is not a silent server: only opening the server's new address helps.
  const refused = status.state === 'retrying' && status.error?.code === 'unauthorized';
  const label = status.state === 'saved' ? (status.edited ? t('proseSave.saved') : '') : t(refused ? 'connection.proseRefused' : `proseSave.${status.state}`);
  return (
    <span id={id} className={`save-state save-${status.state}`} role="status">
      {label}
    </span>
  );
}
