import type { Session } from './electronModule';

/**
 * Plenary needs no camera, microphone, location, notifications or any other browser permission,
 * so every request and check is refused rather than judged case by case. Both handlers are set:
 * Chromium asks the check handler first and only some APIs go on to a request.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
