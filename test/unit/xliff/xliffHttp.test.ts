import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { maxRequestBytes, startHttpServer, type RunningServer } from '../../../main/core/transport/httpServer';
import { snapshot, tempDir } from '../helpers/tempCore';
import { exportFile, translateLikeCatTool, xliffForum } from './xliffFixture';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('translators\' files through browser mode', () => {
  it('takes a file larger than an ordinary request, and answers a refused one with 422 and its code', async () => {
    const { ctx, forum } = await xliffForum();
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Plenary</title>');
    server = await startHttpServer({ ctx, staticDir });
    const running = server;
    const call = (name: string, body: unknown) =>
      fetch(`http://127.0.0.1:${running.port}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${running.token}` }, body: JSON.stringify(body) });
    const translated = translateLikeCatTool((await exportFile(ctx, forum.id, 'es')).xml, 'es', () => false);
    // A CAT tool's file often carries its own bulk (a tool's metadata, a translation memory match list).
    const bulky = translated.replace('</xliff>', `<!--${'m'.repeat(2 * maxRequestBytes)}--></xliff>`);
    const previewed = await call('xliff:preview', { forumId: forum.id, fileName: 'es.xlf', xml: bulky });
    expect(previewed.status).toBe(200);
    expect(await previewed.json()).toMatchObject({ ok: true, value: { translated: 8 } });

    const before = snapshot(ctx);
    const bomb = translated.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE x [<!ENTITY a "a">]>');
    const refused = await call('xliff:import', { forumId: forum.id, fileName: 'bomb.xlf', xml: bomb });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'xliff_doctype' } });
    expect(snapshot(ctx)).toBe(before);
  });
});
