import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startShell } from '../../../main/electron/startShell';
import { venueStatus } from '../../../shared/venue';
import { tempDir } from '../helpers/tempCore';
import { createFakeElectron, fakeEvent } from './fakeElectron';

/** Whether something accepts a connection on 127.0.0.1:port now. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('venue mode and quitting the desktop app', () => {
  it('stops listening when the app quits', async () => {
    const userData = tempDir();
    const appRoot = tempDir();
    fs.mkdirSync(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Plenary</title>');
    const fake = createFakeElectron({ userData, appPath: appRoot });
    const shell = await startShell(fake.electron, { env: {}, platform: 'linux', log: () => undefined });
    expect(shell).toBeDefined();
    const call = (name: string, input: unknown) => fake.record.ipcHandlers.get(`plenary:${name}`)?.({ senderFrame: { url: 'plenary://app/index.html' } }, input);

    const started = (await call('venue:start', { host: '127.0.0.1' })) as { ok: boolean; value: unknown };
    expect(started.ok).toBe(true);
    const { port, enabled } = venueStatus.parse(started.value);
    expect(enabled).toBe(true);
    expect(await listening(port ?? 0)).toBe(true);

    fake.app.emit('will-quit', fakeEvent({}));
    // closeCore closes the listener in the background: wait (bounded) for it to be gone.
    let open = true;
    for (let i = 0; i < 50 && open; i++) {
      open = await listening(port ?? 0);
      if (open) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(open).toBe(false);
  });
});
