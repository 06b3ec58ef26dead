import fs from 'node:fs';
import path from 'node:path';

/** Where `npm start` builds better-sqlite3 for Electron's ABI, apart from Node's build. */
export const electronNativeFile = path.join('.cache', 'electron-native', 'better_sqlite3.node');

/**
 * The better-sqlite3 binary to load in Electron, or undefined for the package's own. Electron and
 * Node need different builds of the native module; keeping Electron's in .cache means `npm start`
 * and `npm test` never overwrite each other's. A packaged app has neither and uses its own
 * (electron-builder rebuilt it for Electron).
 */
export function electronNativeBinding(
  appRoot: string,
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = fs.existsSync,
): string | undefined {
  if (env.PLENARY_ELECTRON_NATIVE) return env.PLENARY_ELECTRON_NATIVE;
  const built = path.join(appRoot, electronNativeFile);
  return exists(built) ? built : undefined;
}
