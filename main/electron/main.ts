import type { ElectronModule } from './electronModule';
import { startShell } from './startShell';

// The one place that loads Electron. Its types are not installed (its binary download fails on
// our machines), so it is typed by the narrow interface the shell is written against.
const electron = require('electron') as ElectronModule;

startShell(electron).catch((error: unknown) => {
  electron.dialog.showErrorBox('Plenary could not start', error instanceof Error ? error.message : String(error));
  electron.app.quit();
});
