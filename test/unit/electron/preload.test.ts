import { describe, expect, it } from 'vitest';
import { exposeApi, type PreloadElectron } from '../../../main/preload/exposeApi';
import { commandNames } from '../../../shared/commandNames';
import { contract } from '../../../shared/ipc';

function fakeRenderer() {
  const exposed = new Map<string, unknown>();
  const invocations: Array<{ channel: string; args: unknown[] }> = [];
  const electron: PreloadElectron = {
    contextBridge: { exposeInMainWorld: (key, api) => void exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel, ...args) => {
        invocations.push({ channel, args });
        return Promise.resolve({ ok: true, value: channel });
      },
    },
  };
  return { electron, exposed, invocations };
}

describe('preload', () => {
  it('exposes window.plenary with exactly one function per command', () => {
    const { electron, exposed } = fakeRenderer();
    exposeApi(electron);
    expect([...exposed.keys()]).toEqual(['plenary']);
    const api = exposed.get('plenary') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...commandNames].sort());
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    for (const name of commandNames) expect(typeof api[name], name).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each command on its own channel with its input only', async () => {
    const { electron, exposed, invocations } = fakeRenderer();
    exposeApi(electron);
    const api = exposed.get('plenary') as Record<string, (input: unknown) => Promise<unknown>>;
    for (const name of commandNames) {
      await expect(api[name]?.({ probe: name })).resolves.toEqual({ ok: true, value: `plenary:${name}` });
    }
    expect(invocations).toEqual(commandNames.map((name) => ({ channel: `plenary:${name}`, args: [{ probe: name }] })));
  });
});
