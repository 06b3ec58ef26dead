import { buildSync } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface CompanionHost {
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Bundles companionHost.ts as the app's build bundles the core (better-sqlite3 left external). */
function hostScript(): string {
  const out = path.join(root, '.cache', 'e2e', 'companionHost.cjs');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  buildSync({
    entryPoints: [path.join(root, 'test/e2e/companionHost.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3', 'exceljs'],
    logLevel: 'warning',
  });
  return out;
}

/** Starts the companion server on 127.0.0.1 over the database a `plenary serve` holds. */
export function startCompanion(dbPath: string): Promise<CompanionHost> {
  const child = spawn(process.execPath, [hostScript(), dbPath, path.join(root, 'dist/main'), path.join(root, 'dist/companion')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const deadline = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(deadline);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the companion did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /Companion port (\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ port: Number(port), process: child, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the companion exited with ${code}:\n${output}`));
    });
  });
}
