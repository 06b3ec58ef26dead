import type { ElectronModule } from './electronModule';
import { shellMessage } from './shellMessages';
import { startShell } from './startShell';

// The one place that loads Electron. Its types are not installed (its binary download fails on
// our machines), so it is typed by the narrow interface the shell is written against.
const electron = require('electron') as ElectronModule;

startShell(electron).catch((error: unknown) => {
  const message = shellMessage(electron.app.getLocale(), 'cannotStart', error);
  electron.dialog.showErrorBox(message.title, message.content);
  electron.app.quit();
});
