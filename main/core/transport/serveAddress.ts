import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { startHttpServer, type RunningServer } from './httpServer';

/**
 * Where browser mode is served from, kept per database on this computer so that a server started
 * again answers at the same address with the same token: the tabs already open carry on (their
 * unsaved text is in the page's storage, which belongs to that origin) instead of being locked out.
 * It is this computer's setting, never forum data: it is not in the database and never synced.
 */
export interface ServeAddress {
  port: number;
  token: string;
}

export interface ServeChoice {
  /** A port given on the command line (0: a free one, chosen now); remembered from now on. */
  port?: number;
  /** Make a new token: the tabs holding the old one are refused until they open the new address. */
  newToken?: boolean;
}

export const serveAddressFile = (databasePath: string): string => `${databasePath}.serve.json`;

const newToken = () => randomBytes(24).toString('base64url');
const tokenPattern = /^[A-Za-z0-9_-]{16,200}$/;

/** The remembered address, or undefined when there is none or it cannot be read (a new one is made). */
export function readServeAddress(databasePath: string): ServeAddress | undefined {
  let text: string;
  try {
    text = fs.readFileSync(serveAddressFile(databasePath), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<ServeAddress>;
    const port = value.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
    if (typeof value.token !== 'string' || !tokenPattern.test(value.token)) return undefined;
    return { port, token: value.token };
  } catch {
    return undefined;
  }
}

/** Written whole under a temporary name, then renamed: a crash never leaves half a file. Owner-only: it holds the token. */
function writeServeAddress(databasePath: string, address: ServeAddress): void {
  const file = serveAddressFile(databasePath);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(address, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
}

export interface OpenedServer extends RunningServer {
  /** What changed since the last run, for the person reading the terminal. */
  notes: string[];
}

/**
 * Starts browser mode at this database's remembered address (port and token), or at a new one the
 * first time, and remembers it once the server listens. A remembered port now taken by another
 * program is a clear error and nothing is remembered differently: moving silently to another port
 * would strand the open tabs.
 */
export async function openServer(ctx: CoreContext, staticDir: string, choice: ServeChoice = {}): Promise<OpenedServer> {
  const stored = readServeAddress(ctx.databasePath);
  const notes: string[] = [];
  const port = choice.port ?? stored?.port ?? 0;
  const token = choice.newToken || !stored ? newToken() : stored.token;
  if (choice.newToken && stored) notes.push('A new token was made: tabs opened with the old address must open the one below.');
  let server: RunningServer;
  try {
    server = await startHttpServer({ ctx, staticDir, port, token });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      const whose = choice.port === undefined ? `Port ${port}, where this database is served,` : `Port ${port}`;
      throw new CoreError(
        'invalid_input',
        `${whose} ${code === 'EACCES' ? 'may not be used by this account' : 'is in use by another program (perhaps another `plenary serve`)'}. Stop it, or choose another port with --port N (0 for any free one); the tabs open on the old address will then need the new one.`,
      );
    }
    throw error;
  }
  if (stored && stored.port !== server.port) notes.push(`This database is now served on port ${server.port} (it was ${stored.port}).`);
  try {
    writeServeAddress(ctx.databasePath, { port: server.port, token: server.token });
  } catch (error) {
    notes.push(`The address could not be remembered for next time (${(error as Error).message}); it will change when the server is started again.`);
  }
  return Object.assign(server, { notes });
}
