import { startTransition, useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'newForum' }
  | { name: 'venue' }
  | { name: 'forum'; id: string }
  | { name: 'editForum'; id: string }
  | { name: 'agenda'; id: string }
  | { name: 'projector'; id: string }
  | { name: 'newSession'; id: string }
  | { name: 'editSession'; id: string; sessionId: string }
  | { name: 'participants'; id: string }
  | { name: 'newParticipant'; id: string }
  | { name: 'editParticipant'; id: string; participantId: string }
  | { name: 'importParticipants'; id: string }
  | { name: 'checkIn'; id: string }
  | { name: 'stats'; id: string }
  | { name: 'laptops'; id: string }
  | { name: 'capture'; id: string; sessionId?: string; noteId?: string }
  | { name: 'keyMessages'; id: string; messageId?: string }
  | { name: 'search'; id: string; query?: string }
  | { name: 'drafting'; id: string; documentId?: string; paragraphId?: string }
  | { name: 'coverage'; id: string; documentId: string }
  | { name: 'draftProjector'; id: string; documentId: string; paragraphId?: string }
  | { name: 'speakerTimer'; id: string; kind: 'session' | 'paragraph'; subjectId: string };

/** Routes inside one forum, for the forum's navigation. */
export type ForumRoute = Exclude<Route, { name: 'home' } | { name: 'newForum' } | { name: 'venue' }>;

/** Screens of the app rather than of one forum (venue mode is this laptop's, not a forum's). */
export function isForumRoute(route: Route): route is ForumRoute {
  return route.name !== 'home' && route.name !== 'newForum' && route.name !== 'venue';
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new') return { name: 'newForum' };
  if (parts[0] === 'venue') return { name: 'venue' };
  if (parts[0] !== 'forum' || !parts[1]) return { name: 'home' };
  const id = parts[1];
  const [section, item, sub, subItem] = parts.slice(2);
  switch (section) {
    case undefined:
      return { name: 'forum', id };
    case 'edit':
      return { name: 'editForum', id };
    case 'agenda':
      if (item === 'new') return { name: 'newSession', id };
      return item ? { name: 'editSession', id, sessionId: item } : { name: 'agenda', id };
    case 'projector':
      return { name: 'projector', id };
    case 'timer':
      return (item === 'session' || item === 'paragraph') && sub ? { name: 'speakerTimer', id, kind: item, subjectId: sub } : { name: 'forum', id };
    case 'participants':
      if (item === 'new') return { name: 'newParticipant', id };
      if (item === 'import') return { name: 'importParticipants', id };
      return item ? { name: 'editParticipant', id, participantId: item } : { name: 'participants', id };
    case 'check-in':
      return { name: 'checkIn', id };
    case 'statistics':
      return { name: 'stats', id };
    case 'laptops':
      return { name: 'laptops', id };
    case 'capture':
      if (item && sub === 'note' && subItem) return { name: 'capture', id, sessionId: item, noteId: subItem };
      return item ? { name: 'capture', id, sessionId: item } : { name: 'capture', id };
    case 'key-messages':
      return item ? { name: 'keyMessages', id, messageId: item } : { name: 'keyMessages', id };
    case 'search':
      return item ? { name: 'search', id, query: item } : { name: 'search', id };
    case 'drafting':
      if (!item) return { name: 'drafting', id };
      if (sub === 'coverage') return { name: 'coverage', id, documentId: item };
      if (sub === 'paragraph' && subItem) return { name: 'drafting', id, documentId: item, paragraphId: subItem };
      if (sub === 'projector') return subItem ? { name: 'draftProjector', id, documentId: item, paragraphId: subItem } : { name: 'draftProjector', id, documentId: item };
      return { name: 'drafting', id, documentId: item };
    default:
      return { name: 'forum', id };
  }
}

export function routeHref(route: Route): string {
  if (route.name === 'home') return '#/';
  if (route.name === 'newForum') return '#/new';
  if (route.name === 'venue') return '#/venue';
  const forum = `#/forum/${encodeURIComponent(route.id)}`;
  switch (route.name) {
    case 'forum':
      return forum;
    case 'editForum':
      return `${forum}/edit`;
    case 'agenda':
      return `${forum}/agenda`;
    case 'projector':
      return `${forum}/projector`;
    case 'newSession':
      return `${forum}/agenda/new`;
    case 'editSession':
      return `${forum}/agenda/${encodeURIComponent(route.sessionId)}`;
    case 'participants':
      return `${forum}/participants`;
    case 'newParticipant':
      return `${forum}/participants/new`;
    case 'editParticipant':
      return `${forum}/participants/${encodeURIComponent(route.participantId)}`;
    case 'importParticipants':
      return `${forum}/participants/import`;
    case 'checkIn':
      return `${forum}/check-in`;
    case 'stats':
      return `${forum}/statistics`;
    case 'laptops':
      return `${forum}/laptops`;
    case 'capture': {
      if (!route.sessionId) return `${forum}/capture`;
      const session = `${forum}/capture/${encodeURIComponent(route.sessionId)}`;
      return route.noteId ? `${session}/note/${encodeURIComponent(route.noteId)}` : session;
    }
    case 'keyMessages':
      return route.messageId ? `${forum}/key-messages/${encodeURIComponent(route.messageId)}` : `${forum}/key-messages`;
    case 'search':
      return route.query ? `${forum}/search/${encodeURIComponent(route.query)}` : `${forum}/search`;
    case 'drafting': {
      if (!route.documentId) return `${forum}/drafting`;
      const document = `${forum}/drafting/${encodeURIComponent(route.documentId)}`;
      return route.paragraphId ? `${document}/paragraph/${encodeURIComponent(route.paragraphId)}` : document;
    }
    case 'coverage':
      return `${forum}/drafting/${encodeURIComponent(route.documentId)}/coverage`;
    case 'speakerTimer':
      return `${forum}/timer/${route.kind}/${encodeURIComponent(route.subjectId)}`;
    case 'draftProjector': {
      const base = `${forum}/drafting/${encodeURIComponent(route.documentId)}/projector`;
      return route.paragraphId ? `${base}/${encodeURIComponent(route.paragraphId)}` : base;
    }
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** Screens live in the URL fragment so a reload keeps the user where they were. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    // A transition: the screen on display stays until the next one (often a chunk fetched on
    // first use) is ready, instead of a loading fallback that React holds for 300 ms at least.
    const onChange = () => startTransition(() => setRoute(parseRoute(window.location.hash)));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
