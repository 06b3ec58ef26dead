import { describe, expect, it } from 'vitest';
import { similarPairs } from '../../../main/core/capture/similarMessages';
import { tokensOf } from '../../../main/core/capture/messageTokens';
import { createForum } from '../../../main/core/store/forums';
import { tempCore, validForum } from '../helpers/tempCore';
import { addNote, addSession, call } from './keyMessageFixture';

type Pair = { a: string; b: string; score: number };

const texts = {
  housing: { en: 'Cities must invest in affordable housing for low-income families.' },
  housingAgain: { en: 'Affordable housing for families on low incomes requires investment by the city.' },
  broadband: { en: 'Broadband internet should reach every rural village by 2030.' },
  heritage: { en: 'Heritage tourism can finance the restoration of historic town centres.' },
  land: { en: 'Women need equal access to land titles and credit.' },
  zhHousing: { zh: '城市应当为低收入家庭提供可负担的住房。' },
  zhHousingAgain: { zh: '为低收入家庭提供可负担住房是每个城市的责任。' },
  zhBroadband: { zh: '农村地区需要更快的宽带网络和数字技能培训。' },
  zhWater: { zh: '水资源管理必须纳入区域规划。' },
};

/** A forum whose one session holds a key message per text above; ids by name. */
async function forumWithMessages() {
  const ctx = await tempCore();
  const forum = createForum(ctx, { ...validForum, languages: ['en', 'zh'], sourceLanguage: 'en' });
  const session = addSession(ctx, forum.id);
  const ids: Record<string, string> = {};
  for (const [name, text] of Object.entries(texts)) {
    const note = addNote(ctx, forum.id, session, Object.values(text)[0] ?? '', { lang: Object.keys(text)[0] ?? 'en' });
    ids[name] = (await call(ctx, 'keyMessages:promote', { sessionId: session, noteIds: [note], text })).id;
  }
  return { ctx, forum, ids };
}

const named = (pairs: Pair[], ids: Record<string, string>) => {
  const nameOf = (id: string) => Object.keys(ids).find((name) => ids[name] === id) ?? id;
  return pairs.map((p) => [nameOf(p.a), nameOf(p.b)].sort().join(' ~ '));
};

describe('suggesting duplicate key messages', () => {
  it('pairs an English paraphrase and a Chinese one, and nothing unrelated', async () => {
    const { ctx, forum, ids } = await forumWithMessages();
    const pairs = await call<Pair[]>(ctx, 'keyMessages:duplicates', { forumId: forum.id });
    expect(named(pairs, ids).sort()).toEqual(['housing ~ housingAgain', 'zhHousing ~ zhHousingAgain']);
    for (const pair of pairs) expect(pair.score).toBeGreaterThanOrEqual(0.35);
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((a, b) => b - a));
  });

  it('forgets a pair once the two are merged', async () => {
    const { ctx, forum, ids } = await forumWithMessages();
    await call(ctx, 'keyMessages:merge', { keepId: ids.housing, mergeId: ids.housingAgain });
    const pairs = await call<Pair[]>(ctx, 'keyMessages:duplicates', { forumId: forum.id });
    expect(named(pairs, ids)).toEqual(['zhHousing ~ zhHousingAgain']);
  });

  it('compares every language of a message, so a translated one meets a message in either language', () => {
    const pairs = similarPairs([
      { id: 'one', text: { en: 'Rural roads connect farmers to markets.', fr: 'Les routes rurales relient les agriculteurs aux marchés.' } },
      { id: 'two', text: { fr: 'Relier les agriculteurs aux marchés grâce aux routes rurales.' } },
      { id: 'three', text: { en: 'Cities must plan for heat waves.' } },
    ]);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([['one', 'two']]);
  });

  it('folds case, accents and Arabic letter forms, drops stop words, and splits Chinese into pairs of characters', () => {
    expect(tokensOf('The CITIES of Mérida', 'en')).toEqual(['city', 'merida']);
    expect(tokensOf('Les villes et la économie', 'fr')).toEqual(['ville', 'economie']);
    expect(tokensOf('المدن والمواطنين', 'ar')).toEqual(tokensOf('المُدن المواطنين', 'ar'));
    expect(tokensOf('城市的住房', 'zh')).toEqual(['城市', '住房']);
    expect(tokensOf('новый город', 'ru')).toEqual(tokensOf('новых городов', 'ru'));
  });

  // The same messages time the suggestions in npm run bench (test/bench/benchChecks.ts).
  it('suggests at most the limit over 500 messages, best first, the earlier message named first', () => {
    const words = 'water housing transport land heritage climate youth women markets roads energy waste health schools parks finance data'.split(' ');
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const docs = Array.from({ length: 500 }, (_, i) => ({
      id: `m${i}`,
      text: {
        en: Array.from({ length: 18 }, () => words[Math.floor(next() * words.length)]).join(' ') + ` item${i}`,
        zh: `第${i}条：城市与乡村在住房、交通和水资源方面需要合作。`,
      },
    }));
    const pairs = similarPairs(docs);
    // The Chinese sentences differ by their number only, so far more than 50 pairs pass the threshold.
    expect(pairs).toHaveLength(50);
    const order = new Map(docs.map((doc, index) => [doc.id, index]));
    for (const [index, pair] of pairs.entries()) {
      expect(pair.score).toBeGreaterThanOrEqual(0.35);
      expect(order.get(pair.a)).toBeLessThan(order.get(pair.b) ?? -1);
      if (index > 0) expect(pair.score).toBeLessThanOrEqual(pairs[index - 1]?.score ?? 0);
    }
  });
});
