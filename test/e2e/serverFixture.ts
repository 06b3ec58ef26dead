import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, missing } from '../programs';

export interface PlenaryServer {
  /** The URL the server printed, token included. */
  url: string;
  dbPath: string;
  process: ChildProcess;
}

/** What the test laptops are called unless a test asks for a first run: the name question is answered. */
export const testLaptopName = 'Test laptop';

/**
 * Starts `plenary serve` (the built CLI) on a free port, or on `port` (a server restarted where
 * the page expects it), or where the database was served last (`'remembered'`, with its token);
 * resolves with the URL it prints. `nodeArgs` go to Node before the script (a laptop whose clock
 * runs ahead, say); `serveArgs` after `serve` (by default, the laptop is named, so the first-run
 * question does not cover the screens under test).
 */
export function startServer(
  dbPath: string,
  port: number | 'remembered' = 0,
  nodeArgs: string[] = [],
  serveArgs: string[] = ['--laptop-name', testLaptopName],
): Promise<PlenaryServer> {
  const portArgs = port === 'remembered' ? [] : ['--port', String(port)];
  const child = spawn(process.execPath, [...nodeArgs, 'dist/main/cli.cjs', 'serve', '--db', dbPath, ...portArgs, ...serveArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`plenary serve did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], dbPath, process: child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`plenary serve exited with ${code}:\n${output}`));
    });
  });
}

/** Asks the server to stop as Ctrl+C would; one that has not exited after 10 s is killed. */
export function stopServer(server: PlenaryServer): Promise<void> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return resolve();
    const deadline = setTimeout(() => server.process.kill('SIGKILL'), 10_000);
    server.process.once('exit', () => {
      clearTimeout(deadline);
      resolve();
    });
    server.process.kill('SIGTERM');
  });
}

const noBrowser = missing(chromium);

/**
 * Each test gets its own data folder and server, so tests never see each other's forums. Every
 * test here drives Chromium: without it each one skips, saying what to install, before a browser
 * is launched (automatic fixtures are set up before the page).
 */
export const test = base.extend<{ server: PlenaryServer; browserInstalled: void }>({
  browserInstalled: [
    async ({}, use, testInfo) => {
      testInfo.skip(noBrowser !== undefined, noBrowser);
      await use();
    },
    { auto: true },
  ],
  server: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-e2e-'));
    const server = await startServer(path.join(dir, 'plenary.sqlite'));
    await use(server);
    await stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
