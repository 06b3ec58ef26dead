import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { encryptedKeyFilePath, keyFilePath } from '../../../main/core/sync/deviceKeyStore';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempCore';

const posix = process.platform !== 'win32';

describe('plenary device', () => {
  it('says where the key is, and when it has gone missing', async () => {
    const db = path.join(tempDir(), 'plenary.sqlite');
    closeCore(await openCore(db));
    expect(await cli('device', 'show', '--db', db)).toMatchObject({ code: 0, out: expect.stringMatching(/Signing key: none yet/) });
    // A new forum's id is derived from its owner's key: making one makes the key.
    await cli('demo', '--db', db);
    expect((await cli('bundle', 'export', '--db', db, '--out', path.join(tempDir(), 'a.plenary'))).code).toBe(0);
    const shown = await cli('device', 'show', '--db', db, '--json');
    expect(JSON.parse(shown.out)).toMatchObject({ state: 'present', key: `the key file ${keyFilePath(db)}`, fingerprint: expect.stringMatching(/^\w{4}-\w{4}-\w{4}-\w{4}$/) });

    fs.rmSync(keyFilePath(db));
    expect(await cli('device', 'show', '--db', db)).toMatchObject({ code: 1, out: expect.stringMatching(/MISSING from the key file .*new-identity --confirm/) });
    const refused = await cli('bundle', 'export', '--db', db, '--out', path.join(tempDir(), 'b.plenary'));
    expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/no longer in the key file .*Restore the key file/) });
    expect(fs.existsSync(keyFilePath(db))).toBe(false);
  });

  it('starts a new identity only when told to go ahead', async () => {
    const db = path.join(tempDir(), 'plenary.sqlite');
    await cli('demo', '--db', db);
    const before = JSON.parse((await cli('device', 'show', '--db', db, '--json')).out) as { deviceId: string };
    const unconfirmed = await cli('device', 'new-identity', '--db', db);
    expect(unconfirmed).toMatchObject({ code: 2, err: expect.stringMatching(/Add --confirm/) });
    expect(JSON.parse((await cli('device', 'show', '--db', db, '--json')).out)).toMatchObject({ deviceId: before.deviceId });

    const done = await cli('device', 'new-identity', '--db', db, '--confirm');
    expect(done).toMatchObject({ code: 0, out: expect.stringContaining(`was device ${before.deviceId}; it is now device`) });
    const after = JSON.parse((await cli('device', 'show', '--db', db, '--json')).out) as { deviceId: string; state: string };
    expect(after.deviceId).not.toBe(before.deviceId);
    expect(after.state).toBe('present');
    if (posix) expect(fs.statSync(keyFilePath(db)).mode & 0o777).toBe(0o600);
  });

  it('leaves a key the desktop app encrypted alone, and says where to sign instead', async () => {
    const db = path.join(tempDir(), 'plenary.sqlite');
    await cli('demo', '--db', db);
    await cli('bundle', 'export', '--db', db, '--out', path.join(tempDir(), 'a.plenary'));
    // As the desktop app leaves it: the key encrypted by the keychain, no plain key file.
    fs.writeFileSync(encryptedKeyFilePath(db), 'ciphertext only the keychain can open', { mode: 0o600 });
    fs.rmSync(keyFilePath(db));
    const refused = await cli('bundle', 'export', '--db', db, '--out', path.join(tempDir(), 'b.plenary'));
    expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/encrypted with the system keychain by the Plenary desktop app/) });
    expect(fs.existsSync(keyFilePath(db))).toBe(false);
    expect(fs.readFileSync(encryptedKeyFilePath(db), 'utf8')).toBe('ciphertext only the keychain can open');
  });

  it.skipIf(!posix)('tells on stderr when it had to make the key file private', async () => {
    const db = path.join(tempDir(), 'plenary.sqlite');
    await cli('bundle', 'export', '--db', db, '--out', path.join(tempDir(), 'a.plenary'));
    await cli('device', 'new-identity', '--db', db, '--confirm');
    fs.chmodSync(keyFilePath(db), 0o640);
    const shown = await cli('device', 'show', '--db', db);
    expect(shown).toMatchObject({ code: 0, err: expect.stringMatching(/mode 0640\); Plenary made it private to you \(0600\)/) });
  });
});
