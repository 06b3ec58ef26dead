import { startCompanionServer } from '../../main/core/companion/companionServer';
import { closeCore, openCore } from '../../main/core/coreContext';

// The companion server standing beside a running `plenary serve`, as the venue mode will start
// it: on 127.0.0.1, reading the same database on a read-only connection. Built and started by
// test/e2e/companionFixture.ts; prints its port, stops on SIGTERM.

const [dbPath = '', workerDir = '', pageDir = ''] = process.argv.slice(2);

async function main(): Promise<void> {
  const ctx = await openCore(dbPath, { readonly: true, deviceKeys: null, workerScript: `${workerDir}/coreWorker.cjs` });
  const server = await startCompanionServer(ctx, { host: '127.0.0.1', pageDir });
  process.stdout.write(`Companion port ${server.port}\n`);
  process.once('SIGTERM', () => {
    void server.close().then(() => {
      closeCore(ctx);
      process.exit(0);
    });
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
