import { useEffect, useRef, type ReactNode } from 'react';

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
 * page inert; Esc goes through `onClose` so the screen decides (and unmounts it).
 */
export function ModalDialog({ className, labelledBy, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
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
