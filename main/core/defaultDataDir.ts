import os from 'node:os';
import path from 'node:path';

/** The folder Electron's app.getPath('userData') gives for "Plenary", so CLI and app share data. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Plenary');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Plenary');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Plenary');
}

export const databaseFileName = 'plenary.sqlite';

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PLENARY_DB ?? path.join(defaultDataDir(env), databaseFileName);
}
