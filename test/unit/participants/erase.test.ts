import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore, type CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { forumTables } from '../sync/forumTables';
import { cli } from '../helpers/cli';
import { importBytes } from '../helpers/exchange';
import { snapshot, tempCore } from '../helpers/tempCore';

const bundleText = (bytes: Uint8Array) => Object.values(unzipSync(bytes)).map((entry) => strFromU8(entry)).join('\n');

/** Everything the database holds on disk, the WAL included, as text to search. */
const onDisk = (ctx: CoreContext) =>
  [ctx.databasePath, `${ctx.databasePath}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('');

async function demoWithPerson(referenced = false) {
  const a = await tempCore();
  const forum = createDemoForum(a);
  // For the travels test, someone the agenda and the notes point at: an erased person must still be
  // there for them to point at on a laptop that receives the tombstone first.
  const pointedAt = `AND EXISTS (SELECT 1 FROM session_roles r WHERE r.participant_id = p.id) AND EXISTS (SELECT 1 FROM notes n WHERE n.speaker_id = p.id)`;
  const person = a.db
    .prepare(`SELECT p.id, p.name, p.email FROM participants p WHERE p.forum_id = ? AND p.email IS NOT NULL AND p.email <> '' ${referenced ? pointedAt : ''} LIMIT 1`)
    .get(forum.id) as {
    id: string;
    name: string;
    email: string;
  };
  return { a, forumId: forum.id, person };
}

describe('erasing a participant’s personal data', () => {
  it('removes it from the list, the log, the search index and the file, and from every bundle made afterwards', async () => {
    const { a, forumId, person } = await demoWithPerson();
    expect(onDisk(a)).toContain(person.email);
    expect(await invoke(a, 'participants:erase', { id: person.id })).toEqual({ id: person.id, erased: true });

    expect(a.db.prepare('SELECT name, organisation, email, erased, deleted FROM participants WHERE id = ?').get(person.id)).toEqual({
      name: null,
      organisation: null,
      email: null,
      erased: 1,
      deleted: 1,
    });
    expect(a.db.prepare('SELECT count(*) FROM changes WHERE instr(cells, ?) > 0 OR instr(cells, ?) > 0').pluck().get(person.email, person.name)).toBe(0);
    expect((await invoke(a, 'participants:query', { forumId, text: person.email })).total).toBe(0);
    expect(onDisk(a)).not.toContain(person.email);
    const after = bundleText(exportBundle(a, { forumId }).bytes);
    expect(after).not.toContain(person.email);
    expect(after).not.toContain(person.name);
  });

  it('travels: laptops that had the person erase them too, and an old bundle never brings them back', async () => {
    const { a, forumId, person } = await demoWithPerson(true);
    const before = exportBundle(a, { forumId }).bytes;
    const b = await tempCore();
    await importBytes(b, before);
    await invoke(a, 'participants:erase', { id: person.id });
    const erased = exportBundle(a, { forumId }).bytes;

    await importBytes(b, erased);
    expect(forumTables(b)).toEqual(forumTables(a));
    expect(b.db.prepare('SELECT count(*) FROM changes WHERE instr(cells, ?) > 0').pluck().get(person.email)).toBe(0);
    await importBytes(b, before);
    expect(b.db.prepare('SELECT email, erased FROM participants WHERE id = ?').get(person.id)).toEqual({ email: null, erased: 1 });
    expect(b.db.prepare('SELECT count(*) FROM changes WHERE instr(cells, ?) > 0').pluck().get(person.email)).toBe(0);

    // A laptop that never met the person gets the tombstone and nothing else; relayed on, it verifies.
    const c = await tempCore();
    await importBytes(c, erased);
    await importBytes(c, before);
    expect(forumTables(c)).toEqual(forumTables(a));
    const d = await tempCore();
    await importBytes(d, exportBundle(c, { forumId }).bytes);
    expect(forumTables(d)).toEqual(forumTables(a));
    expect(bundleText(exportBundle(d, { forumId }).bytes)).not.toContain(person.email);
  });

  it('refuses an unknown person, changing nothing', async () => {
    const { a } = await demoWithPerson();
    const before = snapshot(a);
    await expect(invoke(a, 'participants:erase', { id: 'nobody-at-all' })).rejects.toMatchObject({ code: 'not_found' });
    expect(snapshot(a)).toBe(before);
  });
});

describe('plenary participants erase', () => {
  it('erases by id once confirmed, and refuses without --confirm or an id, changing nothing', async () => {
    const { a, person } = await demoWithPerson();
    const db = a.databasePath;
    closeCore(a);
    const before = fs.readFileSync(db);
    expect(await cli('participants', 'erase', '--db', db, '--id', person.id)).toMatchObject({ code: 2, err: expect.stringMatching(/add --confirm/) });
    expect(await cli('participants', 'erase', '--db', db, '--confirm')).toMatchObject({ code: 2, err: expect.stringMatching(/--id ID/) });
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(await cli('participants', 'erase', '--db', db, '--id', 'nobody-at-all', '--confirm')).toMatchObject({ code: 1 });
    expect(await cli('participants', 'erase', '--db', db, '--id', person.id, '--confirm')).toMatchObject({ code: 0, out: expect.stringMatching(/Erased the personal data/) });
    const reopened = await openCore(db);
    expect(reopened.db.prepare('SELECT email, erased FROM participants WHERE id = ?').get(person.id)).toEqual({ email: null, erased: 1 });
    closeCore(reopened);
  });
});
