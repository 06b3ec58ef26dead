import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { writeRow } from '../../../main/core/store/changeLog';
import { snapshot } from '../helpers/tempCore';
import { ids, keyMessage, marked, note, participant, search, searchForum, session } from './searchFixture';

describe('search:query finds words in every script', () => {
  it('finds a Chinese word inside a sentence, of two characters and of more', async () => {
    const f = await searchForum(undefined, ['en', 'zh']);
    const inside = note(f, '我们讨论了乡村振兴的问题。', 'zh');
    const atEnd = note(f, '下午我们讨论了乡村', 'zh');
    const alone = note(f, '乡村', 'zh');
    note(f, '城市更新需要长期资金。', 'zh');

    const two = await search(f, '乡村');
    expect(new Set(ids(two.notes))).toEqual(new Set([inside, atEnd, alone]));
    expect(two.totals.notes).toBe(3);
    expect(two.notesTotalIsLowerBound).toBe(false);
    for (const hit of two.notes) {
      expect(hit.lang).toBe('zh');
      expect(marked(hit.snippet)).toEqual(['乡村']);
    }
    const three = await search(f, '乡村振兴');
    expect(ids(three.notes)).toEqual([inside]);
    expect(three.notes[0]?.snippet).toEqual({ text: '我们讨论了乡村振兴的问题。', matches: [[5, 9]] });
    // One character: the start, the middle and the last two characters of a note.
    expect(new Set(ids((await search(f, '村')).notes))).toEqual(new Set([inside, atEnd, alone]));
    expect(ids((await search(f, '题')).notes)).toEqual([inside]);
    expect(ids((await search(f, '城')).notes)).toHaveLength(1);
  });

  it('finds an Arabic word', async () => {
    const f = await searchForum(undefined, ['en', 'ar']);
    const id = note(f, 'تحتاج المدن الصغيرة إلى تمويل طويل الأجل.', 'ar');
    note(f, 'النقل العام في المناطق الساحلية.', 'ar');
    const result = await search(f, 'المدن');
    expect(ids(result.notes)).toEqual([id]);
    expect(marked(result.notes[0]!.snippet)).toEqual(['المدن']);
    expect(result.notes[0]?.lang).toBe('ar');
    expect(ids((await search(f, 'في')).notes)).toHaveLength(1);
  });

  it('ignores case and accents in Latin scripts, and marks the words as written', async () => {
    const f = await searchForum();
    const nunez = note(f, 'José Núñez opened the session.');
    const cafe = note(f, 'Coffee at the CAFÉ on the square.');
    const decomposed = note(f, 'Ms Nu\u0301n\u0303ez replied.');
    const byNunez = await search(f, 'nunez');
    expect(new Set(ids(byNunez.notes))).toEqual(new Set([nunez, decomposed]));
    const marks = byNunez.notes.map((hit) => marked(hit.snippet)[0]);
    expect(new Set(marks)).toEqual(new Set(['Núñez', 'Nu\u0301n\u0303ez']));
    expect(ids((await search(f, 'NÚÑEZ')).notes)).toHaveLength(2);
    const byCafe = await search(f, 'cafe');
    expect(ids(byCafe.notes)).toEqual([cafe]);
    expect(marked(byCafe.notes[0]!.snippet)).toEqual(['CAFÉ']);
    expect(ids((await search(f, 'Café')).notes)).toEqual([cafe]);
    expect(ids((await search(f, 'CA')).notes)).toEqual([cafe]);
  });

  it('marks matches right beside astral characters', async () => {
    const f = await searchForum();
    note(f, '😀 The 𝒳-team loves the Café 🚀 cafés.');
    const hit = (await search(f, 'CAFE'))?.notes[0];
    expect(marked(hit!.snippet)).toEqual(['Café', 'café']);
    const emoji = (await search(f, '🚀')).notes[0];
    expect(marked(emoji!.snippet)).toEqual(['🚀']);
  });

  it('needs every word, in any order, and marks each one', async () => {
    const f = await searchForum();
    const both = note(f, 'Finance for rural towns is scarce.');
    note(f, 'Rural roads are in a bad state.');
    note(f, 'Municipal finance needs reform.');
    const result = await search(f, 'finance RURAL');
    expect(ids(result.notes)).toEqual([both]);
    expect(marked(result.notes[0]!.snippet)).toEqual(['Finance', 'rural']);
    expect(ids((await search(f, 'rural 乡村')).notes)).toEqual([]);
    expect(ids((await search(f, 'is rural')).notes)).toEqual([both]);
  });
});

describe('search:query takes the text as plain text', () => {
  const syntax = ['"', '""', '*', 'NEAR', 'NEAR(', 'NEAR(a b, 2)', '(', ')', '((', 'AND', 'OR', 'NOT', '-', '^', ':', 'text:x', '"unbalanced', 'a OR b', '-rural', '^rural', 'rural*', '*rural', '{text}: x', 'a + b', '\\', "'", '\u0000x', 'x\u0007y'];

  it.each(syntax)('never throws on %j', async (text) => {
    const f = await searchForum();
    note(f, 'Rural NEAR urban (and OR) "quoted" a*b col:x ^caret -minus');
    const result = await dispatch(f.ctx, 'cli', 'search:query', { forumId: f.forumId, text });
    expect(result.ok).toBe(true);
  });

  it('never throws on 300 random mixes of syntax, scripts, accents and marks', async () => {
    const f = await searchForum(undefined, ['zh', 'ar']);
    note(f, 'Rural "NEAR" (urban) a*b 乡村振兴 المدن Núñez 😀 e\u0301', 'en');
    const alphabet = ['"', "'", '*', '(', ')', '^', ':', '-', '+', '{', '}', '[', ']', '\\', ' ', ' ', 'NEAR', 'AND', 'OR', 'NOT', 'a', 'é', '\u0301', '乡', '村', 'ال', '😀', '\ud800', '\u0000', '%', '_'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + (next() % 12) }, () => alphabet[next() % alphabet.length]).join('');
      const result = await dispatch(f.ctx, 'cli', 'search:query', { forumId: f.forumId, text: text.slice(0, 200) });
      expect(result.ok, JSON.stringify(text)).toBe(true);
    }
  });

  it('finds quotes, stars, parentheses and operators as typed', async () => {
    const f = await searchForum();
    const literal = note(f, 'He said "rural first" (twice) — a*b NEAR c: AND/OR ^caret -minus');
    note(f, 'He said rural first twice, a b near c and or caret minus');
    for (const text of ['"rural', 'first"', '(twice)', 'a*b', 'c:', 'AND/OR', '^caret', '-minus', '"rural first"']) {
      const result = await search(f, text);
      expect(ids(result.notes), text).toEqual([literal]);
    }
    expect(ids((await search(f, 'NEAR')).notes)).toHaveLength(2);
  });
});

describe('search:query covers live rows of one forum', () => {
  it('leaves out tombstoned and merged rows', async () => {
    const f = await searchForum();
    const kept = note(f, 'Secondary cities need finance.');
    const gone = note(f, 'Secondary cities need planners.');
    writeRow(f.ctx, 'notes', gone, { deleted: 1 });
    const message = keyMessage(f, { en: 'Secondary cities deserve attention.' });
    const deletedMessage = keyMessage(f, { en: 'Secondary cities, deleted.' });
    writeRow(f.ctx, 'key_messages', deletedMessage, { deleted: 1 });
    const merged = keyMessage(f, { en: 'Secondary cities, merged away.' });
    writeRow(f.ctx, 'key_messages', merged, { merged_into: message });
    const deletedSession = session(f, { en: 'Secondary cities workshop' });
    writeRow(f.ctx, 'sessions', deletedSession, { deleted: 1 });
    const person = participant(f, 'Ana Secondary');
    writeRow(f.ctx, 'participants', person, { deleted: 1 });

    for (const text of ['secondary', 'cities', 'ci']) {
      const result = await search(f, text);
      expect(ids(result.notes), text).toEqual([kept]);
      expect(ids(result.keyMessages), text).toEqual([message]);
      expect(result.sessions, text).toEqual([]);
      expect(result.participants, text).toEqual([]);
      expect(result.totals, text).toEqual({ notes: 1, keyMessages: 1, sessions: 0, participants: 0 });
    }
    // Undo brings it back.
    writeRow(f.ctx, 'notes', gone, { deleted: 0 });
    expect((await search(f, 'secondary')).totals.notes).toBe(2);
  });

  it('never shows another forum’s rows, and counts only its own', async () => {
    const a = await searchForum();
    const b = await searchForum(a.ctx);
    const mine = note(a, 'Water management in small towns.');
    note(b, 'Water management in big cities.');
    note(b, 'Water again.');
    keyMessage(b, { en: 'Water matters.' });
    session(b, { en: 'Water session' });
    participant(b, 'Walter Waterman');
    for (const text of ['water', 'wa']) {
      const result = await search(a, text);
      expect(ids(result.notes)).toEqual([mine]);
      expect(result.totals).toEqual({ notes: 1, keyMessages: 0, sessions: 0, participants: 0 });
    }
    expect((await search(b, 'water')).totals).toEqual({ notes: 2, keyMessages: 1, sessions: 1, participants: 1 });
  });

  it('counts right when another forum holds thousands of notes', async () => {
    const a = await searchForum();
    const b = await searchForum(a.ctx);
    a.ctx.db.transaction(() => {
      for (let i = 0; i < 2_100; i++) note(b, `Land tenure note ${i} 乡村振兴`, 'en', `b-${i}`);
    })();
    const mine = [note(a, 'Land tenure in Kenya.'), note(a, '乡村振兴与土地')];
    expect((await search(a, 'tenure')).totals.notes).toBe(1);
    expect((await search(a, '乡村')).totals.notes).toBe(1);
    expect(ids((await search(a, 'land')).notes)).toEqual([mine[0]]);
    expect((await search(b, 'tenure', 5)).totals.notes).toBe(2_100);
  });

  it('sees notes written, edited and deleted since the last search', async () => {
    const f = await searchForum(undefined, ['en', 'zh']);
    note(f, '讨论了乡村', 'zh');
    expect((await search(f, '乡村')).totals.notes).toBe(1);
    expect((await search(f, 'finance')).totals.notes).toBe(0);
    const added = note(f, '他说到乡村', 'zh');
    const english = note(f, 'Finance first.');
    expect((await search(f, '乡村')).totals.notes).toBe(2);
    writeRow(f.ctx, 'notes', added, { text: '他说到城市' });
    writeRow(f.ctx, 'notes', english, { deleted: 1 });
    const after = await search(f, '乡村');
    expect(after.totals.notes).toBe(1);
    expect(ids(after.notes)).not.toContain(added);
    expect((await search(f, 'finance')).totals.notes).toBe(0);
  });
});

describe('search:query groups and languages', () => {
  it('answers from the language that matched, for key messages and sessions', async () => {
    const f = await searchForum(undefined, ['en', 'fr', 'zh']);
    const message = keyMessage(f, {
      en: 'Secondary cities need long-term finance.',
      fr: 'Les villes secondaires ont besoin de financement à long terme.',
      zh: '中小城市需要长期资金。',
    });
    const french = await search(f, 'VILLES');
    expect(french.keyMessages).toEqual([
      { id: message, sessionId: f.sessionId, lang: 'fr', snippet: { text: 'Les villes secondaires ont besoin de financement à long terme.', matches: [[4, 10]] } },
    ]);
    expect((await search(f, '中小城市')).keyMessages[0]?.lang).toBe('zh');
    expect((await search(f, '城市')).keyMessages[0]?.snippet).toEqual({ text: '中小城市需要长期资金。', matches: [[2, 4]] });
    // Words in both English and French: the forum's source language first.
    expect((await search(f, 'secondaires')).keyMessages[0]?.lang).toBe('fr');
    expect((await search(f, 'finance')).keyMessages[0]?.lang).toBe('en');

    const workshop = session(f, { en: 'Small towns', fr: 'Petites villes' }, { en: 'How small towns grow.', zh: '小城镇如何发展' });
    const byDescription = await search(f, '小城镇');
    expect(byDescription.sessions).toEqual([{ id: workshop, sessionId: workshop, lang: 'zh', snippet: { text: '小城镇如何发展', matches: [[0, 3]] } }]);
    expect((await search(f, 'petites')).sessions[0]?.snippet.text).toBe('Petites villes');
    expect((await search(f, 'grow')).sessions[0]?.snippet.text).toBe('How small towns grow.');
  });

  it('finds participants by name, organisation and e-mail', async () => {
    const f = await searchForum();
    const jose = participant(f, 'José Núñez', 'Ministerio de Vivienda', 'jnunez@vivienda.gob.mx');
    const wang = participant(f, '王小明', '联合国人居署');
    expect((await search(f, 'nunez')).participants).toEqual([
      { id: jose, sessionId: null, lang: null, snippet: { text: 'José Núñez · Ministerio de Vivienda', matches: [[5, 10]] } },
    ]);
    expect(marked((await search(f, 'gob.mx')).participants[0]!.snippet)).toEqual(['gob.mx']);
    expect(ids((await search(f, '小明')).participants)).toEqual([wang]);
    expect(ids((await search(f, '人居署')).participants)).toEqual([wang]);
  });

  it('shows the best `limit` of each group with the totals', async () => {
    const f = await searchForum(undefined, ['en', 'zh']);
    f.ctx.db.transaction(() => {
      for (let i = 0; i < 25; i++) note(f, `Housing note number ${i} 住房`);
      note(f, 'Housing housing housing.');
    })();
    const ranked = await search(f, 'housing', 10);
    expect(ranked.notes).toHaveLength(10);
    expect(ranked.totals.notes).toBe(26);
    // bm25: the short note saying it three times first.
    expect(ranked.notes[0]?.snippet.text).toBe('Housing housing housing.');
    const newest = await search(f, '住房', 5);
    expect(newest.notes.map((hit) => hit.snippet.text)).toEqual([24, 23, 22, 21, 20].map((i) => `Housing note number ${i} 住房`));
    expect(newest.totals.notes).toBe(25);
  });

  it('counts letters found nearly everywhere up to a thousand and says so', async () => {
    const f = await searchForum();
    f.ctx.db.transaction(() => {
      for (let i = 0; i < 1_050; i++) note(f, `Note ${i}: ${i.toString(36)}e${(i * 7).toString(36)} the rest`);
    })();
    const broad = await search(f, 'e', 3);
    expect(broad.totals.notes).toBe(1_000);
    expect(broad.notesTotalIsLowerBound).toBe(true);
    expect(broad.notes.map((hit) => hit.snippet.text.slice(0, 9))).toEqual(['Note 1049', 'Note 1048', 'Note 1047']);
    const narrow = await search(f, 'e 1049');
    expect(narrow.totals.notes).toBe(1);
    expect(narrow.notesTotalIsLowerBound).toBe(false);
  });
});

describe('search:query refuses bad input', () => {
  it('answers an empty query with nothing found', async () => {
    const f = await searchForum();
    note(f, 'Something.');
    for (const text of ['', '   ', '\u200f']) {
      const result = await search(f, text);
      expect(result.totals).toEqual({ notes: 0, keyMessages: 0, sessions: 0, participants: 0 });
    }
  });

  it.each([
    [{ text: 'x'.repeat(201) }, 'invalid_input', 'validation.tooLong'],
    [{ text: 'rural', limit: 0 }, 'invalid_input', 'validation.invalid'],
    [{ text: 'rural', limit: 101 }, 'invalid_input', 'validation.invalid'],
    [{ text: 'rural', forumId: 'no-such-forum' }, 'not_found', undefined],
    [{ text: 'rural', extra: 1 }, 'invalid_input', 'validation.invalid'],
    [{ text: 42 }, 'invalid_input', 'validation.invalid'],
  ])('refuses %j, changing nothing', async (input, code, message) => {
    const f = await searchForum();
    note(f, 'Rural.');
    const before = snapshot(f.ctx);
    const result = await dispatch(f.ctx, 'cli', 'search:query', { forumId: f.forumId, ...input });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    if (message) expect(result.error.issues?.[0]?.message).toBe(message);
    expect(snapshot(f.ctx)).toBe(before);
  });
});
