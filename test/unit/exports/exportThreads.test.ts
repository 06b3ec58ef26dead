import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../shared/exports';
import { dispatch } from '../../../main/core/commands/dispatch';
import { closeCore, type CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { exportThreads, exportWorkerScript } from '../../../main/core/exports/exportInWorker';
import { ExportThreads } from '../../../main/core/exports/exportThreads';
import { writeRow } from '../../../main/core/store/changeLog';
import { tempCore, tempDir } from '../helpers/tempCore';
import { outcomeRequest } from './outcomeExportFixture';

// The CLI the tests' global setup builds beside the worker threads, as `npm run build` does.
const builtCli = path.resolve(__dirname, '../../../.cache/test-worker/cli.cjs');

/** The export worker's job for the document in Markdown, as the handlers hand it over. */
const markdownJob = (documentId: string) => ({
  kind: 'outcome' as const,
  input: { documentId, format: 'md' as const, languages: ['en'], variant: 'clean' as const, annexes: { participation: false, provenance: false }, fallback: false, paper: 'a4' as const },
});

async function exported(ctx: CoreContext, documentId: string): Promise<string> {
  const result = await dispatch(ctx, 'cli', 'export:outcome', outcomeRequest(documentId));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return Buffer.from((result.value as ExportedFile).data, 'base64').toString('utf8');
}

async function demo() {
  const ctx = await tempCore();
  const forum = createDemoForum(ctx);
  return { ctx, documentId: forum.id };
}

const firstParagraph = (ctx: CoreContext, documentId: string) =>
  ctx.db.prepare('SELECT id FROM outcome_paragraphs WHERE document_id = ? AND deleted = 0 ORDER BY position LIMIT 1').pluck().get(documentId) as string;

/** Resolves once the worker thread has ended. */
const exitOf = (threads: ExportThreads) => new Promise<void>((resolve) => (threads as unknown as { idle?: { worker: NodeJS.EventEmitter } }).idle?.worker.once('exit', () => resolve()));

describe('export threads', () => {
  it('the next export takes the thread the last one left, and still reads what was written in between', async () => {
    const { ctx, documentId } = await demo();
    const before = await exported(ctx, documentId);
    const threads = exportThreads(ctx);
    expect(threads.started).toBe(1);
    expect(threads.waiting).toBe(true);

    writeRow(ctx, 'outcome_paragraphs', firstParagraph(ctx, documentId), { text: { en: 'We agree to meet again at the next forum.' } });
    const after = await exported(ctx, documentId);
    expect(threads.started).toBe(1);
    expect(before).not.toContain('We agree to meet again at the next forum.');
    expect(after).toContain('We agree to meet again at the next forum.');
  });

  it('exports asked for at once get threads of their own, and one is kept', async () => {
    const { ctx, documentId } = await demo();
    const [a, b, c] = await Promise.all([exported(ctx, documentId), exported(ctx, documentId), exported(ctx, documentId)]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    const threads = exportThreads(ctx);
    expect(threads.started).toBe(3);
    expect(threads.waiting).toBe(true);
    await exported(ctx, documentId);
    expect(threads.started).toBe(3);
  });

  it('a refused export gives its thread back for the next', async () => {
    const { ctx, documentId } = await demo();
    const threads = new ExportThreads(exportWorkerScript(ctx));
    try {
      const job = markdownJob(documentId);
      await expect(threads.run({ databasePath: path.join(tempDir(), 'no-such.sqlite'), job }, () => undefined)).rejects.toMatchObject({ code: 'internal' });
      expect(threads.waiting).toBe(true);
      const produced = await threads.run({ databasePath: ctx.databasePath, job }, () => undefined);
      expect(produced.kind).toBe('file');
      expect(threads.started).toBe(1);
    } finally {
      await threads.close();
    }
  });

  it('a thread that dies is reported, and the next export starts a new one', async () => {
    const { ctx, documentId } = await demo();
    // A stand-in script that dies on its first job, as a thread out of memory would.
    const dying = path.join(tempDir(), 'dying.cjs');
    fs.writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));");
    const threads = new ExportThreads(dying);
    const job = markdownJob(documentId);
    await expect(threads.run({ databasePath: ctx.databasePath, job }, () => undefined)).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('exit code 3') });
    expect(threads.waiting).toBe(false);
    await expect(threads.run({ databasePath: ctx.databasePath, job }, () => undefined)).rejects.toMatchObject({ code: 'internal' });
    expect(threads.started).toBe(2);
    await threads.close();
  });

  it('the kept thread ends after its idle time, and the next export starts a new one', async () => {
    const { ctx, documentId } = await demo();
    const threads = new ExportThreads(exportWorkerScript(ctx), 100);
    try {
      const job = markdownJob(documentId);
      await threads.run({ databasePath: ctx.databasePath, job }, () => undefined);
      expect(threads.waiting).toBe(true);
      await exitOf(threads);
      expect(threads.waiting).toBe(false);
      await threads.run({ databasePath: ctx.databasePath, job }, () => undefined);
      expect(threads.started).toBe(2);
    } finally {
      await threads.close();
    }
  });

  it('the CLI exits once its file is written, not after the kept thread\'s idle time', async () => {
    const { ctx } = await demo();
    const out = path.join(tempDir(), 'consensus.md');
    closeCore(ctx);
    const started = Date.now();
    const child = spawn(process.execPath, [builtCli, 'export', 'outcome', '--db', ctx.databasePath, '--out', out], { stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('First, ');
    // The thread would keep it two minutes; the export itself takes a second or two.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('closing the core ends the kept thread', async () => {
    const { ctx, documentId } = await demo();
    await exported(ctx, documentId);
    const threads = exportThreads(ctx);
    const exited = exitOf(threads);
    closeCore(ctx);
    await exited;
    expect(threads.waiting).toBe(false);
  });
});
