import { build } from 'esbuild';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { importInWorker, participantImportInWorker, type ImportWorkerConfig } from '../../../main/core/sync/importInWorker';
import { createForum } from '../../../main/core/store/forums';
import { snapshot, tempCore, tempDir, validForum } from '../helpers/tempCore';
import { forumTables } from './forumTables';

// The worker runs as a script of its own, as in the built app: build it the same way, inside the
// repository so that it finds better-sqlite3 in node_modules.
const config: ImportWorkerConfig = { script: path.resolve(__dirname, '../../../.cache/test-worker/importWorker.cjs') };
beforeAll(async () => {
  await build({
    entryPoints: [path.resolve(__dirname, '../../../main/core/sync/importWorker.ts')],
    outfile: config.script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
});

describe('importing in a worker thread', () => {
  it('applies a bundle on its own connection and leaves this one current, clock included', async () => {
    // A's clock runs three minutes ahead: within drift, so B's clock must move past A's changes.
    const a = await tempCore({ wallClock: () => Date.now() + 3 * 60 * 1000 });
    const b = await tempCore();
    const forum = createDemoForum(a);
    const { bytes, manifest } = exportBundle(a, { forumId: forum.id });
    const phases: string[] = [];
    const result = await importInWorker(b, config, bytes, {
      trustNewDevice: true,
      backupDir: tempDir(),
      onProgress: (progress) => phases.push(progress.phase),
    });
    expect([...new Set(phases)]).toEqual(['verify', 'backup', 'apply', 'project']);
    expect(result.rows.participants).toEqual({ added: 200, updated: 0 });
    expect(forumTables(b)).toEqual(forumTables(a));
    const newest = manifest.ranges.map((r) => r.to).sort().at(-1) ?? '';
    expect(b.clock.now() > newest).toBe(true);
  });

  it('reports a refusal from the worker as the same typed error, changing nothing', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const forum = createDemoForum(a);
    const before = snapshot(b);
    const { bytes } = exportBundle(a, { forumId: forum.id });
    await expect(importInWorker(b, config, bytes, { trustNewDevice: false, backupDir: tempDir() })).rejects.toMatchObject({
      code: 'bundle_rejected',
      message: expect.stringMatching(/Compare its fingerprint/),
    });
    await expect(importInWorker(b, config, new TextEncoder().encode('not a bundle'), { trustNewDevice: true })).rejects.toMatchObject({
      code: 'bundle_rejected',
    });
    expect(snapshot(b)).toBe(before);
  });

  it('imports a participant list on its own connection, and this connection writes after it in clock order', async () => {
    const ctx = await tempCore();
    const forum = createForum(ctx, validForum);
    const csv = 'Name;Organisation;Country\nAïcha Benali;Ville de Rabat;Maroc\n王小明;松阳县;中国\n';
    const request = { forumId: forum.id, file: { fileName: 'list.csv', data: Buffer.from(csv).toString('base64') }, duplicates: 'skip' as const };
    expect(await participantImportInWorker(ctx, config, request, { backupDir: tempDir() })).toEqual({ created: 2, merged: 0, skipped: 0 });
    const rows = ctx.db.prepare('SELECT name, country FROM participants WHERE forum_id = ? ORDER BY country').all(forum.id);
    expect(rows).toEqual([
      { name: '王小明', country: 'CN' },
      { name: 'Aïcha Benali', country: 'MA' },
    ]);
    const newestWritten = ctx.db.prepare('SELECT max(hlc) FROM changes').pluck().get() as string;
    expect(ctx.clock.now() > newestWritten).toBe(true);
  });

  it('refuses a participant list with errors from the worker as the same typed error, changing nothing', async () => {
    const ctx = await tempCore();
    const forum = createForum(ctx, validForum);
    const before = snapshot(ctx);
    const csv = 'Name,Email\n,nobody@example.org\n';
    const request = { forumId: forum.id, file: { fileName: 'bad.csv', data: Buffer.from(csv).toString('base64') }, duplicates: 'skip' as const };
    await expect(participantImportInWorker(ctx, config, request, { backupDir: tempDir() })).rejects.toMatchObject({ code: 'import_rejected' });
    expect(snapshot(ctx)).toBe(before);
  });
});
