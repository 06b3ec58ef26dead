import os from 'node:os';
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { renameDevice } from '../../../main/core/sync/deviceIdentity';
import { CoreError } from '../../../main/core/errors';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { invoke } from '../../../main/core/commands/invoke';
import { cli } from '../helpers/cli';
import { snapshot, tempCore, tempDir, validForum } from '../helpers/tempCore';

const badNames: Array<[string, string, string]> = [
  ['empty', '', 'validation.required'],
  ['blank', '   ', 'validation.required'],
  ['too long', 'R'.repeat(101), 'validation.tooLong'],
  ['a line break', 'Rapporteur\nRoom B', 'validation.controlCharacters'],
  ['a tab', 'Rapporteur\tRoom B', 'validation.controlCharacters'],
  ['a right-to-left override', 'Room \u202EB', 'validation.controlCharacters'],
  ['a zero-width space', 'Room\u200BB', 'validation.controlCharacters'],
];

describe("a laptop's name", () => {
  it('is the host name, not yet chosen, until someone names the laptop; then it is that name everywhere, bundles included', async () => {
    const ctx = await tempCore();
    expect(await invoke(ctx, 'device:get', {})).toMatchObject({ name: os.hostname(), named: false });
    const renamed = await invoke(ctx, 'device:rename', { name: '  Rapporteur – Room B  ' });
    expect(renamed).toMatchObject({ name: 'Rapporteur – Room B', named: true });
    const forum = await invoke(ctx, 'forums:create', validForum);
    expect(exportBundle(ctx, { forumId: forum.id }).manifest.device.name).toBe('Rapporteur – Room B');
    await invoke(ctx, 'device:rename', { name: 'غرفة ب – المقرر' });
    expect(await invoke(ctx, 'device:get', {})).toMatchObject({ name: 'غرفة ب – المقرر', named: true });
  });

  it.each(badNames)('refuses a name that is %s, with a clear error, and keeps the old one', async (_what, name, message) => {
    const ctx = await tempCore();
    await invoke(ctx, 'device:rename', { name: 'Rapporteur – Room B' });
    const before = snapshot(ctx);
    const meta = () => ctx.db.prepare('SELECT * FROM meta ORDER BY key').all();
    const metaBefore = meta();
    const result = await dispatch(ctx, 'http', 'device:rename', { name });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'name', message }] } });
    // The core checks it too, whoever calls.
    expect(() => renameDevice(ctx.db, name)).toThrow(CoreError);
    expect(snapshot(ctx)).toBe(before);
    expect(meta()).toEqual(metaBefore);
    expect(await invoke(ctx, 'device:get', {})).toMatchObject({ name: 'Rapporteur – Room B' });
  });

  it('is set from the command line, which refuses bad names with a clear message and changes nothing', async () => {
    const db = path.join(tempDir(), 'plenary.sqlite');
    await cli('demo', '--db', db);
    expect(await cli('device', 'rename', '--db', db, 'Rapporteur – Room B')).toMatchObject({ code: 0, out: 'This laptop is now named "Rapporteur – Room B".' });
    for (const [, name] of badNames) {
      const refused = await cli('device', 'rename', '--db', db, name);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/A laptop's name must be visible text on one line, 1 to 100 characters; it (is empty|is longer than 100 characters|holds control or invisible characters)/);
    }
    expect(await cli('device', 'rename', '--db', db, 'Room', 'B')).toMatchObject({ code: 2, err: expect.stringMatching(/as one argument, in quotes/) });
    const stored = new Database(db, { readonly: true });
    expect(stored.prepare("SELECT value FROM meta WHERE key = 'device_name'").pluck().get()).toBe('Rapporteur – Room B');
    stored.close();
    expect((await cli('device', 'rename', '--db', db, '--help')).out).toContain('Usage: plenary device rename [options] NAME');
  });
});
