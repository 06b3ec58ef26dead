import fs from 'node:fs';
import {
  encryptedKeyFilePath,
  fileKeyStore,
  keyFilePath,
  keyUnavailable,
  readPrivateFile,
  writePrivateFile,
  type DeviceKeyStore,
} from '../core/sync/deviceKeyStore';
import type { SafeStorage } from './electronModule';

export interface DesktopKeyOptions {
  platform: NodeJS.Platform;
  log: (line: string) => void;
}

/**
 * The desktop app keeps the signing key encrypted by Electron's safeStorage (the macOS Keychain,
 * Windows DPAPI, the Secret Service or KWallet on Linux), in a 0600 file beside the database: a
 * copy of the folder is then no copy of a usable key. Where safeStorage would only pretend (Linux
 * without a keyring, backend 'basic_text': a password hardcoded in Chromium), the plain 0600 key
 * file is no weaker and the CLI can still read it, so that is used instead, saying so.
 */
export function desktopKeyStore(safeStorage: SafeStorage, databasePath: string, options: DesktopKeyOptions): DeviceKeyStore {
  const { platform, log } = options;
  const plain = fileKeyStore(databasePath, { warn: log, platform });
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text' || backend === 'unknown') {
    log(
      `The system keychain is not available to Plenary${backend ? ` (safeStorage backend: ${backend})` : ''}: this laptop's signing key is kept in ${keyFilePath(databasePath)}, readable only by your account (mode 0600).`,
    );
    // A key encrypted earlier, while a keychain was there, is reported as unreadable, never replaced.
    return plain;
  }
  const file = encryptedKeyFilePath(databasePath);
  const encrypted: DeviceKeyStore = {
    location: `${file} (encrypted with the system keychain)`,
    read() {
      const bytes = readPrivateFile(file, { warn: log, platform });
      if (bytes === undefined) return undefined;
      try {
        return safeStorage.decryptString(Buffer.from(bytes));
      } catch (error) {
        throw keyUnavailable(
          `The signing key in ${file} could not be decrypted with the system keychain (${(error as Error).message}). It was encrypted under another account, or the keychain was reset: restore the keychain, or start a new identity.`,
        );
      }
    },
    write(privatePem, { replace = false } = {}) {
      writePrivateFile(file, safeStorage.encryptString(privatePem), { replace, platform });
      if (replace) fs.rmSync(keyFilePath(databasePath), { force: true });
    },
  };
  try {
    adoptPlainKeyFile(encrypted, plain, databasePath, log);
  } catch (error) {
    // The app still opens; signing reports the missing key until the file is sorted out.
    log(`${keyFilePath(databasePath)} was left as it is: ${(error as Error).message}`);
  }
  return encrypted;
}

/**
 * A plain key file beside the database (written by the CLI, or by this app while the keychain was
 * unavailable) is encrypted into the keychain's file, checked, then removed.
 */
function adoptPlainKeyFile(encrypted: DeviceKeyStore, plain: DeviceKeyStore, databasePath: string, log: (line: string) => void): void {
  const plainFile = keyFilePath(databasePath);
  if (!fs.existsSync(plainFile)) return;
  const pem = plain.read();
  if (pem === undefined) return;
  const current = encrypted.read();
  if (current === undefined) {
    encrypted.write(pem);
    if (encrypted.read() !== pem) throw keyUnavailable(`The signing key could not be encrypted into ${encrypted.location}; ${plainFile} was kept.`);
  } else if (current !== pem) {
    log(`${plainFile} and ${encrypted.location} hold different keys; Plenary uses the encrypted one and left ${plainFile} as it is.`);
    return;
  }
  fs.rmSync(plainFile);
  log(`This laptop's signing key moved from ${plainFile} into ${encrypted.location}.`);
}
