import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApi } from '../../../renderer/src/api/httpTransport';
import { TabKey, tokenOf } from '../../../renderer/src/api/tabKey';
import { ProseSaver } from '../../../renderer/src/components/proseSaver';
import { openServer, type OpenedServer } from '../../../main/core/transport/serveAddress';
import { tempCore, tempDir } from '../helpers/tempCore';
import { MemoryStorage } from './memoryStorage';

const running: OpenedServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function serve(ctx: Awaited<ReturnType<typeof tempCore>>, newToken = false): Promise<OpenedServer> {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Plenary</title>');
  const server = await openServer(ctx, staticDir, newToken ? { newToken } : {});
  running.push(server);
  return server;
}

/** The page's own fetch, from the page's address: the transport asks for `./api/…`. */
const fromPage = (server: OpenedServer): typeof fetch => (input, init) => fetch(new URL(String(input), `http://127.0.0.1:${server.port}/`), init);

describe("browser mode's key", () => {
  it('takes the token from the address the server printed, and only from there', () => {
    expect(tokenOf('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenOf('#/forum/x&token=abc')).toBe('abc');
    expect(tokenOf('#/forum/token=abc')).toBeUndefined();
    const key = new TabKey(new MemoryStorage());
    expect(key.take('#/forum/x')).toBe(false);
    expect(key.current()).toBeNull();
    expect(key.take('#token=first')).toBe(true);
    expect(key.current()).toBe('first');
  });

  it('says the key was refused when a server started with a new token answers 401, and carries on once the new address is taken', async () => {
    const ctx = await tempCore();
    const first = await serve(ctx);
    const storage = new MemoryStorage();
    const key = new TabKey(storage);
    key.take(new URL(first.url).hash);
    const changes: boolean[] = [];
    key.subscribe(() => changes.push(key.refused()));
    let api = createHttpApi(key, fromPage(first));
    expect((await api['app:info']({})).ok).toBe(true);
    expect(key.refused()).toBe(false);

    await first.close();
    running.splice(0);
    // The server does not answer: that is not a refused key.
    expect(await api['app:info']({})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(key.refused()).toBe(false);

    const rotated = await serve(ctx, true);
    api = createHttpApi(key, fromPage(rotated));
    expect(await api['app:info']({})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(key.refused()).toBe(true);

    // Text typed meanwhile waits, is kept in storage, and lands once the new address is taken.
    const saver = new ProseSaver<{ text: string }, unknown>({ send: () => api['app:info']({}) }, storage, { copyPrefix: 'test/' });
    saver.open('n1', { text: '' });
    saver.edit('n1', { text: 'Fibre first' });
    await saver.flush();
    expect(saver.getStatus()).toMatchObject({ state: 'retrying', error: { code: 'unauthorized' } });
    expect(saver.storedCopies().map((copy) => copy.fields.text)).toEqual(['Fibre first']);

    key.take(new URL(rotated.url).hash);
    expect(key.refused()).toBe(false);
    await saver.flush();
    expect(saver.getStatus()).toEqual({ state: 'saved' });
    expect(saver.storedCopies()).toEqual([]);
    expect(changes).toEqual([true, false]);
    saver.dispose();
  });
});
