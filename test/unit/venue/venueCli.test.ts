import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { venueController } from '../../../main/core/venue/venueController';
import { cli } from '../helpers/cli';
import { tempDir, validForum } from '../helpers/tempCore';
import { laptop } from './venueHelpers';

const builtCli = path.resolve(__dirname, '../../../.cache/test-worker/cli.cjs');
const manual = { pullIntervalMs: 3_600_000, nudgeDelayMs: 3_600_000, timeoutMs: 5000 };

describe('plenary peers', () => {
  it('adds a laptop by URL and code, lists it, syncs with it, and says when it is gone (exit 1)', async () => {
    const host = await laptop('Secretariat');
    const status = await venueController(host, manual).start({ host: '127.0.0.4' });
    const forum = await invoke(host, 'forums:create', validForum);
    const db = path.join(tempDir(), 'plenary.sqlite');

    const added = await cli('peers', 'add', status.laptopUrl ?? '', '--code', status.pairing?.code ?? '', '--db', db);
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^Paired with “Secretariat” \([A-Z0-9-]+\) at https:\/\/127\.0\.0\.4:\d+\./);

    const listed = await cli('peers', 'list', '--db', db, '--json');
    expect(JSON.parse(listed.out)).toMatchObject([{ deviceId: host.deviceId, name: 'Secretariat', url: expect.stringMatching(/^https:\/\/127\.0\.0\.4:/) }]);
    expect((await cli('peers', 'list', '--db', db)).out).toMatch(/Secretariat {2}https:\/\/127\.0\.0\.4:\d+ {2}never, no exchange yet, 0 changes received/);

    const synced = await cli('peers', 'sync', '--db', db);
    expect(synced.code).toBe(0);
    expect(synced.out).toMatch(/^Secretariat: [1-9]\d* changes came in$/);
    expect((await cli('forums', 'list', '--db', db)).out).toContain(forum.id);
    // Nothing new: nothing comes in, and that is no failure.
    expect(await cli('peers', 'sync', '--db', db)).toMatchObject({ code: 0, out: 'Secretariat: 0 changes came in' });

    await venueController(host).stop();
    const failed = await cli('peers', 'sync', '--db', db);
    expect(failed.code).toBe(1);
    expect(failed.out).toBe('Secretariat: failed (peer_unreachable)');
  });

  it('refuses a wrong code with its message and exit 1', async () => {
    const host = await laptop('Secretariat');
    const status = await venueController(host, manual).start({ host: '127.0.0.4' });
    const wrong = status.pairing?.code === '123456' ? '654321' : '123456';
    const result = await cli('peers', 'add', status.laptopUrl ?? '', '--code', wrong, '--db', path.join(tempDir(), 'plenary.sqlite'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/pairing code is wrong, expired or already used/);
  });

  it.each([
    [['peers', 'add', '--code', '123456'], /Name at least 1 laptop URL/],
    [['peers', 'add', 'https://127.0.0.4:4000/', '--code', '12345'], /--code must be the six digits/],
    [['peers', 'add', 'http://127.0.0.4:4000/', '--code', '123456'], /starts with https:\/\//],
    [['peers', 'add', 'https://a/', 'https://b/', '--code', '123456'], /Name one laptop URL/],
    [['serve', '--host', '127.0.0.4'], /--host and --venue-port go with --venue/],
    [['serve', '--venue', '--venue-port', '80'], /--venue-port must be a whole number from 1024 to 65535/],
    [['serve', '--venue', '--host', 'venue.local'], /--host must be an IP address/],
  ])('%j is a usage error (exit 2) that touches nothing', async (args, message) => {
    const dir = tempDir();
    const result = await cli(...args, '--db', path.join(dir, 'plenary.sqlite'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).toMatch(/Usage: plenary (peers add|serve)/);
  });
});

describe('plenary serve --venue', () => {
  const children: Array<ReturnType<typeof spawn>> = [];
  afterEach(() => {
    while (children.length) children.pop()?.kill('SIGKILL');
  });

  /** Runs the built `plenary serve …` until it has printed what `ready` looks for; returns the process and its output so far. */
  async function serve(args: string[], ready: RegExp) {
    const child = spawn(process.execPath, [builtCli, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const output = { text: '' };
    child.stdout?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if (ready.test(output.text) && /Press Ctrl\+C/.test(output.text)) {
          clearInterval(check);
          resolve();
        }
      }, 50);
      child.once('exit', (code) => {
        clearInterval(check);
        reject(new Error(`serve exited (${String(code)}): ${output.text}`));
      });
    });
    return { child, out: output.text };
  }

  it('prints the laptop URL and the pairing code, and another laptop pairs with them', async () => {
    const db = path.join(tempDir(), 'plenary.sqlite');
    const { child, out } = await serve(['--venue', '--host', '127.0.0.5', '--laptop-name', 'Door laptop', '--db', db], /Pairing code: \d{6}/);
    const url = /Laptop URL: (https:\/\/127\.0\.0\.5:\d+\/#fp=[0-9a-f]{64})/.exec(out)?.[1] ?? '';
    const code = /Pairing code: (\d{6})/.exec(out)?.[1] ?? '';
    expect(url).not.toBe('');
    const joiner = await laptop('Rapporteur');
    await expect(venueController(joiner, manual).addPeer(url, code)).resolves.toMatchObject({ name: 'Door laptop' });
    const stopped = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  });

  it('prints a companion URL per forum, served on the port after the laptops\' one, and phones get the programme there', async () => {
    const db = path.join(tempDir(), 'plenary.sqlite');
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const { child, out } = await serve(['--venue', '--host', '127.0.0.6', '--laptop-name', 'Door laptop', '--db', db], /Companion URL: /);
    const laptopPort = Number(/Laptop URL: https:\/\/127\.0\.0\.6:(\d+)\//.exec(out)?.[1]);
    const companion = /Companion URL: (http:\/\/127\.0\.0\.6:(\d+)\/c\/[A-Za-z0-9_-]{32}\/) \(/.exec(out);
    expect(Number(companion?.[2])).toBe(laptopPort + 1);
    const answer = await fetch(`${companion?.[1] ?? ''}data/forum`);
    expect(answer.status).toBe(200);
    const stopped = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  });

  it('serves browser mode on when venue mode cannot resume (its port taken meanwhile), and says so', async () => {
    const db = path.join(tempDir(), 'plenary.sqlite');
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.5', resolve));
    try {
      const port = String((taken.address() as net.AddressInfo).port);
      expect((await cli('demo', '--db', db)).code).toBe(0);
      const ctx = await openCore(db);
      ctx.db.prepare("INSERT INTO meta (key, value) VALUES ('venue_host', '127.0.0.5'), ('venue_port', ?)").run(port);
      await ctx.worker.close();
      closeCore(ctx);
      const { out } = await serve(['--db', db], /Venue mode did not resume/);
      expect(out).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/#token=/);
      expect(out).toContain(`Venue mode could not listen on https://127.0.0.5:${port}`);
      expect(out).not.toMatch(/Laptop URL/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
