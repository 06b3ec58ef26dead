import { describe, expect, it } from 'vitest';
import { bindIpc } from '../../../main/electron/bindIpc';
import { commandNames, ipcChannel } from '../../../shared/commandNames';
import { contract } from '../../../shared/ipc';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';
import { createFakeElectron } from './fakeElectron';

async function boundCore() {
  const ctx = await tempCore();
  const { electron, record } = createFakeElectron({ userData: '/unused', appPath: '/unused' });
  bindIpc(electron.ipcMain, ctx);
  const invoke = (name: string, frameUrl: string | null, input: unknown) => {
    const handler = record.ipcHandlers.get(`plenary:${name}`);
    if (!handler) throw new Error(`no handler for ${name}`);
    return handler({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, input);
  };
  return { ctx, record, invoke };
}

describe('bindIpc', () => {
  it('binds one channel per command of the contract, and nothing else', async () => {
    const { record } = await boundCore();
    const expected = Object.keys(contract).map((name) => `plenary:${name}`);
    expect([...record.ipcHandlers.keys()].sort()).toEqual(expected.sort());
    expect(commandNames.map((name) => ipcChannel(name)).sort()).toEqual(expected.sort());
  });

  it('answers the app’s own page through the core', async () => {
    const { invoke } = await boundCore();
    const created = await invoke('forums:create', 'plenary://app/index.html', validForum);
    expect(created).toMatchObject({ ok: true, value: { title: validForum.title } });
    expect(await invoke('forums:list', 'plenary://app/index.html#/forums', {})).toMatchObject({ ok: true, value: [{ title: validForum.title }] });
    expect(await invoke('app:info', 'plenary://app/', {})).toMatchObject({ ok: true, value: { transport: 'electron' } });
  });

  it.each([
    ['another website', 'https://example.org/'],
    ['a local file', 'file:///tmp/evil.html'],
    ['a look-alike host on our scheme', 'plenary://app.evil/index.html'],
    ['a blank frame', 'about:blank'],
    ['a frame that is gone', null],
  ])('refuses %s as unauthorized without reaching the core', async (_label, frameUrl) => {
    const { ctx, invoke } = await boundCore();
    const before = snapshot(ctx);
    expect(await invoke('forums:create', frameUrl, validForum)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(snapshot(ctx)).toBe(before);
    expect(await invoke('forums:list', 'plenary://app/index.html', {})).toEqual({ ok: true, value: [] });
  });

  it('still validates what the app’s own page sends', async () => {
    const { ctx, invoke } = await boundCore();
    const before = snapshot(ctx);
    expect(await invoke('forums:create', 'plenary://app/index.html', { title: 'no' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(snapshot(ctx)).toBe(before);
  });
});
