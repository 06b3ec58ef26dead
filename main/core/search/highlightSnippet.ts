import type { Highlighted } from '../../../shared/search';
import { foldText, originalRange } from '../../../shared/foldText';

/** About how much text a hit shows, in UTF-16 code units. */
export const snippetWidth = 160;
/** How much of the text before the first match the window keeps. */
const lead = 48;
const ellipsis = '…';

/** Every place the folded words occur, as merged [start, end) ranges of the original text. */
export function matchRanges(text: string, foldedWords: readonly string[]): Array<[number, number]> {
  const folded = foldText(text);
  const ranges: Array<[number, number]> = [];
  for (const word of foldedWords) {
    if (!word) continue;
    for (let at = folded.text.indexOf(word); at !== -1; at = folded.text.indexOf(word, at + 1)) {
      ranges.push(originalRange(folded, at, at + word.length));
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isMark = (char: string | undefined) => char !== undefined && /\p{M}/u.test(char);

/** Moves a cut off the middle of a character (an astral one, or a letter and its accents). */
function atCharacterStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && i < text.length && (isLowSurrogate(text.charCodeAt(i)) || isMark(text[i]))) i -= 1;
  return i;
}

function atCharacterEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && (isLowSurrogate(text.charCodeAt(i)) || isMark(text[i]))) i += 1;
  return i;
}

/**
 * The text around its first match (about `width` code units; all of it when short), with every
 * match inside marked by offsets into the snippet returned. Cuts fall at a space when one is near,
 * never inside a character, and are shown with an ellipsis.
 */
export function highlightSnippet(text: string, foldedWords: readonly string[], width = snippetWidth): Highlighted {
  const ranges = matchRanges(text, foldedWords);
  if (text.length <= width) return { text, matches: ranges };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - lead, text.length - width));
  if (start > 0) {
    // Start after a space if one is close, so the snippet does not open mid-word.
    const space = text.slice(start, Math.min(first, start + 24)).search(/\s\S/u);
    start = space === -1 ? atCharacterStart(text, start) : start + space + 1;
  }
  let end = Math.min(text.length, start + width);
  const cut = ranges.find(([s, e]) => s < end && e > end);
  if (cut) end = cut[1];
  if (end < text.length) {
    const space = text.slice(Math.max(start, end - 24), end).search(/\s\S*$/u);
    const atSpace = space === -1 ? -1 : Math.max(start, end - 24) + space;
    end = atSpace >= (ranges[0]?.[1] ?? 0) && atSpace > start && !ranges.some(([s, e]) => s < atSpace && e > atSpace) ? atSpace : atCharacterEnd(text, end);
  }
  const before = start > 0 ? ellipsis : '';
  const after = end < text.length ? ellipsis : '';
  const shift = before.length - start;
  return {
    text: `${before}${text.slice(start, end)}${after}`,
    matches: ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]),
  };
}
