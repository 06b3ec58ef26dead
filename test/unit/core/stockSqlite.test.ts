import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { latestVersion } from '../../../main/core/store/migrations';
import { tempDir } from '../helpers/tempCore';

// The sqlite3 shell a distribution ships (Debian 12: 3.40), not our build of SQLite: what someone
// recovering a database by hand will have. `.ci/run` installs it.
const stockSqlite = '/usr/bin/sqlite3';
const missing = !fs.existsSync(stockSqlite);

const shell = (file: string, ...commands: string[]) => execFileSync(stockSqlite, [file, ...commands], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Every row of every ordinary table, read through our SQLite (full-text indexes are derived). */
function rows(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_search%' AND name <> 'search_deferred' ORDER BY name")
      .pluck()
      .all() as string[];
    return JSON.stringify(tables.map((name) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}

describe.skipIf(missing)(`a stock sqlite3 shell (${missing ? `skipped: no ${stockSqlite}; apt-get install sqlite3` : stockSqlite})`, () => {
  it('opens a new demo database, checks it, counts its people, and dumps it into a copy that holds the same rows', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'demo.sqlite');
    const ctx = await openCore(file);
    try {
      expect((await dispatch(ctx, 'cli', 'demo:create', {})).ok).toBe(true);
    } finally {
      closeCore(ctx);
    }
    expect(shell(file, '.tables')).toMatch(/\bparticipants\b[\s\S]*\bsessions\b/);
    expect(shell(file, 'PRAGMA integrity_check').trim()).toBe('ok');
    expect(shell(file, 'SELECT count(*) FROM participants').trim()).toBe('200');

    const dump = path.join(dir, 'demo.sql');
    fs.writeFileSync(dump, shell(file, '.dump'));
    const copy = path.join(dir, 'restored.sqlite');
    execFileSync(stockSqlite, [copy], { input: fs.readFileSync(dump) });
    // .dump leaves the schema version out: carried by hand, as the README says.
    const version = shell(file, 'PRAGMA user_version').trim();
    expect(version).toBe(String(latestVersion));
    shell(copy, `PRAGMA user_version = ${version}`);
    expect(shell(copy, 'PRAGMA integrity_check').trim()).toBe('ok');
    expect(rows(copy)).toBe(rows(file));
    // The copy is a Plenary database again: it opens, and its search indexes came with it.
    const restored = await openCore(copy);
    try {
      const { forumId, name } = restored.db.prepare('SELECT forum_id AS forumId, name FROM participants ORDER BY id LIMIT 1').get() as { forumId: string; name: string };
      const found = await dispatch(restored, 'cli', 'participants:query', { forumId, text: name });
      expect(found).toMatchObject({ ok: true, value: { total: 1 } });
    } finally {
      closeCore(restored);
    }
  });
});
