import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What just happened; nothing is shown without it. */
  message: ReactNode;
  /** Offered while the last action can still be reversed. */
  onUndo?: () => void;
  undoLabel?: string;
  onDismiss?: () => void;
  /** Moves the focus into the banner when its message changes, for a row whose button has just gone. */
  takeFocus?: boolean;
}

/**
 * A live region that is always in the page (so screen readers hear what is put in it) and shows
 * the last action with a way back.
 */
export function UndoBanner({ message, onUndo, undoLabel, onDismiss, takeFocus = false }: Props) {
  const { t } = useTranslation();
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus && message) region.current?.querySelector('button')?.focus();
  }, [takeFocus, message]);
  return (
    <div ref={region} role="status" className={message ? 'undo-banner' : 'undo-banner empty'}>
      {message && <span className="undo-message">{message}</span>}
      {message && onUndo && (
        <button type="button" onClick={onUndo} aria-keyshortcuts="Control+Z">
          {undoLabel ?? t('participants.list.undo')}
        </button>
      )}
      {message && onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('participants.list.dismiss')}
        </button>
      )}
    </div>
  );
}
