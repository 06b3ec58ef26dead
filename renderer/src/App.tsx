import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/languages';
import type { AppError } from '../../shared/result';
import { ErrorMessage } from './components/ErrorMessage';
import { api } from './api/plenaryApi';
import { LanguageSwitcher } from './components/LanguageSwitcher';
import { navigate, routeHref, useRoute } from './hooks/useRoute';
import { ForumNav } from './components/ForumNav';
import { AgendaScreen } from './screens/AgendaScreen';
import { CheckInScreen } from './screens/CheckInScreen';
import { ForumFormScreen } from './screens/ForumFormScreen';
import { ForumScreen } from './screens/ForumScreen';
import { HomeScreen } from './screens/HomeScreen';
import { ParticipantFormScreen } from './screens/ParticipantFormScreen';
import { ParticipantImportScreen } from './screens/ParticipantImportScreen';
import { ParticipantsScreen } from './screens/ParticipantsScreen';
import { ProjectorScreen } from './screens/ProjectorScreen';
import { SessionFormScreen } from './screens/SessionFormScreen';
import { StatsScreen } from './screens/StatsScreen';

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();

  useEffect(() => {
    void api['settings:get']({}).then((result) => {
      if (result.ok && result.value.language) void i18n.changeLanguage(result.value.language);
    });
  }, [i18n]);

  const [settingsError, setSettingsError] = useState<AppError>();
  const changeLanguage = useCallback(
    (lang: UiLanguage) => {
      void i18n.changeLanguage(lang);
      // The switch takes effect at once; if it cannot be remembered, say so rather than forget silently.
      void api['settings:set']({ language: lang }).then((result) => setSettingsError(result.ok ? undefined : result.error));
    },
    [i18n],
  );

  // Alt+Home goes back to the forum list from anywhere; Alt+N starts a new forum.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Home') navigate({ name: 'home' });
      else if (event.code === 'KeyN') navigate({ name: 'newForum' });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  // The projector owns the whole screen: no header, no navigation, large type.
  if (route.name === 'projector') return <ProjectorScreen forumId={route.id} />;

  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href={routeHref({ name: 'home' })} aria-label={t('app.homeLink')} aria-keyshortcuts="Alt+Home">
          {t('app.name')}
        </a>
        <span className="tagline">{t('app.tagline')}</span>
        <LanguageSwitcher onChange={changeLanguage} />
      </header>
      {route.name !== 'home' && route.name !== 'newForum' && <ForumNav route={route} />}
      <main className="app-main">
        {settingsError && <ErrorMessage error={settingsError} />}
        {route.name === 'home' && <HomeScreen />}
        {route.name === 'newForum' && <ForumFormScreen />}
        {route.name === 'editForum' && <ForumFormScreen forumId={route.id} key={route.id} />}
        {route.name === 'forum' && <ForumScreen forumId={route.id} key={route.id} />}
        {route.name === 'agenda' && <AgendaScreen forumId={route.id} key={route.id} />}
        {route.name === 'newSession' && <SessionFormScreen forumId={route.id} key={`${route.id}/new`} />}
        {route.name === 'editSession' && (
          <SessionFormScreen forumId={route.id} sessionId={route.sessionId} key={route.sessionId} />
        )}
        {route.name === 'participants' && <ParticipantsScreen forumId={route.id} key={route.id} />}
        {route.name === 'newParticipant' && <ParticipantFormScreen forumId={route.id} key={`${route.id}/new`} />}
        {route.name === 'editParticipant' && (
          <ParticipantFormScreen forumId={route.id} participantId={route.participantId} key={route.participantId} />
        )}
        {route.name === 'importParticipants' && <ParticipantImportScreen forumId={route.id} key={route.id} />}
        {route.name === 'checkIn' && <CheckInScreen forumId={route.id} key={route.id} />}
        {route.name === 'stats' && <StatsScreen forumId={route.id} key={route.id} />}
      </main>
    </div>
  );
}
