import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TranslatorsDialog, type TranslatorsTarget } from './TranslatorsDialog';
import { useTranslatorsShortcut } from './useTranslatorsShortcut';

/** Opens the translators' dialog (Ctrl+Shift+E): files out to a CAT tool, translations back in. */
export function TranslatorsButton({ target }: { target: TranslatorsTarget }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useTranslatorsShortcut(() => setOpen(true), !open);
  // A forum in one language has nothing to translate into.
  if (target.languages.every((lang) => lang === target.sourceLanguage)) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog" aria-keyshortcuts="Control+Shift+E">
        {t('translators.open')}
      </button>
      {open && <TranslatorsDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}
