import type { NumberingStyle } from './outcome';
import { paragraphLabel } from './ordinalWords';

// Where a paragraph stands in a negotiated text, and how that place is written in each of the six
// languages: "5", "5 bis", "OP5", "(a)", "a)", "(أ)", "㈠". Numbers are never stored: the core
// reads them from order, level, role and alternatives each time (see paragraphPlaces), so a move,
// a sub-paragraph outdented or an alternative agreed renumbers everything at once, on every laptop
// the same way. The tables are the project's own, from the conventions of UN documents in the six
// official languages (the reference texts beside the project carry none of these labels); where
// a choice had to be made it is said beside the table.

/** A paragraph's role in a resolution-style text: preambular (PP) or operative (OP). */
export const paragraphRoles = ['preambular', 'operative'] as const;
export type ParagraphRole = (typeof paragraphRoles)[number];

/** One count through the document ("1, 2, 3" whatever the role), or PP1… and OP1… apart. */
export const roleNumberings = ['together', 'separate'] as const;
export type RoleNumbering = (typeof roleNumberings)[number];

/** How an operative paragraph's opening phrase prints (a preambular one's is always italic). */
export const openingStyles = ['italic', 'underline'] as const;
export type OpeningStyle = (typeof openingStyles)[number];

/** 0 a paragraph, 1 a sub-paragraph (a), 2 a sub-sub-paragraph (i). */
export const maxParagraphLevel = 2;

/** The place of one shown paragraph, as the core reads it from the document's order. */
export interface ParagraphPlace {
  /** The top-level paragraph's number (a sub-paragraph's parent's; an alternative's base's); null: unnumbered. */
  number: number | null;
  /** The role the number counts in, when numbering separately; null otherwise. */
  countedAs: ParagraphRole | null;
  /** 0 the paragraph itself, 1 bis, 2 ter… (its alternatives while under negotiation). */
  suffix: number;
  /** A sub-paragraph's letters and numerals from level 1 down: [2] is (b), [2, 3] is (b) (iii). */
  path: number[];
}

const primary = (lang: string): string => lang.split(/[-_]/)[0]?.toLowerCase() ?? '';

// ---- Alternatives: Latin bis, ter, quater… in UN English, French and Spanish. Russian writes them
// in Cyrillic (бис, тер…, as the Russian texts of treaties do: "статья 8 бис"); Arabic as in UN
// Arabic texts ("المادة 8 مكررا", "15 ثالثا"); Chinese with 之二, 之三 after the number ("第八条之二").
const latinSuffixes = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];
const suffixWords: Record<string, string[]> = {
  ru: ['бис', 'тер', 'кватер', 'квинквиес', 'сексиес', 'септиес', 'октиес', 'новиес', 'дециес'],
  ar: ['مكررا', 'ثالثا', 'رابعا', 'خامسا', 'سادسا', 'سابعا', 'ثامنا', 'تاسعا', 'عاشرا'],
};
const chineseDigits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The word after the number of alternative `suffix` (1: bis): "bis", "бис", "مكررا", "之二". */
export function alternativeSuffix(suffix: number, lang: string): string {
  if (suffix < 1) return '';
  const p = primary(lang);
  if (p === 'zh') return `之${chineseNumber(suffix + 1)}`;
  const words = suffixWords[p] ?? latinSuffixes;
  // Past decies (the tenth), the Latin numeral words run out: "11", "12" after the base.
  return words[suffix - 1] ?? `(${suffix + 1})`;
}

function chineseNumber(n: number): string {
  if (n <= 10) return chineseDigits[n] ?? String(n);
  if (n < 20) return `十${chineseDigits[n - 10] ?? ''}`;
  if (n < 100) return `${chineseDigits[Math.floor(n / 10)] ?? ''}十${chineseDigits[n % 10] ?? ''}`;
  return String(n);
}

// ---- Sub-paragraphs. English (a) (i); French, Spanish and Russian a) i), Russian with Cyrillic
// letters (а) б) в), skipping ё, й, ъ, ы, ь as UN Russian does); Chinese keeps the Latin letters in
// full-width brackets ((a)) and numbers the next level ㈠ ㈡ as UN Chinese texts do; Arabic letters
// in the abjad order of UN Arabic texts ((أ) (ب) (ج) (د)…) and the next level with numerals in
// quotation marks ('1' '2'), as UN Arabic prints (i) (ii).
const latin = 'abcdefghijklmnopqrstuvwxyz';
const cyrillic = ['а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т', 'у', 'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я'];
const abjad = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ'];
const parenthesisedIdeographs = ['㈠', '㈡', '㈢', '㈣', '㈤', '㈥', '㈦', '㈧', '㈨', '㈩'];

/** a, b, … z, aa, bb … (the letters doubled past the alphabet, as long UN lists do). */
function letterOf(alphabet: readonly string[], n: number): string {
  const index = (n - 1) % alphabet.length;
  const times = Math.floor((n - 1) / alphabet.length) + 1;
  return (alphabet[index] ?? '?').repeat(times);
}

export function romanNumeral(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = n;
  let out = '';
  for (const [value, numeral] of table) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/** The label of sub-paragraph `n` at `level` (1 or 2) in `lang`: "(b)", "b)", "б)", "(ب)", "(b)", "'2'", "㈡". */
export function subParagraphLabel(n: number, level: number, lang: string): string {
  const p = primary(lang);
  if (level <= 1) {
    if (p === 'ru') return `${letterOf(cyrillic, n)})`;
    if (p === 'fr' || p === 'es') return `${letterOf(latin.split(''), n)})`;
    if (p === 'ar') return `(${letterOf(abjad, n)})`;
    if (p === 'zh') return `(${letterOf(latin.split(''), n)})`;
    return `(${letterOf(latin.split(''), n)})`;
  }
  if (p === 'ar') return `'${n}'`;
  if (p === 'zh') return parenthesisedIdeographs[n - 1] ?? `(${chineseNumber(n)})`;
  if (p === 'fr' || p === 'es' || p === 'ru') return `${romanNumeral(n)})`;
  return `(${romanNumeral(n)})`;
}

const roleCode = (role: ParagraphRole) => (role === 'preambular' ? 'PP' : 'OP');

/** "5", "5 bis", "OP5", "5之二" (no separator: a paragraph's number as a reference prints it). */
export function numberText(place: ParagraphPlace, lang: string): string {
  // A sub-paragraph's alternative carries its suffix after its letter, not after the number.
  const suffix = place.path.length === 0 ? alternativeSuffix(place.suffix, lang) : '';
  if (place.number === null) return suffix;
  const code = place.countedAs ? roleCode(place.countedAs) : '';
  if (!suffix) return `${code}${place.number}`;
  return primary(lang) === 'zh' ? `${code}${place.number}${suffix}` : `${code}${place.number} ${suffix}`;
}

export interface LabelStyle {
  numbering: NumberingStyle;
  roleNumbering: RoleNumbering;
}

/**
 * What prints before a shown paragraph in `lang`: the document's label for a plain number
 * ("First, ", "1. ", "1 - "), the number with its suffix or role code otherwise ("5 bis. ",
 * "OP5. "), a sub-paragraph's own letter or numeral ("(a) ", "a) "), or "" (unnumbered).
 */
export function printedLabel(place: ParagraphPlace, style: LabelStyle, lang: string): string {
  const level = place.path.length;
  if (level > 0) return `${joined([subParagraphLabel(place.path[level - 1] ?? 1, level, lang), alternativeSuffix(place.suffix, lang)], lang)} `;
  if (place.number === null) return place.suffix > 0 ? `${alternativeSuffix(place.suffix, lang)} ` : '';
  if (place.suffix === 0 && place.countedAs === null) return paragraphLabel(place.number, style.numbering, lang);
  if (style.numbering === 'none' && place.suffix === 0) return '';
  return primary(lang) === 'ar' ? `${numberText(place, lang)} - ` : `${numberText(place, lang)}. `;
}

/** How a cross-reference prints the paragraph it names: "7", "5 bis", "7 (a)", "7 a)", "7 (a) (ii)". */
export function referenceText(place: ParagraphPlace, lang: string): string {
  const head = numberText(place, lang);
  const subs = place.path.map((n, i) => subParagraphLabel(n, i + 1, lang));
  return joined([head, ...subs, place.path.length > 0 ? alternativeSuffix(place.suffix, lang) : ''], lang);
}

/** Chinese runs the parts of a label together; the other languages space them. */
const joined = (parts: string[], lang: string): string => parts.filter((part) => part !== '').join(primary(lang) === 'zh' ? '' : ' ');
