/**
 * The parts of Electron's main-process API the shell uses, and nothing more. The shell receives
 * this as a parameter so unit tests can hand it a fake; `main.ts` alone loads the real module.
 * Signatures follow Electron 45's `electron.d.ts` narrowed to what we call, so the real module
 * is assignable to `ElectronModule` once its types are installed.
 */

/** Electron's `Event<Params>`: a cancellable event carrying its parameters. */
export type ElectronEvent<Params extends object = object> = {
  preventDefault: () => void;
  readonly defaultPrevented: boolean;
} & Params;

export interface WebPreferences {
  preload?: string;
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInWorker?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  webSecurity?: boolean;
  allowRunningInsecureContent?: boolean;
  webviewTag?: boolean;
  experimentalFeatures?: boolean;
  navigateOnDragDrop?: boolean;
  safeDialogs?: boolean;
  spellcheck?: boolean;
  javascript?: boolean;
}

export interface BrowserWindowConstructorOptions {
  width?: number;
  height?: number;
  minWidth?: number;
  minHeight?: number;
  title?: string;
  backgroundColor?: string;
  show?: boolean;
  webPreferences?: WebPreferences;
}

/** The part of `WebFrameMain` an IPC sender check needs. */
export interface WebFrameMain {
  readonly url: string;
}

export interface IpcMainInvokeEvent {
  /** Null when the frame has navigated away or been destroyed since it sent the message. */
  readonly senderFrame: WebFrameMain | null;
}

export interface WindowOpenHandlerResponse {
  action: 'allow' | 'deny';
}

export interface WebContents {
  on(event: 'will-navigate', listener: (details: ElectronEvent<{ url: string }>) => void): this;
  on(event: 'will-redirect', listener: (details: ElectronEvent<{ url: string }>) => void): this;
  on(
    event: 'will-attach-webview',
    listener: (event: ElectronEvent, webPreferences: WebPreferences, params: Record<string, string>) => void,
  ): this;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void;
  /** Resolves to the PDF's bytes (a Buffer in Electron). */
  printToPDF(options: PrintToPdfOptions): Promise<Uint8Array>;
}

/** Electron's `webContents.printToPDF` options, narrowed to those the export printer sets. */
export interface PrintToPdfOptions {
  landscape?: boolean;
  displayHeaderFooter?: boolean;
  printBackground?: boolean;
  pageSize?: 'A4' | 'Letter';
  preferCSSPageSize?: boolean;
  generateTaggedPDF?: boolean;
  generateDocumentOutline?: boolean;
}

export interface BrowserWindow {
  readonly webContents: WebContents;
  once(event: 'ready-to-show', listener: () => void): this;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  destroy(): void;
}

export interface App {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  enableSandbox(): void;
  whenReady(): Promise<void>;
  getPath(name: 'userData'): string;
  getAppPath(): string;
  /** The system's UI locale, e.g. "ar" or "zh-CN"; valid once the app is ready. */
  getLocale(): string;
  quit(): void;
  on(
    event: 'second-instance',
    listener: (event: ElectronEvent, argv: string[], workingDirectory: string, additionalData: unknown) => void,
  ): this;
  on(event: 'window-all-closed', listener: () => void): this;
  on(event: 'will-quit', listener: (event: ElectronEvent) => void): this;
}

export interface CustomScheme {
  scheme: string;
  privileges?: {
    standard?: boolean;
    secure?: boolean;
    bypassCSP?: boolean;
    allowServiceWorkers?: boolean;
    supportFetchAPI?: boolean;
    corsEnabled?: boolean;
    stream?: boolean;
    codeCache?: boolean;
  };
}

export interface Protocol {
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** What Electron tells a permission handler about the frame asking. */
export interface PermissionRequestDetails {
  /** The last URL the requesting frame loaded. */
  readonly requestingUrl: string;
  readonly isMainFrame: boolean;
}

export interface Session {
  setPermissionRequestHandler(
    handler:
      | ((
          webContents: WebContents,
          permission: string,
          callback: (permissionGranted: boolean) => void,
          details: PermissionRequestDetails,
        ) => void)
      | null,
  ): void;
  setPermissionCheckHandler(
    handler: ((webContents: WebContents | null, permission: string, requestingOrigin: string) => boolean) | null,
  ): void;
  on(event: 'will-download', listener: (event: unknown, item: DownloadItem) => void): unknown;
}

/** A file the page downloads (an export): Electron asks where to save it, then reports how it ended. */
export interface DownloadItem {
  once(event: 'done', listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
  getSavePath(): string;
}

export interface IpcMain {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/** Role-only menu items: Electron supplies labels, accelerators and behaviour. */
export interface MenuItemConstructorOptions {
  role?: 'appMenu' | 'fileMenu' | 'editMenu' | 'viewMenu' | 'windowMenu';
}

export interface Menu {
  readonly items: unknown[];
}

/** Electron's `safeStorage`: strings encrypted with a key the system keychain keeps. */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  /** A Buffer in Electron. */
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hardcoded password, no protection at all. */
  getSelectedStorageBackend(): 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
}

export interface ElectronModule {
  app: App;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  ipcMain: IpcMain;
  protocol: Protocol;
  session: { readonly defaultSession: Session };
  Menu: {
    buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
    setApplicationMenu(menu: Menu | null): void;
  };
  dialog: { showErrorBox(title: string, content: string): void };
  shell: { showItemInFolder(fullPath: string): void };
  safeStorage: SafeStorage;
}
