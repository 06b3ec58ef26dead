import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  CustomScheme,
  ElectronModule,
  IpcMain,
  IpcMainInvokeEvent,
  Menu,
  MenuItemConstructorOptions,
  PrintToPdfOptions,
  Protocol,
  SafeStorage,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
} from '../../../main/electron/electronModule';

/*
 * A stand-in for Electron itself (not for any of our code): it records what the shell asks of
 * Electron and lets a test fire the events Electron would fire.
 */

type Listener = (...args: never[]) => unknown;

class FakeEmitter {
  private readonly listeners = new Map<string, Array<{ listener: Listener; once: boolean }>>();

  on(event: string, listener: Listener): this {
    this.add(event, listener, false);
    return this;
  }

  once(event: string, listener: Listener): this {
    this.add(event, listener, true);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    const list = this.listeners.get(event) ?? [];
    this.listeners.set(
      event,
      list.filter((entry) => !entry.once),
    );
    for (const { listener } of list) (listener as (...a: unknown[]) => unknown)(...args);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  private add(event: string, listener: Listener, once: boolean): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { listener, once }]);
  }
}

/** Electron's cancellable `Event`, with its parameters (e.g. `url`) spread on it. */
export function fakeEvent<P extends object>(params: P): P & { preventDefault(): void; readonly defaultPrevented: boolean } {
  let prevented = false;
  return {
    ...params,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

export class FakeWebContents extends FakeEmitter implements WebContents {
  windowOpenHandler: ((details: { url: string }) => WindowOpenHandlerResponse) | undefined;
  readonly printCalls: PrintToPdfOptions[] = [];
  /** What printToPDF resolves to; a test may swap in a rejection. */
  printResult: () => Promise<Uint8Array> = () => Promise.resolve(new TextEncoder().encode('%PDF-1.7 fake'));

  printToPDF(options: PrintToPdfOptions): Promise<Uint8Array> {
    this.printCalls.push(options);
    return this.printResult();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
}

export interface FakeElectronOptions {
  userData: string;
  appPath: string;
  singleInstanceLock?: boolean;
  locale?: string;
  /** The system keychain as safeStorage sees it: available with a Secret Service unless told otherwise. */
  keychain?: { available: boolean; backend?: ReturnType<SafeStorage['getSelectedStorageBackend']> };
  /** What `app.isPackaged` answers: true when running from an installed package. */
  isPackaged?: boolean;
}

const keychainMark = 'fake-keychain:';

/**
 * A reversible stand-in for the keychain's cipher (bytes reversed, then base64, behind a mark),
 * so a test can tell what was encrypted from what was not; decrypting anything else fails, as
 * Electron's does.
 */
export function fakeEncrypt(plainText: string): Buffer {
  return Buffer.from(keychainMark + Buffer.from(plainText, 'utf8').reverse().toString('base64'));
}

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export function createFakeElectron(options: FakeElectronOptions) {
  const record = {
    quitCalls: 0,
    sandboxEnabled: false,
    errorBoxes: [] as Array<{ title: string; content: string }>,
    privilegedSchemes: [] as CustomScheme[],
    protocolHandlers: new Map<string, ProtocolHandler>(),
    ipcHandlers: new Map<string, InvokeListener>(),
    permissionRequestHandler: undefined as PermissionRequestHandler | undefined,
    permissionCheckHandler: undefined as PermissionCheckHandler | undefined,
    windows: [] as FakeBrowserWindow[],
    menuTemplate: undefined as MenuItemConstructorOptions[] | undefined,
    shownInFolder: [] as string[],
    /** What encryptString returned, in order. */
    encrypted: [] as Buffer[],
  };

  class FakeApp extends FakeEmitter implements App {
    readonly isPackaged = options.isPackaged ?? false;
    requestSingleInstanceLock(): boolean {
      return options.singleInstanceLock ?? true;
    }
    enableSandbox(): void {
      record.sandboxEnabled = true;
    }
    whenReady(): Promise<void> {
      return Promise.resolve();
    }
    getPath(_name: 'userData'): string {
      return options.userData;
    }
    getAppPath(): string {
      return options.appPath;
    }
    getLocale(): string {
      return options.locale ?? 'en-US';
    }
    quit(): void {
      record.quitCalls += 1;
    }
  }

  class FakeBrowserWindow extends FakeEmitter implements BrowserWindow {
    readonly webContents = new FakeWebContents();
    readonly loadedUrls: string[] = [];
    visible = false;
    focused = false;
    minimized = false;

    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      record.windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url);
      return Promise.resolve();
    }
    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focused = true;
    }
    restore(): void {
      this.minimized = false;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    destroyed = false;
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      this.destroyed = true;
    }
  }

  const protocol: Protocol = {
    registerSchemesAsPrivileged: (schemes) => void record.privilegedSchemes.push(...schemes),
    handle: (scheme, handler) => void record.protocolHandlers.set(scheme, handler),
  };
  const ipcMain: IpcMain = {
    handle: (channel, listener) => {
      if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      record.ipcHandlers.set(channel, listener);
    },
  };
  const sessionEvents = new FakeEmitter();
  const defaultSession: Session & { emit(event: string, ...args: unknown[]): void } = {
    setPermissionRequestHandler: (handler) => void (record.permissionRequestHandler = handler),
    setPermissionCheckHandler: (handler) => void (record.permissionCheckHandler = handler),
    on: (event, listener) => sessionEvents.on(event, listener),
    emit: (event, ...args) => sessionEvents.emit(event, ...args),
  };

  const keychain = options.keychain ?? { available: true, backend: 'gnome_libsecret' };
  const safeStorage: SafeStorage = {
    isEncryptionAvailable: () => keychain.available,
    encryptString: (plainText) => {
      if (!keychain.available) throw new Error('Encryption is not available.');
      const sealed = fakeEncrypt(plainText);
      record.encrypted.push(sealed);
      return sealed;
    },
    decryptString: (encrypted) => {
      const text = encrypted.toString('utf8');
      if (!keychain.available || !text.startsWith(keychainMark)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(keychainMark.length), 'base64').reverse().toString('utf8');
    },
    getSelectedStorageBackend: () => keychain.backend ?? 'gnome_libsecret',
  };

  const app = new FakeApp();
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]): Menu => {
        record.menuTemplate = template;
        return { items: template };
      },
      setApplicationMenu: (_menu: Menu | null) => undefined,
    },
    dialog: { showErrorBox: (title: string, content: string) => void record.errorBoxes.push({ title, content }) },
    shell: { showItemInFolder: (fullPath: string) => void record.shownInFolder.push(fullPath) },
    safeStorage,
  } satisfies ElectronModule;

  return { electron, app, record };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
