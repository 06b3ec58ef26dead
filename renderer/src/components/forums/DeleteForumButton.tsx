import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import type { Permission } from '../../hooks/useForumRoles';
import { navigate } from '../../hooks/useRoute';
import { ErrorMessage } from '../ErrorMessage';
import { ModalDialog } from '../ModalDialog';
import { RoleGate } from '../RoleGate';
import { deletedForumStore } from './deletedForumStore';

/** "Delete this forum…", confirmed in a dialog; the home screen then offers to undo it. */
const everyone: Permission = { allowed: true, reason: '' };

export function DeleteForumButton({ forumId, title, permission = everyone }: { forumId: string; title: string; permission?: Permission }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
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
      <RoleGate permission={permission}>
        {(gate) => (
          <button type="button" className="danger" onClick={() => setOpen(true)} {...gate}>
            {t('forum.delete.button')}
          </button>
        )}
      </RoleGate>
      {isOpen && (
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
