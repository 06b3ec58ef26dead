import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/languages';
import type { AppError } from '../../shared/result';
import { ErrorMessage } from './components/ErrorMessage';
import { api } from './api/plenaryApi';
import { LanguageSwitcher } from './components/LanguageSwitcher';
import { isForumRoute, navigate, routeHref, useRoute } from './hooks/useRoute';
import { ForumNav } from './components/ForumNav';
import { HomeScreen } from './screens/HomeScreen';
import { useFocusOnNavigate } from './hooks/useFocusOnNavigate';
import { ConnectionNotice } from './components/ConnectionNotice';
import { StatusBar } from './components/StatusBar';
import { LaptopNameDialog } from './components/sync/LaptopNameDialog';
import { useLaptopNameQuestion } from './hooks/useLaptopNameQuestion';
import { localStore } from './hooks/localStore';
import { storedLanguage, storeLanguage } from './i18n/languageChoice';

// The home screen is what a cold start must show fast; every other screen is fetched when first
// opened (a few milliseconds from the local server), which halves the script parsed at start-up,
// and all of them are fetched once the browser is idle after that.
const screens = {
  AgendaScreen: () => import('./screens/AgendaScreen'),
  CaptureScreen: () => import('./screens/CaptureScreen'),
  CheckInScreen: () => import('./screens/CheckInScreen'),
  CoverageScreen: () => import('./screens/CoverageScreen'),
  DraftingScreen: () => import('./screens/DraftingScreen'),
  DraftProjectorScreen: () => import('./screens/DraftProjectorScreen'),
  ForumFormScreen: () => import('./screens/ForumFormScreen'),
  ForumScreen: () => import('./screens/ForumScreen'),
  KeyMessagesScreen: () => import('./screens/KeyMessagesScreen'),
  ParticipantFormScreen: () => import('./screens/ParticipantFormScreen'),
  ParticipantImportScreen: () => import('./screens/ParticipantImportScreen'),
  ParticipantsScreen: () => import('./screens/ParticipantsScreen'),
  ProjectorScreen: () => import('./screens/ProjectorScreen'),
  SpeakerTimerScreen: () => import('./screens/SpeakerTimerScreen'),
  SearchScreen: () => import('./screens/SearchScreen'),
  SessionFormScreen: () => import('./screens/SessionFormScreen'),
  StatsScreen: () => import('./screens/StatsScreen'),
  LaptopsScreen: () => import('./screens/LaptopsScreen'),
  VenueScreen: () => import('./screens/VenueScreen'),
};
const AgendaScreen = lazy(() => screens.AgendaScreen().then((m) => ({ default: m.AgendaScreen })));
const CheckInScreen = lazy(() => screens.CheckInScreen().then((m) => ({ default: m.CheckInScreen })));
const ForumFormScreen = lazy(() => screens.ForumFormScreen().then((m) => ({ default: m.ForumFormScreen })));
const ForumScreen = lazy(() => screens.ForumScreen().then((m) => ({ default: m.ForumScreen })));
const ParticipantFormScreen = lazy(() => screens.ParticipantFormScreen().then((m) => ({ default: m.ParticipantFormScreen })));
const ParticipantImportScreen = lazy(() => screens.ParticipantImportScreen().then((m) => ({ default: m.ParticipantImportScreen })));
const ParticipantsScreen = lazy(() => screens.ParticipantsScreen().then((m) => ({ default: m.ParticipantsScreen })));
const ProjectorScreen = lazy(() => screens.ProjectorScreen().then((m) => ({ default: m.ProjectorScreen })));
const SpeakerTimerScreen = lazy(() => screens.SpeakerTimerScreen().then((m) => ({ default: m.SpeakerTimerScreen })));
const SessionFormScreen = lazy(() => screens.SessionFormScreen().then((m) => ({ default: m.SessionFormScreen })));
const CaptureScreen = lazy(() => screens.CaptureScreen().then((m) => ({ default: m.CaptureScreen })));
const KeyMessagesScreen = lazy(() => screens.KeyMessagesScreen().then((m) => ({ default: m.KeyMessagesScreen })));
const SearchScreen = lazy(() => screens.SearchScreen().then((m) => ({ default: m.SearchScreen })));
const CoverageScreen = lazy(() => screens.CoverageScreen().then((m) => ({ default: m.CoverageScreen })));
const DraftingScreen = lazy(() => screens.DraftingScreen().then((m) => ({ default: m.DraftingScreen })));
const DraftProjectorScreen = lazy(() => screens.DraftProjectorScreen().then((m) => ({ default: m.DraftProjectorScreen })));
const StatsScreen = lazy(() => screens.StatsScreen().then((m) => ({ default: m.StatsScreen })));
const LaptopsScreen = lazy(() => screens.LaptopsScreen().then((m) => ({ default: m.LaptopsScreen })));
const VenueScreen = lazy(() => screens.VenueScreen().then((m) => ({ default: m.VenueScreen })));

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(`${route.name}/${'id' in route ? route.id : ''}`, main);

  // The desktop app is one laptop's: its database remembers the choice too (a window's storage
  // may be cleared). Browser mode never asks the server: each browser keeps its own.
  const desktop = window.plenary !== undefined;
  useEffect(() => {
    if (!desktop) return;
    void api['settings:get']({}).then((result) => {
      if (result.ok && result.value.language && !storedLanguage(localStore())) void i18n.changeLanguage(result.value.language);
    });
  }, [i18n, desktop]);

  const [settingsError, setSettingsError] = useState<AppError>();
  const changeLanguage = useCallback(
    (lang: UiLanguage) => {
      void i18n.changeLanguage(lang);
      // The switch takes effect at once; if it cannot be remembered, say so rather than forget silently.
      const kept = storeLanguage(localStore(), lang);
      if (desktop) void api['settings:set']({ language: lang }).then((result) => setSettingsError(result.ok || kept ? undefined : result.error));
      else setSettingsError(kept ? undefined : { code: 'internal', message: 'This browser does not let Plenary keep the interface language (its storage is off or full).' });
    },
    [i18n, desktop],
  );

  const askName = useLaptopNameQuestion();

  // Alt+Home goes back to the forum list from anywhere; Alt+N starts a new forum; Alt+U opens the
  // venue network (V, F, E and W are left to the menu bar's View, File, Edit and Window).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Home') navigate({ name: 'home' });
      else if (event.code === 'KeyN') navigate({ name: 'newForum' });
      else if (event.code === 'KeyU') navigate({ name: 'venue' });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  useEffect(() => {
    const preload = () => Object.values(screens).forEach((load) => void load());
    const idle = window.requestIdleCallback(preload, { timeout: 3000 });
    return () => window.cancelIdleCallback(idle);
  }, []);

  // The projector owns the whole screen: no header, no navigation, large type.
  if (route.name === 'projector' || route.name === 'draftProjector' || route.name === 'speakerTimer') {
    return (
      <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
        <ConnectionNotice />
        {route.name === 'projector' ? (
          <ProjectorScreen forumId={route.id} />
        ) : route.name === 'speakerTimer' ? (
          <SpeakerTimerScreen forumId={route.id} subject={{ kind: route.kind, id: route.subjectId }} />
        ) : (
          <DraftProjectorScreen forumId={route.id} documentId={route.documentId} paragraphId={route.paragraphId} key={route.documentId} />
        )}
      </Suspense>
    );
  }

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(event) => {
          // The address is the route: the link moves the focus, not the page.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <a className="brand" href={routeHref({ name: 'home' })} aria-label={t('app.homeLink')} aria-keyshortcuts="Alt+Home">
          {t('app.name')}
        </a>
        <span className="tagline">{t('app.tagline')}</span>
        <a className="venue-link" href={routeHref({ name: 'venue' })} aria-keyshortcuts="Alt+U" aria-current={route.name === 'venue' ? 'page' : undefined}>
          {t('venue.title')}
        </a>
        <LanguageSwitcher onChange={changeLanguage} />
      </header>
      {isForumRoute(route) && <ForumNav route={route} />}
      <main className="app-main" id="main-content" ref={main} tabIndex={-1}>
        <ConnectionNotice />
        {askName.hostName !== undefined && <LaptopNameDialog hostName={askName.hostName} onDone={askName.done} />}
        {settingsError && <ErrorMessage error={settingsError} />}
        <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
          {route.name === 'home' && <HomeScreen />}
          {route.name === 'newForum' && <ForumFormScreen />}
          {route.name === 'venue' && <VenueScreen />}
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
          {route.name === 'laptops' && <LaptopsScreen forumId={route.id} key={route.id} />}
          {route.name === 'capture' && <CaptureScreen forumId={route.id} sessionId={route.sessionId} noteId={route.noteId} key={route.id} />}
          {route.name === 'keyMessages' && <KeyMessagesScreen forumId={route.id} messageId={route.messageId} key={route.id} />}
          {route.name === 'search' && <SearchScreen forumId={route.id} query={route.query} key={route.id} />}
          {route.name === 'drafting' && <DraftingScreen forumId={route.id} documentId={route.documentId} paragraphId={route.paragraphId} key={route.id} />}
          {route.name === 'coverage' && <CoverageScreen forumId={route.id} documentId={route.documentId} key={route.documentId} />}
        </Suspense>
      </main>
      <StatusBar />
    </div>
  );
}
