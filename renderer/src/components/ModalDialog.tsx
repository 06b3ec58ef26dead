import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface Props {
  className: string;
  /** Id of the dialog's heading, its accessible name. */
  labelledBy: string;
  /** Esc, or the dialog closed any other way than through the screen. */
  onClose(): void;
  children: ReactNode;
}

/**
 * A native modal <dialog>, open while mounted: the browser traps focus and makes the rest of the
 * page inert; Esc goes through `onClose` so the screen decides (and unmounts it). Closed, it gives
 * the focus back to what had it (the button that opened it), as long as that is still on the page:
 * React removes the element before an effect's cleanup runs, too late for the browser to do so.
 */
export function ModalDialog({ className, labelledBy, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
