import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, type CoreContext } from '../../../main/core/coreContext';
import { backupFolder } from '../../../main/core/store/backupDatabase';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { backUpAhead } from '../../../main/core/sync/backupAhead';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { importBundles } from '../../../main/core/sync/importSession';
import { forumInput } from '../../../shared/forum';
import { importBytes } from '../helpers/exchange';
import { tempCore, tempDir, validForum } from '../helpers/tempCore';

/** The secretariat holding a forum, and a rapporteur's bundle of two new notes in it. */
async function secretariatAndBundle() {
  const origin = await tempCore();
  const forumId = createForum(origin, forumInput.parse(validForum)).id;
  const base = exportBundle(origin, { forumId }).bytes;
  const secretariat = await tempCore();
  await importBytes(secretariat, base);
  const laptop = await tempCore();
  await importBytes(laptop, base);
  laptop.db.transaction(() => {
    writeRow(laptop, 'notes', 'note-from-the-hall', { forum_id: forumId, lang: 'en', text: 'Villages need their schools', deleted: 0 });
    writeRow(laptop, 'notes', 'note-from-the-floor', { forum_id: forumId, lang: 'en', text: 'And their buses', deleted: 0 });
  })();
  const bytes = exportBundle(laptop, { forumId }).bytes;
  return { secretariat, forumId, files: [{ name: 'rapporteur.plenary', bytes }] };
}

const asFiles = (files: Array<{ name: string; bytes: Uint8Array }>) => files.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));

/** The backups beside the database, whole ones only (not a copy still being made). */
function backups(ctx: CoreContext, dir = backupFolder(ctx.databasePath)): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.sqlite')).sort() : [];
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Still waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The backups that appear after `before`, waited for until there are `count` of them. */
async function newBackups(ctx: CoreContext, before: readonly string[], count: number, dir?: string): Promise<string[]> {
  const fresh = () => backups(ctx, dir).filter((name) => !before.includes(name));
  await until(() => fresh().length === count, `${count} new backups`);
  return fresh();
}

function notesIn(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id FROM notes ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('the backup begun while a preview is read', () => {
  it('is the one the import takes: no second backup, and it holds the database as it was before the import', async () => {
    const { secretariat, files } = await secretariatAndBundle();
    const before = backups(secretariat);
    const preview = await invoke(secretariat, 'bundles:preview', { files: asFiles(files) });
    expect(preview.bundles.map((b) => b.status)).toEqual(['ready']);
    const [ahead] = await newBackups(secretariat, before, 1);

    const session = await importBundles(secretariat, files, { trust: true });
    expect(session.bundles.map((b) => b.status)).toEqual(['imported']);
    expect(session.backupPath).toBe(path.join(backupFolder(secretariat.databasePath), ahead ?? ''));
    expect(backups(secretariat).filter((name) => !before.includes(name))).toEqual([ahead]);
    expect(notesIn(session.backupPath ?? '')).toEqual([]);
    expect(secretariat.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(2);
  });

  it('is let go when anything was written after it began: the import backs up afresh, with that write in it', async () => {
    const { secretariat, forumId, files } = await secretariatAndBundle();
    const before = backups(secretariat);
    await invoke(secretariat, 'bundles:preview', { files: asFiles(files) });
    const [ahead] = await newBackups(secretariat, before, 1);
    // The secretariat types a note of its own while reading the preview.
    writeRow(secretariat, 'notes', 'note-while-reading', { forum_id: forumId, lang: 'en', text: 'Read before importing', deleted: 0 });

    const session = await importBundles(secretariat, files, { trust: true });
    expect(session.bundles.map((b) => b.status)).toEqual(['imported']);
    const [fresh, ...others] = await newBackups(secretariat, before, 1);
    expect(others).toEqual([]);
    expect(fresh).not.toBe(ahead);
    expect(session.backupPath).toBe(path.join(backupFolder(secretariat.databasePath), fresh ?? ''));
    expect(notesIn(session.backupPath ?? '')).toEqual(['note-while-reading']);
  });

  it('is let go when another program committed to the database meanwhile (the CLI beside the app)', async () => {
    const { secretariat, files } = await secretariatAndBundle();
    const before = backups(secretariat);
    await invoke(secretariat, 'bundles:preview', { files: asFiles(files) });
    const [ahead] = await newBackups(secretariat, before, 1);
    const cli = new Database(secretariat.databasePath);
    cli.prepare("INSERT INTO meta (key, value) VALUES ('written-by-another-program', 'yes')").run();
    cli.close();

    const session = await importBundles(secretariat, files, { trust: true });
    const [fresh, ...others] = await newBackups(secretariat, before, 1);
    expect(others).toEqual([]);
    expect(fresh).not.toBe(ahead);
    const copy = new Database(session.backupPath ?? '', { readonly: true });
    try {
      expect(copy.prepare("SELECT value FROM meta WHERE key = 'written-by-another-program'").pluck().get()).toBe('yes');
    } finally {
      copy.close();
    }
  });

  it('is let go when the import backs up to another folder', async () => {
    const { secretariat, files } = await secretariatAndBundle();
    const before = backups(secretariat);
    await invoke(secretariat, 'bundles:preview', { files: asFiles(files) });
    await newBackups(secretariat, before, 1);
    const elsewhere = tempDir();

    const session = await importBundles(secretariat, files, { trust: true, backupDir: elsewhere });
    expect(path.dirname(session.backupPath ?? '')).toBe(elsewhere);
    expect(backups(secretariat, elsewhere)).toHaveLength(1);
    await until(() => backups(secretariat).length === before.length, 'the backup begun for the preview removed');
  });

  it('is made again at the import when it failed', async () => {
    const { secretariat, files } = await secretariatAndBundle();
    const folder = backupFolder(secretariat.databasePath);
    const before = backups(secretariat);
    // A file where the backups' folder should be: the backup begun for the preview cannot be made.
    fs.renameSync(folder, `${folder}-aside`);
    fs.writeFileSync(folder, 'not a folder');
    await invoke(secretariat, 'bundles:preview', { files: asFiles(files) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    fs.rmSync(folder);
    fs.renameSync(`${folder}-aside`, folder);

    const session = await importBundles(secretariat, files, { trust: true });
    expect(session.bundles.map((b) => b.status)).toEqual(['imported']);
    expect(await newBackups(secretariat, before, 1)).toEqual([path.basename(session.backupPath ?? '')]);
    expect(notesIn(session.backupPath ?? '')).toEqual([]);
  });

  it('serves the previews that follow while nothing is written, and is made again after a write', async () => {
    const { secretariat, forumId, files } = await secretariatAndBundle();
    const before = backups(secretariat);
    await invoke(secretariat, 'bundles:preview', { files: asFiles(files) });
    const [first] = await newBackups(secretariat, before, 1);
    // More files added to the list: the session is previewed again, and the backup still serves.
    await invoke(secretariat, 'bundles:preview', { files: asFiles([...files, ...files]) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await newBackups(secretariat, before, 1)).toEqual([first]);

    writeRow(secretariat, 'notes', 'note-between-previews', { forum_id: forumId, lang: 'en', text: 'Typed between two previews', deleted: 0 });
    await invoke(secretariat, 'bundles:preview', { files: asFiles(files) });
    await until(() => !backups(secretariat).includes(first ?? ''), 'the backup from before the write removed');
    const [second] = await newBackups(secretariat, before, 1);
    const session = await importBundles(secretariat, files, { trust: true });
    expect(path.basename(session.backupPath ?? '')).toBe(second);
    expect(notesIn(session.backupPath ?? '')).toEqual(['note-between-previews']);
  });

  it('leaves nothing behind when no import comes: the time running out, or the app closing', async () => {
    const { secretariat, files } = await secretariatAndBundle();
    const before = backups(secretariat);
    // Kept a second here (ten minutes in the app): long enough to be made first on a loaded machine.
    backUpAhead(secretariat, undefined, 1_000);
    await newBackups(secretariat, before, 1);
    await until(() => backups(secretariat).length === before.length, 'the backup nobody imported removed when its time ran out');

    await invoke(secretariat, 'bundles:preview', { files: asFiles(files) });
    await newBackups(secretariat, before, 1);
    closeCore(secretariat);
    await until(() => backups(secretariat).length === before.length, 'the backup removed as the app closed');
  });

  it('is not begun for a preview with nothing to import', async () => {
    const { secretariat, files } = await secretariatAndBundle();
    const before = backups(secretariat);
    const damaged = files.map((f) => ({ ...f, bytes: f.bytes.slice(0, Math.floor(f.bytes.length / 2)) }));
    const preview = await invoke(secretariat, 'bundles:preview', { files: asFiles(damaged) });
    expect(preview.bundles.map((b) => b.status)).toEqual(['refused']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(backups(secretariat)).toEqual(before);
  });
});
