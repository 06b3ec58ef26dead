import { describe, expect, it } from 'vitest';
import { catalogue, type Catalogue } from '../../../shared/capture';
import { uiLanguages } from '../../../shared/languages';
import { call } from '../agenda/agendaFixture';
import { tempCore } from '../helpers/tempCore';
import { captureForum, createNote } from './captureFixture';

const scripts: Record<string, RegExp> = { ar: /\p{Script=Arabic}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u };

async function catalogues(): Promise<Catalogue[]> {
  return call<Catalogue[]>(await tempCore(), 'catalogues:get', {});
}

const itemsOf = (list: Catalogue[], id: string) => list.find((c) => c.id === id)?.items ?? [];

describe('catalogues', () => {
  it('ship the SDGs, the New Urban Agenda and the URL-GP, valid against the contract', async () => {
    const list = await catalogues();
    expect(list.map((c) => c.id)).toEqual(['sdg', 'nua', 'urlgp']);
    for (const c of list) expect(catalogue.parse(c)).toEqual(c);
  });

  it('give every catalogue and item a short title of our own in all six languages', async () => {
    for (const c of await catalogues()) {
      for (const { id, title } of [{ id: c.id, title: c.title }, ...c.items]) {
        expect(Object.keys(title).sort(), id).toEqual([...uiLanguages].sort());
        for (const lang of uiLanguages) {
          const text = title[lang] ?? '';
          expect(text.trim(), `${id} ${lang}`).not.toBe('');
          expect(text.length, `${id} ${lang}: a tag title, not a paragraph`).toBeLessThanOrEqual(90);
          if (lang !== 'en') expect(text, `${id} ${lang} is the English title copied`).not.toBe(title.en);
          const script = scripts[lang];
          if (script) expect(text, `${id} ${lang}`).toMatch(script);
        }
      }
    }
  });

  it('have unique ids, each in its catalogue, with parents that exist', async () => {
    const list = await catalogues();
    const ids = list.flatMap((c) => c.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of list) {
      for (const item of c.items) {
        expect(item.id.startsWith(`${c.id}:`), item.id).toBe(true);
        expect(item.code.trim(), item.id).not.toBe('');
        if (item.parent !== null) expect(c.items.map((i) => i.id)).toContain(item.parent);
      }
    }
  });

  it('list the 17 goals and every Goal 11 target under Goal 11', async () => {
    const sdg = itemsOf(await catalogues(), 'sdg');
    const goals = sdg.filter((i) => i.parent === null);
    expect(goals.map((g) => g.id)).toEqual(Array.from({ length: 17 }, (_, i) => `sdg:${i + 1}`));
    const targets = ['11.1', '11.2', '11.3', '11.4', '11.5', '11.6', '11.7', '11.a', '11.b', '11.c'];
    for (const code of targets) {
      expect(sdg.find((i) => i.id === `sdg:${code}`), code).toMatchObject({ code, parent: 'sdg:11' });
    }
  });

  it('hold the New Urban Agenda paragraphs the reference documents cite, and the URL-GP’s ten principles and eleven fields of action', async () => {
    const list = await catalogues();
    const nua = itemsOf(list, 'nua').map((i) => i.id);
    for (const paragraph of [49, 50, 75, 96, 136]) expect(nua).toContain(`nua:${paragraph}`);
    expect(itemsOf(list, 'nua').find((i) => i.id === 'nua:49')?.code).toBe('¶ 49');
    const urlgp = itemsOf(list, 'urlgp');
    expect(urlgp.filter((i) => i.parent === 'urlgp:principles').map((i) => [i.id, i.code])).toEqual(
      Array.from({ length: 10 }, (_, i) => [`urlgp:p${i + 1}`, `P${i + 1}`]),
    );
    expect(urlgp.filter((i) => i.parent === 'urlgp:fields').map((i) => [i.id, i.code])).toEqual(
      Array.from({ length: 11 }, (_, i) => [`urlgp:f${i + 1}`, `F${i + 1}`]),
    );
  });

  it('are accepted item by item as tags on a note', async () => {
    const { ctx, plenary } = await captureForum();
    const ids = (await call<Catalogue[]>(ctx, 'catalogues:get', {})).flatMap((c) => c.items.map((i) => i.id));
    for (let start = 0; start < ids.length; start += 50) {
      const tags = ids.slice(start, start + 50);
      expect((await createNote(ctx, { sessionId: plenary, text: 'Tagged.', tags })).tags).toEqual(tags);
    }
  });
});
