// The one fold of case and accents, used wherever text is found or compared: participant and
// note search (however short the query), highlighting, filtering speakers and tags as one types,
// and (with more folded on top) duplicate and header matching. It folds as the search indexes
// fold (SQLite's trigram tokenizer with remove_diacritics): lower case, Latin letters without
// their accents, combining accents dropped. So what one search finds, every other finds, and what
// is marked is what the index found: Núñez and nunez, Jörg and JO, are the same; Cyrillic й and ё,
// Arabic vowel marks, æ, ø, ł and ß stay, as they do in the index. Folding those too would need
// the indexes built again over folded text (test/unit/search/foldAgreement.test.ts pins both).

/** Text folded for matching, with where each folded code unit came from in the original. */
export interface FoldedText {
  text: string;
  /** Per folded UTF-16 code unit: its character's [start, end) in the original; null when identical. */
  starts: number[] | null;
  ends: number[] | null;
}

// SQLite drops the combining accents U+0300 to U+0331 (its fold gives 0) and folds Latin letters
// with diacritics (U+00C0 to U+024F and U+1E00 to U+1EFF) to the bare letter.
const droppedMark = (code: number) => code >= 0x300 && code <= 0x331;
const latinWithDiacritics = (code: number) => (code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff);

function foldCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (droppedMark(code)) return '';
  // Greek final sigma is folded to σ by the index, not by toLowerCase.
  if (code === 0x3c2) return '\u03c3';
  const lower = char.toLowerCase();
  if (latinWithDiacritics(lower.codePointAt(0) ?? 0)) return lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  // A few capitals lower-case to a letter and an accent (İ to i and a dot): the accent goes too.
  return lower.length === char.length ? lower : lower.replace(/[\u0300-\u0331]/g, '');
}

// Characters the fold changes beyond lower case: Latin letters (with or without accents), the
// accents the index drops, and final sigma. Text without any folds by toLowerCase alone.
const special = /[\u0300-\u0331\u00c0-\u024f\u03c2\u1e00-\u1eff]/;
const latinLetters = /[\u00c0-\u024f\u1e00-\u1eff]/g;

/** The folded text alone (for words of a query, and checks outside SQLite); equals foldText(text).text. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!special.test(lower)) return lower;
  // Whole-string operations: four times quicker than character by character.
  return lower
    .replace(latinLetters, (letter) => letter.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))
    .replace(/[\u0300-\u0331]/g, '')
    .replace(/\u03c2/g, '\u03c3');
}

/** The folded text and, for highlighting, the original range of each folded code unit. */
export function foldText(text: string): FoldedText {
  const lower = text.toLowerCase();
  // Nothing but lower-casing, and no letter grew: each unit stays where it was.
  if (lower.length === text.length && !special.test(lower)) return { text: lower, starts: null, ends: null };
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    const folded = foldCharacter(char);
    const end = offset + char.length;
    if (folded === '') {
      // A dropped accent belongs to the letter before it: marking that letter marks the accent.
      for (let i = ends.length - 1; i >= 0 && ends[i] === offset; i--) ends[i] = end;
    } else {
      out += folded;
      for (let i = 0; i < folded.length; i++) {
        starts.push(offset);
        ends.push(end);
      }
    }
    offset = end;
  }
  return { text: out, starts, ends };
}

/** The original [start, end) of the folded range [start, end). */
export function originalRange(folded: FoldedText, start: number, end: number): [number, number] {
  if (!folded.starts || !folded.ends) return [start, end];
  return [folded.starts[start] ?? 0, folded.ends[end - 1] ?? 0];
}

/** Length in characters as the tokenizer counts them (code points; dropped accents not counted). */
export function characterCount(foldedText: string): number {
  let count = 0;
  for (const _ of foldedText) count += 1;
  return count;
}
