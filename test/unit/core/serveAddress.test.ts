import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServer, readServeAddress, serveAddressFile, type OpenedServer } from '../../../main/core/transport/serveAddress';
import { cli } from '../helpers/cli';
import { tempCore, tempDir } from '../helpers/tempCore';

const posix = process.platform !== 'win32';
const running: OpenedServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof openServer>): Promise<OpenedServer> {
  const server = await openServer(...args);
  running.push(server);
  return server;
}

async function stop(server: OpenedServer): Promise<void> {
  running.splice(running.indexOf(server), 1);
  await server.close();
}

/** A port nobody listens on now, other than `not`. */
async function freePort(not: number): Promise<number> {
  for (;;) {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    if (port !== not) return port;
  }
}

/** Whether the server answers this token, as the open tab would ask it. */
async function answers(server: OpenedServer, token: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/app:info`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: '{}',
  });
  return response.status;
}

describe('browser mode keeps its address between runs', () => {
  it('serves a database on the same port with the same token when started again, so open tabs carry on', async () => {
    const ctx = await tempCore();
    const first = await serve(ctx, tempDir());
    expect(first.notes).toEqual([]);
    const address = { port: first.port, token: first.token };
    expect(readServeAddress(ctx.databasePath)).toEqual(address);
    if (posix) expect(fs.statSync(serveAddressFile(ctx.databasePath)).mode & 0o777).toBe(0o600);
    await stop(first);

    const second = await serve(ctx, tempDir());
    expect({ port: second.port, token: second.token }).toEqual(address);
    expect(second.url).toBe(`http://127.0.0.1:${address.port}/#token=${address.token}`);
    expect(await answers(second, address.token)).toBe(200);
  });

  it('makes a new token when told to: the old one is refused, the port stays', async () => {
    const ctx = await tempCore();
    const first = await serve(ctx, tempDir());
    await stop(first);
    const rotated = await serve(ctx, tempDir(), { newToken: true });
    expect(rotated.port).toBe(first.port);
    expect(rotated.token).not.toBe(first.token);
    expect(rotated.notes.join('\n')).toMatch(/new token/);
    expect(await answers(rotated, first.token)).toBe(401);
    expect(await answers(rotated, rotated.token)).toBe(200);
    expect(readServeAddress(ctx.databasePath)?.token).toBe(rotated.token);
  });

  it('keeps a port given once, and says when the port changes', async () => {
    const ctx = await tempCore();
    const first = await serve(ctx, tempDir());
    await stop(first);
    const other = await freePort(first.port);
    const moved = await serve(ctx, tempDir(), { port: other });
    expect(moved.port).toBe(other);
    expect(moved.token).toBe(first.token);
    expect(moved.notes).toEqual([`This database is now served on port ${other} (it was ${first.port}).`]);
    await stop(moved);
    const again = await serve(ctx, tempDir());
    expect(again.port).toBe(other);
    expect(again.notes).toEqual([]);
  });

  it('refuses a remembered port another program holds, saying what to do, and remembers nothing new', async () => {
    const ctx = await tempCore();
    const first = await serve(ctx, tempDir());
    await stop(first);
    const before = fs.readFileSync(serveAddressFile(ctx.databasePath), 'utf8');
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(first.port, '127.0.0.1', resolve));
    try {
      await expect(openServer(ctx, tempDir())).rejects.toThrow(new RegExp(`Port ${first.port}, where this database is served, is in use .*--port N`));
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
    expect(fs.readFileSync(serveAddressFile(ctx.databasePath), 'utf8')).toBe(before);
  });

  it('makes a new address when the remembered one cannot be read', async () => {
    const ctx = await tempCore();
    fs.writeFileSync(serveAddressFile(ctx.databasePath), '{"port": "eighty", "token": 1}');
    expect(readServeAddress(ctx.databasePath)).toBeUndefined();
    const server = await serve(ctx, tempDir());
    expect(readServeAddress(ctx.databasePath)).toEqual({ port: server.port, token: server.token });
  });
});

describe('plenary serve: bad arguments', () => {
  it.each([
    [['--port', 'eighty'], /--port must be a whole number from 0 to 65535, not "eighty"/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--port', '-1'], /--port must be a whole number|argument missing|ambiguous/],
    [['--new-token=yes'], /does not take an argument/],
    [['--laptop-name', ''], /--laptop-name: A laptop's name must be visible text on one line.*it is empty/],
    [['--laptop-name', 'x'.repeat(101)], /longer than 100 characters/],
    [['--laptop-name', 'Room B\nRoom C'], /control or invisible characters/],
  ])('serve %j says what is wrong and touches nothing', async (args, message) => {
    const dir = tempDir();
    const db = path.join(dir, 'plenary.sqlite');
    const result = await cli('serve', '--db', db, ...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).toContain('Usage: plenary serve');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
