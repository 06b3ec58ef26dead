import type { PlenaryApi } from '../../../shared/ipc';
import { createHttpApi } from './httpTransport';
import { localStore } from '../hooks/localStore';
import { TabKey, watchAddress } from './tabKey';

declare global {
  interface Window {
    /** Present in the desktop app, exposed by the preload. */
    plenary?: PlenaryApi;
  }
}

/** Browser mode's key for this tab; null in the desktop app, which needs none. */
export const tabKey: TabKey | null = window.plenary ? null : new TabKey(localStore());
// Before the app's own listeners: the route is put back before the screens read it.
if (tabKey) watchAddress(tabKey, window.location, window.history, window);

/** The one object screens talk to; whether IPC or HTTP stands behind it is decided here only. */
export const api: PlenaryApi = window.plenary ?? createHttpApi(tabKey ?? new TabKey(undefined));
