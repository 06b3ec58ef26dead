import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { syncedTables, type SyncedTable } from '../../../main/core/store/syncedTables';
import type { BundleManifest } from '../../../main/core/sync/bundleFormat';
import { cellLimits, notNullTextColumns, textLimit } from '../../../main/core/sync/changeLine';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { readBundle } from '../../../main/core/sync/readBundle';
import { snapshot, tempCore } from '../helpers/tempCore';
import { craft } from './craftBundle';
import { cleanMessage, refusalOf } from './refusal';
import { importBytes } from '../helpers/exchange';

const hlc = '000000000000100-0000';

async function signer() {
  const a = await tempCore();
  const forum = createDemoForum(a);
  /** A bundle of one signed change line to `table`, with whatever cells and parents it is given. */
  const bundle = (table: string, cells: unknown, parents?: unknown, rowId: unknown = 'row-1') => {
    const line = JSON.stringify([a.deviceId, hlc, table, rowId, cells, ...(parents === undefined ? [] : [parents])]);
    return craft(a, forum.id, (m: BundleManifest) => (m.counts = { [table]: 1 }), `${line}\n`);
  };
  return { a, forum, bundle };
}

const deep = (depth: number): unknown => (depth === 0 ? 'theme:x' : [deep(depth - 1)]);

describe('every cell of a bundle is checked against its column', () => {
  it.each<[string, string, unknown, unknown, RegExp]>([
    ['a word in a whole-number column', 'notes', { deleted: 'yes' }, undefined, /“notes\.deleted” to something other than a whole number/],
    ['a fraction in a whole-number column', 'forums', { is_demo: 0.5 }, undefined, /“forums\.is_demo” to something other than a whole number/],
    ['null in a whole-number column', 'notes', { key_point: null }, undefined, /“notes\.key_point” to something other than a whole number/],
    ['a number in a text column', 'participants', { name: 123 }, undefined, /“participants\.name” to something other than text/],
    ['an object in a text column', 'participants', { email: { a: 1 } }, undefined, /“participants\.email” to something other than text/],
    ['null where the schema forbids it', 'outcome_paragraphs', { kind: null }, undefined, /“outcome_paragraphs\.kind” to something other than text/],
    ['a long name', 'participants', { name: 'x'.repeat(cellLimits.shortChars + 1) }, undefined, /“participants\.name” to more than 10,000 characters/],
    ['a long row reference', 'notes', { speaker_id: 'x'.repeat(cellLimits.idChars + 1) }, undefined, /“notes\.speaker_id” to more than 200 characters/],
    ['a note longer than any form allows', 'notes', { text: 'x'.repeat(cellLimits.longChars + 1) }, { text: [] }, /“notes\.text” to more than 200,000 characters/],
    ['a translation longer than any form allows', 'forums', { 'preamble@fr': 'x'.repeat(cellLimits.longChars + 1) }, undefined, /“forums\.preamble” to more than 200,000 characters/],
    ['a string for a list', 'notes', { tags: 'theme:x' }, undefined, /“notes\.tags” to something other than a list/],
    ['tags nested nine deep', 'notes', { tags: deep(9) }, undefined, /nests “notes\.tags” more than 8 levels deep/],
    ['a huge list', 'participants', { roles: Array.from({ length: 20_000 }, () => 'speaker') }, undefined, /“participants\.roles” to more than 100,000 characters/],
    ['a multilingual column without its language', 'forums', { title: 'Forum' }, undefined, /sets the multilingual “forums\.title” without saying in which language/],
    ['a multilingual column in no language', 'forums', { 'title@EN!': 'Forum' }, undefined, /sets “forums\.title” in “EN!”, which is not a language tag/],
    ['a number as a translation', 'forums', { 'title@en': 5 }, undefined, /“forums\.title” to something other than text/],
    ['a column of another table', 'notes', { organisation: 'x' }, undefined, /unknown column “notes\.organisation”/],
    // What a newer Plenary adds reads as unknown here: the refusal says what to do about it.
    ['a column from a newer Plenary', 'notes', { mood: 'x' }, undefined, /unknown column “notes\.mood” \(a newer version of Plenary may have written it: update Plenary on this laptop/],
    ['a table from a newer Plenary', 'minutes', { text: 'x' }, undefined, /unknown table “minutes” \(a newer version of Plenary may have written it/],
    ['a table named in control characters', '\u0007\u001b[2Jnotes', { text: 'x' }, undefined, /unknown table \(its name is not readable\)/],
    ['no cells at all', 'notes', {}, undefined, /changes no cell/],
    ['replaced edits that are not edits', 'notes', { text: 'x' }, { text: ['DROP TABLE notes'] }, /names the edits “notes\.text” replaces in a form Plenary does not write/],
    ['a list of cells instead of an object', 'notes', ['text', 'x'], undefined, /is not a change/],
  ])('refuses %s, saying which line and column', async (_label, table, cells, parents, message) => {
    const { bundle } = await signer();
    const error = refusalOf(() => readBundle(bundle(table, cells, parents)));
    expect(error.message).toMatch(/^Line 1 of the bundle’s changes /);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/; the bundle was not imported\.$/);
    cleanMessage(error.message);
  });

  it('refuses a row id past 200 characters, a clock that is not one, and a line past 4 MiB', async () => {
    const { a, forum, bundle } = await signer();
    expect(refusalOf(() => readBundle(bundle('notes', { lang: 'en' }, undefined, 'r'.repeat(201)))).message).toMatch(/has no valid row id \(at most 200 characters\)/);
    const badClock = JSON.stringify([a.deviceId, 'tomorrow', 'notes', 'row-1', { lang: 'en' }]);
    expect(refusalOf(() => readBundle(craft(a, forum.id, (m) => (m.counts = { notes: 1 }), `${badClock}\n`))).message).toMatch(/has no valid clock reading/);
    // Random text, so that the line is long without compressing like a bomb.
    const text = randomBytes((cellLimits.lineChars * 3) / 4).toString('base64');
    const long = JSON.stringify([a.deviceId, hlc, 'notes', 'row-1', { lang: 'en', text }, { text: [] }]);
    const error = refusalOf(() => readBundle(craft(a, forum.id, (m) => (m.counts = { notes: 1 }), `${long}\n`)));
    expect(error.message).toBe('Line 1 of the bundle’s changes is longer than 4 MiB; the bundle was not imported.');
  });

  it('refuses a list nested 100,000 deep, which JSON.stringify could not even write back', async () => {
    const { a, forum } = await signer();
    const tags = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`;
    const line = `[${JSON.stringify(a.deviceId)},"${hlc}","notes","row-1",{"tags":${tags}}]\n`;
    const error = refusalOf(() => readBundle(craft(a, forum.id, (m) => (m.counts = { notes: 1 }), line)));
    expect(error.message).toBe('Line 1 of the bundle’s changes nests “notes.tags” more than 8 levels deep; the bundle was not imported.');
  });

  it('calls changes that are not UTF-8 text damaged, even when signed', async () => {
    const { a, forum } = await signer();
    const line = `[${JSON.stringify(a.deviceId)},"${hlc}","notes","row-1",{"lang":"\u00ff"}]\n`;
    const latin1 = new Uint8Array(Buffer.from(line, 'latin1'));
    const error = refusalOf(() => readBundle(craft(a, forum.id, (m) => (m.counts = { notes: 1 }), latin1)));
    expect(error.message).toMatch(/^The file is damaged|is not readable/);
    cleanMessage(error.message);
  });

  it('accepts what the forms accept: a 100,000-character note, booleans for flags, tags eight deep', async () => {
    const { a, forum, bundle } = await signer();
    const note = { forum_id: forum.id, lang: 'en', text: 'é'.repeat(100_000), key_point: true, tags: deep(8), deleted: 0 };
    const read = readBundle(bundle('notes', note, { text: [] }, 'note-long'));
    expect(JSON.parse(read.changes[0]?.cells ?? '{}')).toEqual(note);
    const b = await tempCore();
    await importBytes(b, exportBundle(a, { forumId: forum.id }).bytes);
    await importBytes(b, bundle('notes', { ...note, tags: ['theme:land'] }, { text: [] }, 'note-long'));
    expect(b.db.prepare("SELECT length(text), key_point, tags FROM notes WHERE id = 'note-long'").get()).toEqual({ 'length(text)': 100_000, key_point: 1, tags: '["theme:land"]' });
  });

  it('keeps values SQLite would refuse away from it, so its text never reaches a message', async () => {
    const { bundle } = await signer();
    const b = await tempCore();
    const before = snapshot(b);
    // Before the cell checks, this reached the import and came back as "cannot store TEXT value in INTEGER column".
    let error: unknown;
    try {
      await importBytes(b, bundle('notes', { deleted: 'yes' }));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'bundle_rejected' });
    cleanMessage((error as Error).message);
    expect(snapshot(b)).toBe(before);
  });
});

describe('the cell rules agree with the schema', () => {
  it('integers are INTEGER columns, NOT NULL text columns are known, every column has a size', async () => {
    const ctx: CoreContext = await tempCore();
    for (const [table, columns] of Object.entries(syncedTables) as Array<[SyncedTable, Record<string, string>]>) {
      const info = ctx.db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string; type: string; notnull: number; dflt_value: string | null }>;
      for (const [column, kind] of Object.entries(columns)) {
        const col = info.find((c) => c.name === column);
        expect(col, `${table}.${column}`).toBeDefined();
        expect(col?.type, `${table}.${column}`).toBe(kind === 'integer' ? 'INTEGER' : 'TEXT');
        if (kind === 'text') expect(notNullTextColumns.has(`${table}.${column}`), `${table}.${column}`).toBe(col?.notnull === 1);
        if (kind === 'json' || kind === 'multilingual') expect(col?.dflt_value, `${table}.${column}`).toMatch(/^'(\[\]|\{\})'$/);
        expect(textLimit(table, column)).toBeGreaterThanOrEqual(cellLimits.idChars);
      }
    }
  });
});
