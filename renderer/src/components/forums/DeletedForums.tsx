import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Forum } from '../../../../shared/forum';
import type { AppError } from '../../../../shared/result';
import { base64ToBytes, saveFile } from '../../api/base64';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useUndoShortcut } from '../participants/useUndoShortcut';
import { ErrorMessage } from '../ErrorMessage';
import { deletedForumStore } from './deletedForumStore';

const titleOf = (forum: Forum, lang: string) => forum.title[lang] ?? forum.title[forum.sourceLanguage] ?? Object.values(forum.title)[0] ?? '';

/**
 * On the home screen: the undo of a deletion just made (Ctrl+Z), and the deleted forums, each to
 * restore or to share as a bundle so the other laptops learn of the deletion.
 */
export function DeletedForums({ onChanged }: { onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const deleted = useApiQuery('forums:list', { deleted: true });
  const [justDeleted, setJustDeleted] = useState(deletedForumStore.get());
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<AppError>();

  const restore = useCallback(
    async (id: string, title: string) => {
      setError(undefined);
      const result = await api['forums:setDeleted']({ id, deleted: false });
      if (!result.ok) return setError(result.error);
      deletedForumStore.clear();
      setJustDeleted(undefined);
      setNotice(t('home.deleted.restored', { title }));
      deleted.reload();
      onChanged();
    },
    [deleted, onChanged, t],
  );
  useUndoShortcut(() => {
    if (justDeleted) void restore(justDeleted.id, justDeleted.title);
  }, justDeleted !== undefined);

  const share = async (forum: Forum) => {
    setError(undefined);
    const result = await api['bundle:export']({ forumId: forum.id });
    if (!result.ok) return setError(result.error);
    saveFile(base64ToBytes(result.value.data), result.value.fileName);
    setNotice(t('home.deleted.saved', { fileName: result.value.fileName }));
  };

  const list = deleted.data ?? [];
  return (
    <>
      <div role="status" className="undo-status">
        {justDeleted && (
          <p className="undo-bar">
            <span>{t('home.deleted.undoMessage', { title: justDeleted.title })}</span>{' '}
            <button type="button" onClick={() => void restore(justDeleted.id, justDeleted.title)} aria-keyshortcuts="Control+Z">
              {t('home.deleted.undo')}
            </button>
            <button
              type="button"
              onClick={() => {
                deletedForumStore.clear();
                setJustDeleted(undefined);
              }}
            >
              {t('home.deleted.dismiss')}
            </button>
          </p>
        )}
        {!justDeleted && notice && <p>{notice}</p>}
      </div>
      {error && <ErrorMessage error={error} />}
      {list.length > 0 && (
        <details className="deleted-forums">
          <summary>{t('home.deleted.title', { count: list.length })}</summary>
          <p className="meta">{t('home.deleted.hint')}</p>
          <ul aria-label={t('home.deleted.listLabel')}>
            {list.map((forum) => {
              const title = titleOf(forum, i18n.language);
              return (
                <li key={forum.id}>
                  <span lang={forum.title[i18n.language] ? i18n.language : forum.sourceLanguage} dir="auto">
                    {title}
                  </span>{' '}
                  <button type="button" onClick={() => void restore(forum.id, title)}>
                    {t('home.deleted.restore', { title })}
                  </button>{' '}
                  <button type="button" onClick={() => void share(forum)}>
                    {t('home.deleted.share', { title })}
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </>
  );
}
