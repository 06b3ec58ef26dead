import { isAppUrl } from './appProtocol';
import type { Session } from './electronModule';

/**
 * Plenary needs no camera, microphone, location, notifications or any other browser permission,
 * so every request and check is refused, with one exception: full screen, which the agenda and
 * drafting projectors ask for (the Fullscreen API), and only for our own page. Both handlers are
 * set: Chromium asks the check handler first and only some APIs go on to a request.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(isAllowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => isAllowed(permission, requestingOrigin));
}

function isAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'fullscreen' && isAppUrl(requestingUrl);
}
