import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { api } from '../api/plenaryApi';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateRange, formatList } from '../i18n/intlFormat';
import { LocalText } from '../components/LocalText';
import { ExchangePanel } from '../components/sync/ExchangePanel';
import { DeletedForums } from '../components/forums/DeletedForums';
import { languageName } from '../i18n/languageName';
import { useApiQuery } from '../hooks/useApiQuery';
import { navigate, routeHref } from '../hooks/useRoute';

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const forums = useApiQuery('forums:list', {});
  const [creatingDemo, setCreatingDemo] = useState(false);
  const [demoError, setDemoError] = useState<AppError>();

  const createDemo = async () => {
    setCreatingDemo(true);
    setDemoError(undefined);
    const result = await api['demo:create']({});
    setCreatingDemo(false);
    if (result.ok) navigate({ name: 'forum', id: result.value.id });
    else setDemoError(result.error);
  };

  const list = forums.data ?? [];
  // One demo at a time: once there, the button opens it.
  const demo = list.find((forum) => forum.isDemo);
  return (
    <section aria-labelledby="forums-heading">
      <div className="screen-heading">
        <h1 id="forums-heading">{t('home.title')}</h1>
        <div className="actions">
          <a className="button primary" href={routeHref({ name: 'newForum' })} aria-keyshortcuts="Alt+N">
            {t('home.newForum')}
          </a>
          {demo ? (
            <a className="button" href={routeHref({ name: 'forum', id: demo.id })}>
              {t('home.openDemo')}
            </a>
          ) : (
            <button type="button" onClick={() => void createDemo()} disabled={creatingDemo || !forums.data}>
              {creatingDemo ? t('home.creatingDemo') : t('home.addDemo')}
            </button>
          )}
        </div>
      </div>
      <DeletedForums onChanged={() => forums.reload()} />
      {forums.error && <ErrorMessage error={forums.error} />}
      {demoError && <ErrorMessage error={demoError} />}
      {forums.loading && !forums.data && <p aria-busy="true">{t('common.loading')}</p>}
      {forums.data && list.length === 0 && (
        <div className="empty-state">
          <h2>{t('home.emptyTitle')}</h2>
          <p>{t('home.emptyBody')}</p>
          <button type="button" className="primary" onClick={() => void createDemo()} disabled={creatingDemo}>
            {t('home.tryDemo')}
          </button>
        </div>
      )}
      {list.length > 0 && (
        <ul className="forum-list" aria-label={t('home.listLabel')}>
          {list.map((forum) => {
            // Shown in the interface language when the forum works in it; otherwise in its own
            // language, unmarked: a language it does not work in is nobody's missing translation.
            const contentLanguage = forum.languages.includes(i18n.language) ? i18n.language : forum.sourceLanguage;
            const title = forum.title[contentLanguage] ?? forum.title[forum.sourceLanguage] ?? '';
            return (
              <li key={forum.id} className="forum-card">
                <h2>
                  <a href={routeHref({ name: 'forum', id: forum.id })} aria-label={t('home.openForum', { title })}>
                    <LocalText text={forum.title} lang={contentLanguage} sourceLanguage={forum.sourceLanguage} />
                  </a>
                  {forum.isDemo && <span className="badge">{t('home.demoBadge')}</span>}
                </h2>
                <p className="meta">
                  {formatDateRange(forum.startDate, forum.endDate, i18n.language)}
                  {' · '}
                  <LocalText text={forum.venue} lang={contentLanguage} sourceLanguage={forum.sourceLanguage} />
                </p>
                <p className="meta">
                  {t(`outcomeKind.${forum.outcomeKind}`)}
                  {' · '}
                  {t('home.workingLanguages', { list: formatList(forum.languages.map((l) => languageName(l, i18n.language)), i18n.language) })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <ExchangePanel onImported={() => forums.reload()} />
    </section>
  );
}
