import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { navigate } from '../../hooks/useRoute';
import { ErrorMessage } from '../ErrorMessage';
import { ModalDialog } from '../ModalDialog';
import { deletedForumStore } from './deletedForumStore';

/** "Delete this forum…", confirmed in a dialog; the home screen then offers to undo it. */
export function DeleteForumButton({ forumId, title }: { forumId: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError>();

  const remove = async () => {
    setBusy(true);
    setError(undefined);
    const result = await api['forums:setDeleted']({ id: forumId, deleted: true });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    deletedForumStore.set({ id: forumId, title });
    navigate({ name: 'home' });
  };

  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('forum.delete.button')}
      </button>
      {open && (
        <ModalDialog className="delete-forum-dialog" labelledBy="delete-forum-title" onClose={() => setOpen(false)}>
          <h2 id="delete-forum-title">{t('forum.delete.title', { title })}</h2>
          <p>{t('forum.delete.body')}</p>
          {error && <ErrorMessage error={error} />}
          <div className="actions">
            <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
              {t('forum.delete.confirm')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
