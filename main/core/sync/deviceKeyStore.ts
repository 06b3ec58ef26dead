import { createPrivateKey, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';

/**
 * Where this installation's private signing key lives, outside the database: backups and copies
 * of the database then never carry it. The key is a PKCS#8 PEM; the store holds one or none.
 */
export interface DeviceKeyStore {
  /** Where the key is, as a person would look for it ("the key file /…/plenary.sqlite.key"). */
  readonly location: string;
  /** The key, or undefined when the store holds none; throws CoreError when it cannot be read. */
  read(): string | undefined;
  /** Never replaces a key unless told to (a deliberate new identity). */
  write(privatePem: string, options?: { replace?: boolean }): void;
}

/** Named after the database, so two databases in one folder never share (or overwrite) a key. */
export const keyFilePath = (databasePath: string): string => `${databasePath}.key`;
/** The desktop app's copy, encrypted with the system keychain (Electron's safeStorage). */
export const encryptedKeyFilePath = (databasePath: string): string => `${databasePath}.key.enc`;

export const keyUnavailable = (message: string): CoreError => new CoreError('device_key_unavailable', message);

export interface KeyFileOptions {
  /** Told when a key file had to be made private again; the CLI prints it, the desktop app logs it. */
  warn?: (line: string) => void;
  platform?: NodeJS.Platform;
}

/**
 * A PEM file readable by its owner alone (mode 0600), beside the database: the CLI's, browser
 * mode's, the tests', and the desktop app's where the system has no keychain.
 */
export function fileKeyStore(databasePath: string, options: KeyFileOptions = {}): DeviceKeyStore {
  const file = keyFilePath(databasePath);
  const encrypted = encryptedKeyFilePath(databasePath);
  const platform = options.platform ?? process.platform;
  return {
    location: `the key file ${file}`,
    read() {
      const bytes = readPrivateFile(file, { ...options, platform });
      if (bytes === undefined) {
        // Never answer "no key" when the desktop app keeps one: a new key would be made in its place.
        if (fs.existsSync(encrypted)) {
          throw keyUnavailable(
            `This database's signing key is in ${encrypted}, encrypted with the system keychain by the Plenary desktop app; it cannot be read here (the command line, browser mode, or a session without the keychain). Sign bundles from the desktop app on this computer's account with the keychain unlocked.`,
          );
        }
        return undefined;
      }
      const pem = Buffer.from(bytes).toString('utf8');
      assertPrivateKey(pem, file);
      return pem;
    },
    write(privatePem, { replace = false } = {}) {
      writePrivateFile(file, privatePem, { replace, platform });
      // A new identity supersedes the desktop app's encrypted key of the old one.
      if (replace) fs.rmSync(encrypted, { force: true });
    },
  };
}

/** A file's bytes, or undefined when there is none; a file others can read is made private first. */
export function readPrivateFile(file: string, options: KeyFileOptions = {}): Uint8Array | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw keyUnavailable(`The key file ${file} could not be read (${(error as Error).message}).`);
  }
  try {
    const mode = fs.fstatSync(fd).mode & 0o777;
    // Windows has no such bits: %APPDATA% is private to the account by its ACL.
    if ((options.platform ?? process.platform) !== 'win32' && (mode & 0o077) !== 0) {
      fs.fchmodSync(fd, 0o600);
      (options.warn ?? console.warn)(
        `The key file ${file} could be read by other users of this computer (mode ${mode.toString(8).padStart(4, '0')}); Plenary made it private to you (0600). If someone may have copied it, start a new identity (plenary device new-identity --confirm).`,
      );
    }
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a private file atomically: a temporary file created with mode 0600 (so the key is never
 * readable by others, not even for a moment), flushed, then renamed into place.
 */
export function writePrivateFile(
  file: string,
  data: string | Uint8Array,
  options: { replace?: boolean; platform?: NodeJS.Platform } = {},
): void {
  if (!options.replace && fs.existsSync(file)) {
    throw keyUnavailable(`The key file ${file} already holds a key; Plenary does not overwrite a key.`);
  }
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.fchmodSync(fd, 0o600); // the mode given to open is cut by the umask, never widened; this is exact
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  if ((options.platform ?? process.platform) !== 'win32') {
    // The rename is durable only once the folder's entry is on disk too.
    const dir = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  }
}

function assertPrivateKey(pem: string, where: string): void {
  try {
    if (createPrivateKey(pem).asymmetricKeyType === 'ed25519') return;
  } catch {
    // reported below
  }
  throw keyUnavailable(`${where} does not hold an ed25519 private key; restore the key file from your backup.`);
}
