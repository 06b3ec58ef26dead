/**
 * Terms for comparing short texts in the six UN languages, without dictionaries or models.
 * Alphabetic scripts give words, folded (case, accents, Arabic letter variants) and lightly
 * stemmed so "cities" meets "city"; Chinese and Japanese, written without spaces, give
 * overlapping character pairs, so 城市住房 yields 城市, 市住, 住房.
 */

// Small lists: only words frequent enough to make unrelated messages look alike. Folded forms.
const stopWords: Record<string, ReadonlySet<string>> = {
  en: folded(
    'a an and are as at be been but by can do for from has have in into is it its more must need needs not of on or our should so such than that the their there these they this those to us was we were what which while who will with would'.split(' '),
  ),
  fr: folded(
    "a au aux avec ce ces cette dans de des doit doivent du elle elles en est et etre il ils la le les leur leurs mais ne nous on ou par pas plus pour qu que qui sa se ses son sont sur un une vos votre".split(' '),
  ),
  es: folded(
    'a al como con de del debe deben el ella ellas ellos en entre es esta este estos la las lo los mas no nos o para pero por que se ser sin sobre son su sus un una y'.split(' '),
  ),
  ru: folded('а в во для до его ее и из к как на не но о об от по при с со так также то что это этот эти или их мы вы они должны должен'.split(' ')),
  ar: folded('في من على الى عن مع او و ان هذا هذه ذلك التي الذي التي كان كانت يجب بين كل ما لا هو هي'.split(' ')),
};

// Function characters and particles that glue Chinese and Japanese words together: pairs across
// them say little, so a run is cut there.
const cjkGlue = /[的了和与及是在也都而之のはがをにでともへや]/u;

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
const pieces = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+|[\p{L}\p{N}\p{M}]+/gu;

export function tokensOf(text: string, lang: string): string[] {
  const stop = stopWords[lang.toLowerCase().split('-')[0] ?? ''];
  const tokens: string[] = [];
  for (const [piece] of text.normalize('NFKC').toLowerCase().matchAll(pieces)) {
    if (cjk.test(piece)) {
      for (const run of piece.split(cjkGlue)) tokens.push(...bigrams(run));
      continue;
    }
    const word = fold(piece);
    if (word.length < 2 || stop?.has(word)) continue;
    tokens.push(stem(word));
  }
  return tokens;
}

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const result: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) result.push(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return result;
}

function folded(words: string[]): ReadonlySet<string> {
  return new Set(words.map(fold));
}

/**
 * Accents and Arabic vowel marks dropped, Arabic letter variants made one. Cyrillic keeps its
 * marks but for ё: й is a letter of its own, not an и with an accent.
 */
function fold(word: string): string {
  if (/\p{Script=Cyrillic}/u.test(word)) return word.replace(/ё/g, 'е');
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ـ/g, '');
}

const russianEndings = ['ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ых', 'их', 'ях', 'ах', 'ов', 'ев', 'ей', 'ой', 'ый', 'ий', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ом', 'ем', 'ам', 'ям', 'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь'];
const arabicPrefixes = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

/** A light, rule-of-thumb stem: plural and common inflections off, the word's core kept. */
function stem(word: string): string {
  if (/^[\p{Script=Cyrillic}]+$/u.test(word)) {
    const ending = russianEndings.find((e) => word.endsWith(e) && word.length - e.length >= 3);
    return ending ? word.slice(0, -ending.length) : word;
  }
  if (/^[\p{Script=Arabic}]+$/u.test(word)) {
    const prefix = arabicPrefixes.find((p) => word.startsWith(p) && word.length - p.length >= 3);
    const bare = prefix ? word.slice(prefix.length) : word;
    // Sound plurals: المدن stays, but السكانية/السكان and المواطنين/المواطن meet.
    for (const suffix of ['ات', 'ين', 'ون', 'يه', 'ه']) {
      if (bare.endsWith(suffix) && bare.length - suffix.length >= 3) return bare.slice(0, -suffix.length);
    }
    return bare;
  }
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}
