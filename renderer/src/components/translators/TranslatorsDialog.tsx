import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../ModalDialog';
import { ReceiveTranslations } from './ReceiveTranslations';
import { SendToTranslators } from './SendToTranslators';

export interface TranslatorsTarget {
  forumId: string;
  /** The document open on screen: what is sent unless the agenda or the key messages are chosen. */
  documentId: string;
  languages: readonly string[];
  sourceLanguage: string;
}

/**
 * Translators' files, both ways, in one modal: "Send to translators" saves an XLIFF file for one
 * language; "Receive translations" reads one back, shows what it would change, and writes only
 * when asked.
 */
export function TranslatorsDialog({ target, onClose }: { target: TranslatorsTarget; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <ModalDialog className="export-dialog translators-dialog" labelledBy="translators-dialog-title" onClose={onClose}>
      <h2 id="translators-dialog-title">{t('translators.title')}</h2>
      <p className="hint">{t('translators.about')}</p>
      <SendToTranslators target={target} />
      <ReceiveTranslations forumId={target.forumId} />
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('translators.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
