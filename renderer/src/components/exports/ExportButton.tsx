import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportDialog } from './ExportDialog';
import type { ExportTarget } from './exportTarget';
import { useExportShortcut } from './useExportShortcut';

interface Props {
  target: ExportTarget;
  /** Ctrl+E opens the dialog (the drafting screen's shortcut). */
  shortcut?: boolean;
}

/** The button that opens the export dialog for what the screen shows. */
export function ExportButton({ target, shortcut = false }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useExportShortcut(() => setOpen(true), shortcut && !open);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog" aria-keyshortcuts={shortcut ? 'Control+E' : undefined}>
        {t(`exports.open.${target.kind}`)}
      </button>
      {open && <ExportDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}
