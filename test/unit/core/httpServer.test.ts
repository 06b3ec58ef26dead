import fs from 'node:fs';
import http from 'node:http';
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


/** A request through node:http, which (unlike fetch) lets a test forge the Host and Origin headers. */
function raw(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/**
 * Sends a request's head on a bare socket, then up to `bodyBytes` of body while the server lets it.
 * Resolves once the server has closed the connection, with what it answered and how much was sent.
 */
function unreadBody(port: number, head: string, bodyBytes: number) {
  return new Promise<{ answer: string; sent: number }>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    let closed = false;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    socket.on('data', (data: Buffer) => (answer += data.toString()));
    // The server may reset a connection it did not read to the end: that is a close too.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      resolve({ answer, sent });
    });
    const pump = () => {
      while (!closed && sent < bodyBytes) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
  });
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

  it('answers refused input with 4xx, never 500, and changes nothing', async () => {
    const { ctx, call } = await start();
    const forum = (await (await call('forums:create', validForum)).json()) as { value: { id: string } };
    const before = snapshot(ctx);
    const notABundle = await call('bundle:import', { data: Buffer.from('not a zip at all').toString('base64'), trustNewDevice: false });
    expect(await notABundle.json()).toMatchObject({ ok: false, error: { code: 'bundle_rejected' } });
    expect(notABundle.status).toBe(422);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const image = await call('participants:importPreview', { forumId: forum.value.id, file: { fileName: 'list.csv', data: png.toString('base64') } });
    expect(await image.json()).toMatchObject({ ok: false, error: { code: 'file_unreadable' } });
    expect(image.status).toBe(422);
    const empty = await call('participants:importPreview', { forumId: forum.value.id, file: { fileName: 'list.csv', data: '' } });
    expect(await empty.json()).toMatchObject({ ok: false, error: { code: 'import_rejected' } });
    expect(empty.status).toBe(422);
    expect(snapshot(ctx)).toBe(before);
  });

  it('closes the connection on a request without the token instead of reading its body', async () => {
    const { ctx, call, server: s } = await start();
    const before = snapshot(ctx);
    const head = (length: number) =>
      `POST /api/forums:create HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
    // A head announcing a body that never comes: the answer and the close come all the same.
    const waiting = await unreadBody(s.port, head(1024 * 1024 * 1024), 0);
    expect(waiting.answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(waiting.answer.toLowerCase()).toContain('connection: close');
    // A body of 512 MiB: the server hangs up long before it has been sent.
    const huge = 512 * 1024 * 1024;
    const flooding = await unreadBody(s.port, head(huge), huge);
    expect(flooding.sent).toBeLessThan(huge);
    expect((await call('forums:list', {})).status).toBe(200);
    expect(snapshot(ctx)).toBe(before);
  });

  it.each([
    ['another name for this address (DNS rebinding)', (port: number) => `attacker.example:${port}`],
    ['another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['no port', () => '127.0.0.1'],
    ['a name that ends like ours', (port: number) => `localhost.attacker.example:${port}`],
  ])('refuses a Host header naming %s, for the page and the API', async (_label, host) => {
    const { ctx, server: s } = await start();
    const before = snapshot(ctx);
    const page = await raw(s.port, { path: '/', headers: { Host: host(s.port) } });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('Plenary</title>');
    const api = await raw(s.port, {
      path: '/api/forums:create',
      method: 'POST',
      headers: { Host: host(s.port), Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(validForum),
    });
    expect(api.status).toBe(421);
    expect(api.headers.connection).toBe('close');
    expect(snapshot(ctx)).toBe(before);
  });

  it('answers the loopback names of its address', async () => {
    const { server: s } = await start();
    for (const host of [`127.0.0.1:${s.port}`, `localhost:${s.port}`, `LocalHost:${s.port}`]) {
      const page = await raw(s.port, { path: '/', headers: { Host: host } });
      expect(page.status, host).toBe(200);
    }
  });

  it.each([['another site', 'https://attacker.example'], ['a page with no origin (a sandboxed frame, a file)', 'null'], ['another port', 'http://127.0.0.1:1']])(
    'refuses an API call from %s even with the token',
    async (_label, origin) => {
      const { ctx, server: s } = await start();
      const before = snapshot(ctx);
      const answer = await raw(s.port, {
        path: '/api/forums:create',
        method: 'POST',
        headers: { Host: `127.0.0.1:${s.port}`, Origin: origin, Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(validForum),
      });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(snapshot(ctx)).toBe(before);
    },
  );

  it('answers an API call from its own page, which names its origin', async () => {
    const { server: s } = await start();
    const answer = await raw(s.port, {
      path: '/api/forums:list',
      method: 'POST',
      headers: { Host: `127.0.0.1:${s.port}`, Origin: `http://127.0.0.1:${s.port}`, Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(answer.status).toBe(200);
  });

  it('stops promptly even while a browser holds a connection open mid-request', async () => {
    const { server: s } = await start();
    const socket = net.connect(s.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // Headers sent, body never finished: the connection is busy, not idle.
    socket.write(`POST /api/forums:list HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nAuthorization: Bearer ${s.token}\r\nContent-Length: 100\r\n\r\n{`);
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
