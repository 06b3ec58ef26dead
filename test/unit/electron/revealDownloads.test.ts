import { describe, expect, it } from 'vitest';
import type { DownloadItem } from '../../../main/electron/electronModule';
import { revealDownloads } from '../../../main/electron/revealDownloads';
import { createFakeElectron } from './fakeElectron';

function download(savePath: string) {
  const listeners: Array<(event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void> = [];
  const item: DownloadItem = {
    once: (_event, listener) => listeners.push(listener),
    getSavePath: () => savePath,
  };
  return { item, finish: (state: 'completed' | 'cancelled' | 'interrupted') => listeners.forEach((l) => l({}, state)) };
}

describe('an export downloaded in the desktop app', () => {
  it('opens its folder once complete, and not when cancelled or interrupted', () => {
    const { electron, record } = createFakeElectron({ userData: '/unused', appPath: '/unused' });
    revealDownloads(electron);
    const done = download('/home/sec/Consensus-en-clean.docx');
    electron.session.defaultSession.emit('will-download', {}, done.item);
    expect(record.shownInFolder).toEqual([]);
    done.finish('completed');
    expect(record.shownInFolder).toEqual(['/home/sec/Consensus-en-clean.docx']);

    for (const state of ['cancelled', 'interrupted'] as const) {
      const other = download(`/home/sec/${state}.pdf`);
      electron.session.defaultSession.emit('will-download', {}, other.item);
      other.finish(state);
    }
    expect(record.shownInFolder).toEqual(['/home/sec/Consensus-en-clean.docx']);
  });
});
