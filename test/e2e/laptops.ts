import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { CommandName, Contract } from '../../shared/ipc';
import { startServer, type PlenaryServer } from './serverFixture';

/**
 * Calls the core of a running `plenary serve` the way its own page does (POST /api/<command>
 * with the run's token), for the other laptops of a test that nobody looks at.
 */
export async function call<C extends CommandName>(server: PlenaryServer, command: C, input: z.input<Contract[C]['input']>): Promise<z.output<Contract[C]['output']>> {
  const [base, fragment] = server.url.split('#');
  const token = /token=([A-Za-z0-9_-]+)/.exec(fragment ?? '')?.[1] ?? '';
  const response = await fetch(new URL(`api/${encodeURIComponent(command)}`, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: true; value: z.output<Contract[C]['output']> } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${command} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * Another laptop: its own database and server. With `clockAheadMs`, the laptop's system clock runs
 * that far ahead (Date.now is shifted before Plenary loads, as a wrong date in the system settings
 * would), so every change it makes is stamped in the future.
 */
export async function startLaptop(dir: string, name: string, options: { clockAheadMs?: number } = {}): Promise<PlenaryServer> {
  const ahead = options.clockAheadMs ?? 0;
  const shift = `const now = Date.now; Date.now = () => now() + ${ahead};`;
  const nodeArgs = ahead ? ['--import', `data:text/javascript,${encodeURIComponent(shift)}`] : [];
  const laptop = await startServer(path.join(dir, `${name.replace(/\W+/g, '-')}.sqlite`), 0, nodeArgs);
  await call(laptop, 'device:rename', { name });
  return laptop;
}

/** Everything `from` has of the forum, imported by `to`, which trusts `from`. */
export async function sendForum(from: PlenaryServer, to: PlenaryServer, forumId: string): Promise<void> {
  const bundle = await call(from, 'bundle:export', { forumId });
  await call(to, 'bundle:import', { data: bundle.data, trustNewDevice: true });
}

/** Saves `laptop`'s bundle of the forum into `dir`, as its user would onto a USB stick. */
export async function saveBundle(laptop: PlenaryServer, forumId: string, dir: string): Promise<string> {
  const bundle = await call(laptop, 'bundle:export', { forumId });
  const file = path.join(dir, bundle.fileName);
  fs.writeFileSync(file, Buffer.from(bundle.data, 'base64'));
  return file;
}
