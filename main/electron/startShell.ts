import path from 'node:path';
import { closeCore, openCore, type CoreContext } from '../core/coreContext';
import { databaseFileName } from '../core/defaultDataDir';
import { bonjourDiscovery } from '../core/venue/bonjourDiscovery';
import { venueController } from '../core/venue/venueController';
import { applicationMenu } from './applicationMenu';
import { appEntryUrl, registerAppScheme, serveRenderer } from './appProtocol';
import { bindIpc } from './bindIpc';
import { desktopKeyStore } from './desktopKeyStore';
import { electronNativeBinding } from './electronNativeBinding';
import type { BrowserWindow, ElectronModule } from './electronModule';
import { electronPdfPrinter } from './electronPdfPrinter';
import { hardenSession } from './hardenSession';
import { revealDownloads } from './revealDownloads';
import { hardenWindow } from './hardenWindow';
import { shellMessage } from './shellMessages';
import { windowOptions } from './windowOptions';

export interface ShellOptions {
  /** The folder holding package.json and dist/; `app.getAppPath()` unless given. */
  appRoot?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Where the shell's notices go (the key store it chose, a key file made private); stderr unless given. */
  log?: (line: string) => void;
}

export interface Shell {
  ctx: CoreContext;
  window: BrowserWindow;
}

/**
 * Starts the desktop app on whatever Electron it is given (the real one from main.ts, a fake in
 * tests). Resolves to undefined when the app is quitting instead: another instance holds the
 * lock, or the database cannot be opened.
 */
export async function startShell(electron: ElectronModule, options: ShellOptions = {}): Promise<Shell | undefined> {
  const { app } = electron;
  const env = options.env ?? process.env;

  // Two instances on one SQLite file would each keep their own clock and cache: hand over instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  app.enableSandbox();
  registerAppScheme(electron.protocol);

  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  hardenSession(electron.session.defaultSession);
  revealDownloads(electron);

  const appRoot = options.appRoot ?? app.getAppPath();
  // PLENARY_DB, as for the CLI, so scripted runs and end-to-end tests can use their own file.
  const databasePath = env.PLENARY_DB ?? path.join(app.getPath('userData'), databaseFileName);
  const nativeBinding = electronNativeBinding(appRoot, { isPackaged: app.isPackaged, env });
  let ctx: CoreContext;
  try {
    // The signing key stays out of the database: encrypted by the system keychain where there is one.
    const log = options.log ?? ((line: string) => console.warn(line));
    const deviceKeys = desktopKeyStore(electron.safeStorage, databasePath, { platform: options.platform ?? process.platform, log });
    // The worker that plans imports is built beside this script, and the one that composes exports beside it.
    const workerScript = path.join(appRoot, 'dist', 'main', 'coreWorker.cjs');
    ctx = await openCore(databasePath, { workerScript, ...(nativeBinding ? { nativeBinding } : {}), deviceKeys });
  } catch (error) {
    // openCore refuses a newer or unreadable file before writing to it; say so and leave it be.
    const message = shellMessage(app.getLocale(), 'cannotOpenDatabase', error);
    electron.dialog.showErrorBox(message.title, message.content);
    app.quit();
    return undefined;
  }
  // Quitting closes the core, which switches venue mode off: nothing listens once the app is gone.
  app.on('will-quit', () => closeCore(ctx));
  // Electron's own Chromium prints exports to PDF, so the desktop app needs no browser installed.
  ctx.pdfPrinter = electronPdfPrinter(electron);

  serveRenderer(electron.protocol, path.join(appRoot, 'dist', 'renderer'));
  bindIpc(electron.ipcMain, ctx);
  // Venue mode as this laptop left it, when its address is still there (closed with the core on
  // quit), the companion beside it. Other laptops on the venue's network are announced and found
  // by mDNS (only once venue mode is on, or the venue screen asks who is nearby).
  venueController(ctx, { discovery: bonjourDiscovery({ ownDeviceId: ctx.deviceId, onError: (error) => (options.log ?? console.warn)(`Venue discovery: ${error.message}`) }) })
    .resume()
    .catch((error: unknown) => (options.log ?? ((line: string) => console.warn(line)))(`Venue mode did not resume: ${(error as Error).message}`));
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(applicationMenu(options.platform ?? process.platform)));

  const window = new electron.BrowserWindow(windowOptions(path.join(appRoot, 'dist', 'main', 'preload.cjs')));
  hardenWindow(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadURL(appEntryUrl).catch((error: unknown) => {
    const message = shellMessage(app.getLocale(), 'cannotShowWindow', error);
    electron.dialog.showErrorBox(message.title, message.content);
  });
  app.on('second-instance', () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  return { ctx, window };
}
