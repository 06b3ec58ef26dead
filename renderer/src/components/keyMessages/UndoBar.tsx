import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What just happened; the bar is empty (but present, for screen readers) without it. */
  message: string | undefined;
  onUndo: (() => void) | undefined;
  onDismiss(): void;
}

/**
 * The last delete or merge with a way back. The card the focus was on has just gone, so the
 * keyboard lands on Undo instead of the top of the page.
 */
export function UndoBar({ message, onUndo, onDismiss }: Props) {
  const { t } = useTranslation();
  const undoButton = useRef<HTMLButtonElement>(null);
  const canUndo = onUndo !== undefined;
  useEffect(() => {
    if (message && canUndo) undoButton.current?.focus();
  }, [message, canUndo]);
  return (
    <div role="status" className="undo-status">
      {message && (
        <p className="undo-bar">
          <span>{message}</span>{' '}
          {onUndo && (
            <button type="button" ref={undoButton} onClick={onUndo} aria-keyshortcuts="Control+Z">
              {t('keyMessages.undo.button')}
            </button>
          )}
          <button type="button" onClick={onDismiss}>
            {t('keyMessages.undo.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
