import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { chooseProse, proseVersions } from '../../../main/core/store/proseVersions';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { forumInput } from '../../../shared/forum';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';
import { forumTables } from './forumTables';
import { importBytes } from '../helpers/exchange';

async function send(from: CoreContext, to: CoreContext, forumId: string) {
  await importBytes(to, exportBundle(from, { forumId }).bytes);
}

async function twoLaptopsWithANote(skewB = 0) {
  const a = await tempCore();
  const b = await tempCore({ wallClock: () => Date.now() + skewB });
  const forumId = createForum(a, forumInput.parse(validForum)).id;
  writeRow(a, 'notes', 'note-1', { forum_id: forumId, text: 'Villages need broadband.', lang: 'en', deleted: 0 });
  await send(a, b, forumId);
  const text = (ctx: CoreContext) => ctx.db.prepare("SELECT text FROM notes WHERE id = 'note-1'").pluck().get();
  return { a, b, forumId, text };
}

describe('prose edited on two laptops', () => {
  it('keeps both concurrent versions on every laptop, the same one shown everywhere', async () => {
    const { a, b, forumId, text } = await twoLaptopsWithANote();
    writeRow(a, 'notes', 'note-1', { text: 'Villages need broadband and roads.' });
    writeRow(b, 'notes', 'note-1', { text: 'Villages need affordable broadband.' });
    await send(a, b, forumId);
    await send(b, a, forumId);
    const versions = proseVersions(a, 'notes', 'note-1', 'text');
    expect(versions.map((v) => v.text).sort()).toEqual(['Villages need affordable broadband.', 'Villages need broadband and roads.']);
    expect(proseVersions(b, 'notes', 'note-1', 'text')).toEqual(versions);
    expect(text(a)).toBe(versions[0]?.text);
    expect(text(b)).toBe(versions[0]?.text);
    expect(forumTables(b)).toEqual(forumTables(a));
  });

  it('settles on the chosen text everywhere once someone chooses, keeping the rest in history', async () => {
    const { a, b, forumId, text } = await twoLaptopsWithANote();
    writeRow(a, 'notes', 'note-1', { text: 'Version A.' });
    writeRow(b, 'notes', 'note-1', { text: 'Version B.' });
    await send(b, a, forumId);
    chooseProse(a, 'notes', 'note-1', 'text', 'Version A, with B’s point.');
    await send(a, b, forumId);
    for (const laptop of [a, b]) {
      expect(proseVersions(laptop, 'notes', 'note-1', 'text').map((v) => v.text)).toEqual(['Version A, with B’s point.']);
      expect(text(laptop)).toBe('Version A, with B’s point.');
    }
    const history = b.db.prepare("SELECT cells ->> '$.text' FROM changes WHERE row_id = 'note-1'").pluck().all();
    expect(history).toEqual(expect.arrayContaining(['Villages need broadband.', 'Version A.', 'Version B.']));
  });

  it('treats an edit made after seeing another as its successor, even on a laptop whose clock is an hour behind', async () => {
    const { a, b, forumId, text } = await twoLaptopsWithANote(-60 * 60 * 1000);
    writeRow(a, 'notes', 'note-1', { text: 'Edited on A.' });
    await send(a, b, forumId);
    writeRow(b, 'notes', 'note-1', { text: 'Edited on B after reading A.' });
    await send(b, a, forumId);
    for (const laptop of [a, b]) {
      expect(proseVersions(laptop, 'notes', 'note-1', 'text').map((v) => v.text)).toEqual(['Edited on B after reading A.']);
      expect(text(laptop)).toBe('Edited on B after reading A.');
    }
  });

  it('keeps concurrent translations of an outcome paragraph per language', async () => {
    const { a, b, forumId } = await twoLaptopsWithANote();
    writeRow(a, 'outcome_paragraphs', 'p1', { forum_id: forumId, text: { en: 'First, ...', fr: 'Premièrement, ...' }, position: 'a0', status: 'draft', deleted: 0 });
    await send(a, b, forumId);
    writeRow(a, 'outcome_paragraphs', 'p1', { text: { fr: 'Premièrement, nous…' } });
    writeRow(b, 'outcome_paragraphs', 'p1', { text: { fr: 'En premier lieu, nous…' } });
    await send(a, b, forumId);
    await send(b, a, forumId);
    expect(proseVersions(a, 'outcome_paragraphs', 'p1', 'text@fr')).toHaveLength(2);
    expect(proseVersions(b, 'outcome_paragraphs', 'p1', 'text@en')).toHaveLength(1);
    expect(forumTables(b)).toEqual(forumTables(a));
  });
});

describe('settling versions through the contract', () => {
  it('shows the other versions in the forum overview until one is chosen', async () => {
    const { a, b, forumId } = await twoLaptopsWithANote();
    writeRow(a, 'outcome_paragraphs', 'p1', { forum_id: forumId, text: { en: 'First, we agree.' }, position: 'a0', status: 'draft', deleted: 0 });
    await send(a, b, forumId);
    writeRow(a, 'outcome_paragraphs', 'p1', { text: { en: 'First, we broadly agree.' } });
    writeRow(b, 'outcome_paragraphs', 'p1', { text: { en: 'First, we agree in principle.' } });
    await send(b, a, forumId);
    const overview = await dispatch(a, 'http', 'forums:overview', { id: forumId });
    if (!overview.ok) throw new Error(overview.error.message);
    const [paragraph] = (overview.value as { paragraphs: Array<{ text: Record<string, string>; alternatives: Record<string, string[]> }> }).paragraphs;
    const shownAndOthers = [paragraph?.text.en, ...(paragraph?.alternatives.en ?? [])].sort();
    expect(shownAndOthers).toEqual(['First, we agree in principle.', 'First, we broadly agree.']);

    const chosen = await dispatch(a, 'http', 'prose:choose', { table: 'outcome_paragraphs', rowId: 'p1', cell: 'text@en', text: 'First, we agree in principle.' });
    expect(chosen).toEqual({ ok: true, value: { versions: 1 } });
    await send(a, b, forumId);
    const after = await dispatch(b, 'http', 'forums:overview', { id: forumId });
    expect(after).toMatchObject({ ok: true, value: { paragraphs: [{ text: { en: 'First, we agree in principle.' }, alternatives: {} }] } });
  });

  it.each([
    ['a cell that is not prose', { table: 'notes', rowId: 'note-1', cell: 'lang', text: 'x' }, 'invalid_input'],
    ['a language on a note', { table: 'notes', rowId: 'note-1', cell: 'text@en', text: 'x' }, 'invalid_input'],
    ['a table without prose', { table: 'participants', rowId: 'note-1', cell: 'text', text: 'x' }, 'invalid_input'],
    ['a row that does not exist', { table: 'notes', rowId: 'no-such-note', cell: 'text', text: 'x' }, 'not_found'],
  ])('refuses %s and changes nothing', async (_label, payload, code) => {
    const { a } = await twoLaptopsWithANote();
    const before = snapshot(a);
    expect(await dispatch(a, 'http', 'prose:choose', payload)).toMatchObject({ ok: false, error: { code } });
    expect(snapshot(a)).toBe(before);
  });
});
