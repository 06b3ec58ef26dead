import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { importBytes } from '../helpers/exchange';
import { tempCore, tempDir } from '../helpers/tempCore';
import { forumTables } from './forumTables';

// The CLI the tests' global setup builds beside the worker threads, as `npm run build` does.
const cli = path.resolve(__dirname, '../../../.cache/test-worker/cli.cjs');

/** Whether an import's journal entry is in the database: it has applied at least one slice. */
function importStarted(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 1000');
    return db.prepare("SELECT count(*) FROM meta WHERE key LIKE 'pending_import:%'").pluck().get() !== 0;
  } catch {
    return false; // not created or migrated yet
  } finally {
    db.close();
  }
}

describe('an import killed halfway', () => {
  it('is undone the next time the database opens, so no forum is ever left half imported', async () => {
    const a = await tempCore();
    const forum = createDemoForum(a);
    const session = a.db.prepare('SELECT id FROM sessions WHERE forum_id = ? LIMIT 1').pluck().get(forum.id) as string;
    for (let i = 0; i < 4000; i++) await invoke(a, 'notes:create', { sessionId: session, lang: 'en', text: `Point ${i} on land markets` });
    const dir = tempDir();
    const bundleFile = path.join(dir, 'day.plenary');
    fs.writeFileSync(bundleFile, exportBundle(a, { forumId: forum.id }).bytes);
    const expected = forumTables(a);

    let killedHalfway = 0;
    for (let round = 0; round < 6; round++) {
      const db = path.join(dir, `laptop-${round}.sqlite`);
      const fresh = await openCore(db);
      const empty = forumTables(fresh);
      closeCore(fresh);
      const child = spawn(process.execPath, [cli, 'bundle', 'import', '--db', db, '--trust', bundleFile], { stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      let done = false;
      void exited.then(() => (done = true));
      while (!done && !importStarted(db)) await new Promise((resolve) => setTimeout(resolve, 2));
      // A different moment in the import each round: right away, or a little later.
      await new Promise((resolve) => setTimeout(resolve, round * 15));
      if (!done) {
        child.kill('SIGKILL');
        killedHalfway += 1;
      }
      await exited;

      const reopened = await openCore(db);
      try {
        expect(reopened.db.prepare("SELECT count(*) FROM meta WHERE key LIKE 'pending_import:%'").pluck().get()).toBe(0);
        // All or nothing: the whole forum, or exactly what was there before.
        const tables = forumTables(reopened);
        expect(tables).toEqual(tables.forums?.length ? expected : empty);
        // And importing the file again completes it.
        await importBytes(reopened, fs.readFileSync(bundleFile));
        expect(forumTables(reopened)).toEqual(expected);
      } finally {
        closeCore(reopened);
      }
    }
    expect(killedHalfway).toBeGreaterThan(0);
  }, 300_000);
});
