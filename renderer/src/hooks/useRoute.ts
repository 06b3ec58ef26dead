import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'newForum' }
  | { name: 'forum'; id: string }
  | { name: 'editForum'; id: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'new') return { name: 'newForum' };
  if (parts[0] === 'forum' && parts[1]) {
    return parts[2] === 'edit' ? { name: 'editForum', id: parts[1] } : { name: 'forum', id: parts[1] };
  }
  return { name: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'newForum':
      return '#/new';
    case 'forum':
      return `#/forum/${route.id}`;
    case 'editForum':
      return `#/forum/${route.id}/edit`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** Screens live in the URL fragment so a reload keeps the user where they were. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
