import { ordinalWord } from './ordinalWords';

// A drafter who types "First, we commit…" into a point the document numbers with ordinal words
// would print "First, First, we commit…". The drafting editor warns and offers to take the word
// out; the export never prints the word twice. Only a word followed by its separator counts, so
// "First of all" or "第一次会议" (the first meeting) are left alone.

/** How far the ordinal words are recognised: further than any outcome document goes. */
const highest = 120;

/** English drafters also write "Firstly," … "Tenthly,". */
const englishAdverbs = ['firstly', 'secondly', 'thirdly', 'fourthly', 'fifthly', 'sixthly', 'seventhly', 'eighthly', 'ninthly', 'tenthly'];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Arabic ordinals are typed with or without the tanween: "أولاً" or "أولا". */
const arabicPattern = (word: string): string => escape(word.replace(/\u064b/g, '')).replace(/ا/g, 'اً?');

const patterns = new Map<string, RegExp | null>();

function patternFor(lang: string): RegExp | null {
  const primary = lang.split(/[-_]/)[0]?.toLowerCase() ?? '';
  let pattern = patterns.get(primary);
  if (pattern !== undefined) return pattern;
  const words: string[] = [];
  for (let n = 1; n <= highest; n += 1) {
    const word = ordinalWord(n, primary);
    if (word) words.push(word.toLocaleLowerCase(primary));
  }
  if (primary === 'en') words.push(...englishAdverbs);
  if (words.length === 0) {
    patterns.set(primary, null);
    return null;
  }
  // Longest first, so "Twenty-first" is not read as "Twenty…" nor "Firstly" as "First".
  words.sort((a, b) => b.length - a.length);
  const alternatives = words.map((word) => (primary === 'ar' ? arabicPattern(word) : escape(word))).join('|');
  // The word, then its separator (a comma of any script, a colon, a full stop), then any space.
  pattern = new RegExp(`^\\s*(${alternatives})\\s*[,，、،:：.．]\\s*`, 'iu');
  patterns.set(primary, pattern);
  return pattern;
}

/** The ordinal word (with its separator) that `text` in `lang` starts with, e.g. "First, ", or null. */
export function leadingOrdinal(text: string, lang: string): { word: string; length: number } | null {
  const match = patternFor(lang)?.exec(text);
  if (!match?.[1]) return null;
  return { word: match[1], length: match[0].length };
}

/**
 * `text` without the ordinal word it starts with ("First, we commit" -> "we commit"): the rest is
 * kept as typed, since the printed label runs on into it as in the seeds ("First, the countryside…").
 */
export function stripLeadingOrdinal(text: string, lang: string): string {
  const found = leadingOrdinal(text, lang);
  return found ? text.slice(found.length) : text;
}

/**
 * A numbered paragraph's text as printed after its label: an ordinal word typed at its start is
 * left out when the label is an ordinal word already ("First, " + "First, we…" reads "First, we…"),
 * so a paragraph that moved is labelled by its place, not by the word typed when it stood elsewhere.
 * The reader, the projector, the exports and `outcome show` all print through this.
 */
export function textAfterLabel(text: string, label: string, numbering: string, lang: string): string {
  if (numbering !== 'ordinal' || label === '' || /^\d/.test(label)) return text;
  const rest = stripLeadingOrdinal(text, lang);
  return rest.trim() === '' ? text : rest;
}
