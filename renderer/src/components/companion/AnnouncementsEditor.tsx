import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Forum } from '../../../../shared/forum';
import { directionOf } from '../../../../shared/languages';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import type { Permission } from '../../hooks/useForumRoles';
import { formatTime } from '../../i18n/intlFormat';
import { LanguageSelect } from '../LanguageSelect';
import { ErrorMessage } from '../ErrorMessage';
import { RoleGate } from '../RoleGate';

/** Post an announcement in a working language; withdraw one (or post it again). */
export function AnnouncementsEditor({ forum, permission }: { forum: Forum; permission: Permission }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const list = useApiQuery('announcements:list', { forumId: forum.id });
  const [text, setText] = useState('');
  const [lang, setLang] = useState(forum.languages.includes(i18n.language) ? i18n.language : forum.sourceLanguage);
  const [error, setError] = useState<AppError>();
  const [notice, setNotice] = useState('');

  const post = async (event: FormEvent) => {
    event.preventDefault();
    if (!permission.allowed) return;
    const result = await api['announcements:post']({ forumId: forum.id, text, lang });
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setText('');
    setNotice('companion.panel.posted');
    list.reload();
  };
  const withdraw = async (announcementId: string, withdrawn: boolean) => {
    const result = await api['announcements:withdraw']({ id: announcementId, withdrawn });
    if (!result.ok) return setError(result.error);
    setError(undefined);
    list.reload();
  };

  return (
    <>
      <h3 id={`${id}-heading`}>{t('companion.panel.announcements')}</h3>
      <form onSubmit={(event) => void post(event)} aria-labelledby={`${id}-new`} className="announcement-form">
        <h4 id={`${id}-new`}>{t('companion.panel.newAnnouncement')}</h4>
        <label className="field">
          <span>{t('companion.panel.text')}</span>
          <RoleGate permission={permission} kind="text">
            {(gate) => (
              <textarea value={text} onChange={(event) => setText(event.target.value)} maxLength={2000} rows={3} lang={lang} dir={directionOf(lang)} {...gate} />
            )}
          </RoleGate>
        </label>
        <LanguageSelect label={t('companion.panel.textLanguage')} languages={forum.languages} value={lang} onChange={setLang} />
        <RoleGate permission={permission}>
          {(gate) => (
            <button type="submit" disabled={text.trim() === ''} {...gate}>
              {t('companion.panel.post')}
            </button>
          )}
        </RoleGate>
        <p role="status" className="hint">
          {/* A key, so the notice follows a change of the interface language. */}
        {notice && t(notice)}
        </p>
      </form>
      {error && <ErrorMessage error={error} />}
      {list.error && <ErrorMessage error={list.error} />}
      {list.data && list.data.length === 0 && <p className="hint">{t('companion.panel.none')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="announcement-list" aria-labelledby={`${id}-heading`}>
          {list.data.map((a) => (
            <li key={a.id} className={a.withdrawn ? 'is-withdrawn' : undefined}>
              <p lang={a.lang} dir={directionOf(a.lang)}>
                {a.text}
              </p>
              <p className="hint">
                {t('companion.panel.postedBy', { by: a.postedBy, time: formatTime(a.postedAt, i18n.language, forum.timeZone, { withDate: true }) })}
                {a.withdrawn && ` · ${t('companion.panel.withdrawn')}`}
              </p>
              <RoleGate permission={permission}>
                {(gate) => (
                  <button type="button" onClick={() => void withdraw(a.id, !a.withdrawn)} {...gate}>
                    {a.withdrawn ? t('companion.panel.restore') : t('companion.panel.withdraw')}
                  </button>
                )}
              </RoleGate>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
