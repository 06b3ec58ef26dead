import { describe, expect, it } from 'vitest';
import { isForumRoute, parseRoute, routeHref, type Route } from '../../../renderer/src/hooks/useRoute';

describe('addresses of a search result', () => {
  it('a note opens in its session at the note, a key message at the message, and both read back', () => {
    const routes: Route[] = [
      { name: 'capture', id: 'forum-1', sessionId: 'session-1', noteId: 'note-1' },
      { name: 'capture', id: 'forum-1', sessionId: 'session-1' },
      { name: 'capture', id: 'forum-1' },
      { name: 'keyMessages', id: 'forum-1', messageId: 'message-1' },
      { name: 'keyMessages', id: 'forum-1' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
    expect(routeHref(routes[0]!)).toBe('#/forum/forum-1/capture/session-1/note/note-1');
    expect(routeHref(routes[3]!)).toBe('#/forum/forum-1/key-messages/message-1');
  });
});

describe('the venue screen’s address', () => {
  it('is the app’s, not a forum’s, and reads back', () => {
    expect(routeHref({ name: 'venue' })).toBe('#/venue');
    expect(parseRoute('#/venue')).toEqual({ name: 'venue' });
    expect(isForumRoute({ name: 'venue' })).toBe(false);
    expect(isForumRoute({ name: 'agenda', id: 'f' })).toBe(true);
  });
});
