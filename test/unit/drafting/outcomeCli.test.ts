import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Forum } from '../../../shared/forum';
import type { OutcomeDocument } from '../../../shared/outcome';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempCore';
import { call } from './draftingFixture';

/** The demo forum with two open amendments and a rejected one on point 2, a stance on point 4, and a heading. */
async function demoDatabase() {
  const db = path.join(tempDir(), 'outcome.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  const ctx = await openCore(db);
  try {
    const [forum] = await call<Forum[]>(ctx, 'forums:list', {});
    const document = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: forum?.id ?? '' });
    const [, p2, , p4] = document.paragraphs;
    if (!p2 || !p4) throw new Error('the demo has six points');
    const propose = (text: string, name: string, rationale: string) =>
      call<{ id: string }>(ctx, 'amendments:propose', { paragraphId: p2.id, kind: 'replace', lang: 'en', text, proposer: { participantId: null, name }, rationale });
    const current = p2.text.en ?? '';
    await propose(current.replace('a diversified rural economy', 'a diverse rural economy'), 'Kenya', 'Plainer words.');
    await propose(`${current} Public banks should lend to villages.`, 'Mexico', '');
    const rejected = await propose('we will support farming.', 'Nobody', 'Too short.');
    await call(ctx, 'amendments:decide', { id: rejected.id, decision: 'rejected' });
    await call(ctx, 'stances:set', { paragraphId: p4.id, delegation: { participantId: null, name: 'Brazil' }, stance: 'objection', note: '' });
    await call(ctx, 'paragraphs:create', { documentId: document.id, after: null, kind: 'heading', text: { en: 'Principles', zh: '原则' } });
    return { db, document };
  } finally {
    closeCore(ctx);
  }
}

describe('plenary outcome show', () => {
  it('prints the clean document in English: title block, preamble, lead-in, ordinal points, closing', async () => {
    const { db } = await demoDatabase();
    const result = await cli('outcome', 'show', '--db', db, '--lang', 'en');
    expect(result).toMatchObject({ code: 0, err: '' });
    const lines = result.out.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Songyang Consensus 2026 on Urban-Rural Linkages', 'Valuing the Countryside: Culture, Nature and Connected Territories']);
    // British English, as every export writes it.
    expect(lines[2]).toBe('Songyang County, Lishui, Zhejiang, China, 23–25 November 2026');
    expect(lines).toContain('UN-Habitat');
    expect(lines).toContain('We, the participants and co-organisers, have therefore reached the following consensus:');
    expect(result.out).toMatch(/\nPrinciples\n\nFirst, the countryside holds values/);
    expect(result.out).toMatch(/\nSixth, we will document and share/);
    expect(result.out).not.toMatch(/Seventh|\[agreed\]|Kenya/);
    expect(lines.at(-1)).toBe('Songyang, 25 November 2026');
  });

  it('prints Chinese with Chinese ordinal words, and marks where the source language stands in', async () => {
    const { db } = await demoDatabase();
    const zh = await cli('outcome', 'show', '--db', db, '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.out.split('\n')[0]).toBe('2026年松阳城乡联系共识');
    expect(zh.out).toMatch(/\n第一，乡村拥有城市无法替代的价值/);
    expect(zh.out).toMatch(/\n第六，我们将记录和分享/);
    expect(zh.out).toMatch(/\n原则\n/);
    // The co-organisers as the Chinese version names them.
    expect(zh.out.split('\n')).toContain('联合国人居署');
    expect(zh.out).toMatch(/\n2026年11月25日，于松阳$/);
    const es = await cli('outcome', 'show', '--db', db, '--lang', 'es');
    // Point 5 has no Spanish: the English stands in, numbered in English, marked.
    expect(es.out).toMatch(/\nFifth, people are at the heart .* \(en\)\n/);
    expect(es.out).toMatch(/\nPrinciples \(en\)\n/);
    expect(es.out).toMatch(/\nPrimero, el campo encierra valores/);
  });

  it('adds statuses, stance tallies and open amendments as word diffs in the amendments variant', async () => {
    const { db } = await demoDatabase();
    const result = await cli('outcome', 'show', '--db', db, '--variant', 'amendments');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\nFirst, the countryside.*\n {4}\[agreed\] {2}support 0, objection 0, reservation 0\n/);
    expect(result.out).toMatch(/\n {4}\[bracketed\] {2}support 0, objection 1, reservation 0\n/);
    expect(result.out).toMatch(/\n {4}Amendments: 2 open of 3\n/);
    expect(result.out).toMatch(/\n {4}- replace, proposed by Kenya\n {6}Rationale: Plainer words\.\n {6}we will support a \[-diversified-\]\{\+diverse\+\} rural economy/);
    expect(result.out).toMatch(/\n {4}- replace, proposed by Mexico\n {6}we will support .*\{\+ ?Public banks should lend to villages\.\+\}/);
    expect(result.out).not.toMatch(/Nobody|Too short/);
    const json = await cli('outcome', 'show', '--db', db, '--variant', 'amendments', '--json');
    const parsed = JSON.parse(json.out) as OutcomeDocument & { amendments: Record<string, unknown[]> };
    expect(parsed.paragraphs).toHaveLength(7);
    expect(Object.values(parsed.amendments).map((list) => list.length)).toEqual([3]);
  });

  it.each([
    [['--lang', 'fr'], /fr is not a working language of this forum: use one of en, zh, es/],
    [['--lang', 'not a language'], /--lang must be a language code/],
    [['--variant', 'redline'], /--variant must be clean or amendments, not "redline"/],
    [['--document', 'no-such-document'], /There is no outcome document no-such-document/],
    [['--forum', 'no-such-forum'], /There is no forum no-such-forum/],
    [['--document', 'bad id!'], /--document must be an id/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const { db } = await demoDatabase();
    const result = await cli('outcome', 'show', '--db', db, ...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });

  it('creates no database when the arguments are wrong or the database is missing', async () => {
    const db = path.join(tempDir(), 'none.sqlite');
    expect((await cli('outcome', 'show', '--db', db, '--variant', 'redline')).code).toBe(2);
    expect((await cli('outcome', 'show', '--db', db, '--lang', '??')).code).toBe(2);
    expect((await cli('outcome', 'show', '--db', db, '--lang', 'en')).code).toBe(1);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('says so when the forum has no outcome document yet', async () => {
    const db = path.join(tempDir(), 'empty.sqlite');
    const ctx = await openCore(db);
    try {
      await call(ctx, 'forums:create', {
        title: { en: 'Workshop' },
        theme: {},
        venue: {},
        startDate: '2026-03-02',
        endDate: '2026-03-02',
        timeZone: 'UTC',
        coOrganisers: [],
        languages: ['en'],
        sourceLanguage: 'en',
        outcomeKind: 'communique',
      });
    } finally {
      closeCore(ctx);
    }
    const result = await cli('outcome', 'show', '--db', db);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no outcome document yet/);
  });
});
