import type { PlenaryApi } from '../../../shared/ipc';
import { createHttpApi, takeToken } from './httpTransport';

declare global {
  interface Window {
    /** Present in the desktop app, exposed by the preload. */
    plenary?: PlenaryApi;
  }
}

/** The one object screens talk to; whether IPC or HTTP stands behind it is decided here only. */
export const api: PlenaryApi = window.plenary ?? createHttpApi(takeToken(window.location, window.sessionStorage));
