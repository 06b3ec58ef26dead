import type { ElectronModule } from './electronModule';

/**
 * Exports reach the desktop app as downloads: Electron asks where to save them, and once a file
 * is complete its folder opens with the file selected, so a secretariat finds what it just made.
 */
export function revealDownloads(electron: Pick<ElectronModule, 'session' | 'shell'>): void {
  electron.session.defaultSession.on('will-download', (_event, item) => {
    item.once('done', (_done, state) => {
      if (state === 'completed') electron.shell.showItemInFolder(item.getSavePath());
    });
  });
}
