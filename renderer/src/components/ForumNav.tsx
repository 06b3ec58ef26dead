import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, routeHref, type ForumRoute, type Route } from '../hooks/useRoute';

const sections = [
  { key: 'overview', route: 'forum', shortcut: '1' },
  { key: 'agenda', route: 'agenda', shortcut: '2' },
  { key: 'participants', route: 'participants', shortcut: '3' },
  { key: 'checkIn', route: 'checkIn', shortcut: '4' },
  { key: 'stats', route: 'stats', shortcut: '5' },
  { key: 'capture', route: 'capture', shortcut: '6' },
  { key: 'keyMessages', route: 'keyMessages', shortcut: '7' },
  { key: 'drafting', route: 'drafting', shortcut: '8' },
  { key: 'search', route: 'search', shortcut: '9' },
  { key: 'laptops', route: 'laptops', shortcut: '0' },
] as const;

/** Which section a route belongs to: an edit screen sits under the list it edits. */
function sectionOf(route: ForumRoute): (typeof sections)[number]['route'] | undefined {
  switch (route.name) {
    case 'forum':
    case 'editForum':
      return 'forum';
    case 'agenda':
    case 'newSession':
    case 'editSession':
      return 'agenda';
    case 'participants':
    case 'newParticipant':
    case 'editParticipant':
    case 'importParticipants':
      return 'participants';
    case 'checkIn':
      return 'checkIn';
    case 'stats':
      return 'stats';
    case 'capture':
      return 'capture';
    case 'keyMessages':
      return 'keyMessages';
    case 'search':
      return 'search';
    case 'laptops':
      return 'laptops';
    case 'drafting':
    case 'coverage':
    case 'draftProjector':
      return 'drafting';
    default:
      return undefined;
  }
}

/** The forum's sections, reachable from every screen of it; Alt+1…9 jump between them. */
export function ForumNav({ route }: { route: ForumRoute }) {
  const { t } = useTranslation();
  const current = sectionOf(route);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const section = sections.find((s) => event.code === `Digit${s.shortcut}`);
      if (!section) return;
      event.preventDefault();
      navigate({ name: section.route, id: route.id } satisfies Route);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route.id]);

  return (
    <nav className="forum-nav" aria-label={t('forumNav.label')}>
      {sections.map((section) => (
        <a
          key={section.key}
          href={routeHref({ name: section.route, id: route.id })}
          aria-current={current === section.route ? 'page' : undefined}
          aria-keyshortcuts={`Alt+${section.shortcut}`}
        >
          {t(`forumNav.${section.key}`)}
        </a>
      ))}
    </nav>
  );
}
