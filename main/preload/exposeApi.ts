import { commandNames, ipcChannel } from '../../shared/commandNames';
import type { PlenaryApi } from '../../shared/ipc';

/** The parts of Electron's renderer-side API the preload uses (see electronModule.ts for why). */
export interface PreloadElectron {
  contextBridge: { exposeInMainWorld(apiKey: string, api: unknown): void };
  ipcRenderer: { invoke(channel: string, ...args: unknown[]): Promise<unknown> };
}

/**
 * One function per command of the contract and nothing else: the page can call the commands,
 * never name an arbitrary channel, and never touch ipcRenderer itself.
 */
export function buildApi(ipcRenderer: PreloadElectron['ipcRenderer']): PlenaryApi {
  const entries = commandNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]);
  // commandNames lists every command of the contract (a unit test holds it to the contract's keys).
  return Object.freeze(Object.fromEntries(entries)) as PlenaryApi;
}

export function exposeApi(electron: PreloadElectron): void {
  electron.contextBridge.exposeInMainWorld('plenary', buildApi(electron.ipcRenderer));
}
