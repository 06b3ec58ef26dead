import type { BrowserWindowConstructorOptions, WebPreferences } from './electronModule';

/**
 * The renderer is treated as untrusted web content: isolated from the preload, sandboxed, no
 * Node. Its only way out is the narrow `window.plenary` API the preload exposes.
 */
export function webPreferences(preloadPath: string): WebPreferences {
  return { preload: preloadPath, ...lockedDown, experimentalFeatures: false, safeDialogs: true, spellcheck: true };
}

/** What every window of ours gets, the app's and the hidden one that prints exports alike. */
export const lockedDown = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences;

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 480,
    title: 'Plenary',
    // The renderer's page colour, so the window never flashes white before the first paint.
    backgroundColor: '#f3f6f9',
    // Shown on 'ready-to-show' so people never see a half-drawn window.
    show: false,
    webPreferences: webPreferences(preloadPath),
  };
}
