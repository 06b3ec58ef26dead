import fs from 'node:fs';
import path from 'node:path';

/** Where `npm start` and `npm run dist` build better-sqlite3 for Electron's ABI, apart from Node's build. */
export const electronNativeFile = path.join('.cache', 'electron-native', 'better_sqlite3.node');

/** Where a packaged app carries that build: beside app.asar (electron-builder.yml, extraResources). */
export const packagedNativeFile = path.join('native', 'better_sqlite3.node');

export interface NativeBindingOptions {
  /** Electron's `app.isPackaged`. */
  isPackaged: boolean;
  env?: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
}

/**
 * The better-sqlite3 binary to load in Electron, or undefined for the package's own. Electron and
 * Node need different builds of the native module; keeping Electron's in .cache means `npm start`
 * and `npm test` never overwrite each other's. A packaged app loads only the build it ships, in its
 * resources folder: PLENARY_ELECTRON_NATIVE is a development aid, and honouring it there would let
 * anyone who can set an environment variable load their own code into the app.
 */
export function electronNativeBinding(appRoot: string, options: NativeBindingOptions): string | undefined {
  // appRoot is resources/app.asar in a packaged app, so its folder is the resources folder.
  if (options.isPackaged) return path.join(path.dirname(appRoot), packagedNativeFile);
  const env = options.env ?? process.env;
  if (env.PLENARY_ELECTRON_NATIVE) return env.PLENARY_ELECTRON_NATIVE;
  const built = path.join(appRoot, electronNativeFile);
  return (options.exists ?? fs.existsSync)(built) ? built : undefined;
}
