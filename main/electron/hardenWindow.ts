import { isAppUrl } from './appProtocol';
import type { WebContents } from './electronModule';

/**
 * The window only ever shows our own pages. A link or a script that tries to take it elsewhere,
 * open a new window or attach a <webview> is stopped here, so a bug in the renderer (or content
 * pasted into a note) can never put a remote page next to the preload's API.
 */
export function hardenWindow(contents: WebContents): void {
  const stayOnAppOrigin = (details: { url: string; preventDefault: () => void }) => {
    if (!isAppUrl(details.url)) details.preventDefault();
  };
  contents.on('will-navigate', stayOnAppOrigin);
  contents.on('will-redirect', stayOnAppOrigin);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
