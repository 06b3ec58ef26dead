import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { maxRequestBytes, startHttpServer, type RunningServer } from '../../../main/core/transport/httpServer';
import { snapshot, tempCore, tempDir, validForum } from '../helpers/tempCore';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const ctx = await tempCore();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Plenary</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'secret');
  const running = await startHttpServer({ ctx, staticDir });
  server = running;
  const base = `http://127.0.0.1:${running.port}`;
  const call = (name: string, body: unknown, token: string | null = running.token) =>
    fetch(`${base}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { ctx, base, call, server: running };
}

describe('browser mode HTTP server', () => {
  it('listens on loopback and prints a URL carrying a fresh random token', async () => {
    const { server: s } = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
    const other = await startHttpServer({ ctx: await tempCore(), staticDir: tempDir() });
    expect(other.token).not.toBe(s.token);
    await other.close();
  });

  it('answers the contract with the token', async () => {
    const { call } = await start();
    const created = await call('forums:create', validForum);
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ ok: true, value: { title: validForum.title } });
  });

  it.each([
    ['no token', null],
    ['a wrong token', 'wrong-token-wrong-token-wrong-to'],
    ['an empty token', ''],
  ])('answers 401 to a request with %s and changes nothing', async (_label, token) => {
    const { ctx, call } = await start();
    const before = snapshot(ctx);
    const response = await call('forums:create', validForum, token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses bad payloads with a typed error and changes nothing', async () => {
    const { ctx, call, base } = await start();
    const before = snapshot(ctx);
    const notJson = await call('forums:create', '{"title":');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const invalid = await call('forums:create', { ...validForum, endDate: '2020-01-01' });
    expect(invalid.status).toBe(400);
    const huge = await call('forums:create', { ...validForum, theme: { en: 'x'.repeat(maxRequestBytes) } });
    expect(huge.status).toBe(413);
    const unknown = await call('forums:destroy', {});
    expect(unknown.status).toBe(404);
    const badName = await call('%E0%A4%A', {});
    expect(badName.status).toBe(404);
    const get = await fetch(`${base}/api/forums:list`);
    expect(get.status).toBe(401);
    expect(snapshot(ctx)).toBe(before);
  });

  it('stops promptly even while a browser holds a connection open mid-request', async () => {
    const { server: s } = await start();
    const socket = net.connect(s.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // Headers sent, body never finished: the connection is busy, not idle.
    socket.write(`POST /api/forums:list HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${s.token}\r\nContent-Length: 100\r\n\r\n{`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = s.close().then(() => 'stopped');
    const stuck = new Promise((resolve) => setTimeout(() => resolve('still waiting for the connection'), 5_000));
    expect(await Promise.race([stopped, stuck])).toBe('stopped');
    server = undefined;
    socket.destroy();
  });

  it('serves the renderer with a strict CSP, and nothing outside it', async () => {
    const { base } = await start();
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-type')).toContain('text/html');
    const script = await fetch(`${base}/assets/app.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    for (const probe of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await fetch(`${base}${probe}`);
      expect(await response.text()).not.toContain('secret');
    }
  });
});
