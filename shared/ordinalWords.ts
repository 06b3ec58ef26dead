import type { NumberingStyle } from './outcome';

// The label before a numbered paragraph is part of the document, so it follows the paragraph's
// language (the Chinese version of a Consensus says "第一，" whatever language the UI speaks).
// These tables are the project's own, written from the conventions of UN outcome documents in the
// six official languages; languages without a table number their points "1. ".

const capitalise = (word: string): string => word.charAt(0).toLocaleUpperCase() + word.slice(1);

// ---- English: "First", "Twenty-first", "One hundred and first" (UN English is British English).
const enUnits = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const enTeens = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const enTens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const enCardinalUnits = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function englishBelow100(n: number): string {
  if (n < 10) return enUnits[n] ?? '';
  if (n < 20) return enTeens[n - 10] ?? '';
  const tens = enTens[Math.floor(n / 10)] ?? '';
  const unit = n % 10;
  return unit === 0 ? `${tens.slice(0, -1)}ieth` : `${tens}-${enUnits[unit] ?? ''}`;
}

function english(n: number): string | null {
  if (n >= 1000) return null;
  if (n < 100) return englishBelow100(n);
  const hundreds = `${enCardinalUnits[Math.floor(n / 100)] ?? ''} hundred`;
  return n % 100 === 0 ? `${hundreds}th` : `${hundreds} and ${englishBelow100(n % 100)}`;
}

// ---- French: the adverb is the ordinal plus "-ment" ("Premièrement", "Vingt et unièmement",
// "Quatre-vingtièmement"), built from the cardinal in the traditional spelling (the 1990 reform's
// "vingt-et-un" is allowed but UN French keeps "vingt et un").
const frUnits = ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const frTens = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function frenchBelow100(n: number): string {
  if (n < 20) return frUnits[n] ?? '';
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 7) return unit === 1 ? 'soixante et onze' : `soixante-${frUnits[10 + unit] ?? ''}`;
  if (tens === 8) return unit === 0 ? 'quatre-vingts' : `quatre-vingt-${frUnits[unit] ?? ''}`;
  if (tens === 9) return `quatre-vingt-${frUnits[10 + unit] ?? ''}`;
  const word = frTens[tens] ?? '';
  if (unit === 0) return word;
  return unit === 1 ? `${word} et un` : `${word}-${frUnits[unit] ?? ''}`;
}

function frenchCardinal(n: number): string {
  if (n < 100) return frenchBelow100(n);
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 1 ? 'cent' : `${frUnits[hundreds] ?? ''} cent${rest === 0 ? 's' : ''}`;
  return rest === 0 ? head : `${head} ${frenchBelow100(rest)}`;
}

function french(n: number): string | null {
  if (n >= 1000) return null;
  if (n === 1) return 'premièrement';
  // "quatre-vingts" and "deux cents" lose their plural s before the suffix.
  const cardinal = frenchCardinal(n).replace(/(vingt|cent)s$/, '$1');
  let ordinal: string;
  if (cardinal.endsWith('cinq')) ordinal = `${cardinal}uième`;
  else if (cardinal.endsWith('neuf')) ordinal = `${cardinal.slice(0, -1)}vième`;
  else if (cardinal.endsWith('e')) ordinal = `${cardinal.slice(0, -1)}ième`;
  else ordinal = `${cardinal}ième`;
  return `${ordinal}ment`;
}

// ---- Spanish: the ordinal adjective standing alone ("Primero", "Tercero", never the shortened
// "Primer"/"Tercer"); 11 and 12 as "undécimo" and "duodécimo", 13 to 19 in one word
// ("decimotercero", as the RAE prefers), from 21 on in two words ("vigésimo primero", which the
// RAE gives alongside "vigesimoprimero" and is what UN Spanish texts use).
const esUnits = ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno'];
const esTeens = ['décimo', 'undécimo', 'duodécimo', 'decimotercero', 'decimocuarto', 'decimoquinto', 'decimosexto', 'decimoséptimo', 'decimoctavo', 'decimonoveno'];
const esTens = ['', '', 'vigésimo', 'trigésimo', 'cuadragésimo', 'quincuagésimo', 'sexagésimo', 'septuagésimo', 'octogésimo', 'nonagésimo'];
const esHundreds = ['', 'centésimo', 'ducentésimo', 'tricentésimo', 'cuadringentésimo', 'quingentésimo', 'sexcentésimo', 'septingentésimo', 'octingentésimo', 'noningentésimo'];

function spanish(n: number): string | null {
  if (n >= 1000) return null;
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(esHundreds[hundreds] ?? '');
  if (rest >= 10 && rest < 20) words.push(esTeens[rest - 10] ?? '');
  else {
    if (rest >= 20) words.push(esTens[Math.floor(rest / 10)] ?? '');
    if (rest % 10 > 0) words.push(esUnits[rest % 10] ?? '');
  }
  return words.join(' ');
}

// ---- Russian: "Во-первых" … "В-десятых" are what every drafter writes. The same adverb is
// formed regularly from the simple ordinals up to twenty ("в-одиннадцатых", "в-двадцатых") and
// is attested in long speeches and lists. Past twenty the adverb would have to be built on a
// compound ordinal ("в-двадцать первых"), which no Russian style guide recognises: a Russian
// drafter numbers such points instead, so from 21 on the label is "21. ". UN Russian spells
// "четвертых" with е, not ё.
const ruAdverbs = [
  'во-первых', 'во-вторых', 'в-третьих', 'в-четвертых', 'в-пятых', 'в-шестых', 'в-седьмых', 'в-восьмых', 'в-девятых', 'в-десятых',
  'в-одиннадцатых', 'в-двенадцатых', 'в-тринадцатых', 'в-четырнадцатых', 'в-пятнадцатых', 'в-шестнадцатых', 'в-семнадцатых',
  'в-восемнадцатых', 'в-девятнадцатых', 'в-двадцатых',
];

const russian = (n: number): string | null => ruAdverbs[n - 1] ?? null;

// ---- Chinese: 第 + the number in Chinese numerals (第十一, 第二十一, 第一百零一, 第一百一十).
const zhDigits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chineseBelow100(n: number, inHundreds: boolean): string {
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 0) return zhDigits[unit] ?? '';
  // 十一 on its own, but 一百一十一 after a hundred.
  const tensPart = tens === 1 && !inHundreds ? '十' : `${zhDigits[tens] ?? ''}十`;
  return unit === 0 ? tensPart : `${tensPart}${zhDigits[unit] ?? ''}`;
}

function chinese(n: number): string | null {
  if (n >= 1000) return null;
  if (n < 100) return `第${chineseBelow100(n, false)}`;
  const rest = n % 100;
  const head = `${zhDigits[Math.floor(n / 100)] ?? ''}百`;
  if (rest === 0) return `第${head}`;
  return `第${head}${rest < 10 ? '零' : ''}${chineseBelow100(rest, true)}`;
}

// ---- Arabic: "أولاً" … "عاشراً" are adverbial accusatives; 11 to 19 are the indeclinable
// compounds ("حادي عشر"), and from 20 on the unit ordinal joins the tens with و ("حادي وعشرون"),
// as UN Arabic numbers its sections.
const arAdverbs = ['أولاً', 'ثانياً', 'ثالثاً', 'رابعاً', 'خامساً', 'سادساً', 'سابعاً', 'ثامناً', 'تاسعاً', 'عاشراً'];
const arCompoundUnits = ['', 'حادي', 'ثاني', 'ثالث', 'رابع', 'خامس', 'سادس', 'سابع', 'ثامن', 'تاسع'];
const arTens = ['', '', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];

function arabic(n: number): string | null {
  if (n <= 10) return arAdverbs[n - 1] ?? null;
  if (n < 20) return `${arCompoundUnits[n - 10] ?? ''} عشر`;
  if (n >= 100) return null;
  const tens = arTens[Math.floor(n / 10)] ?? '';
  const unit = n % 10;
  return unit === 0 ? tens : `${arCompoundUnits[unit] ?? ''} و${tens}`;
}

type Speller = (n: number) => string | null;

const spellers: Record<string, { word: Speller; separator: string }> = {
  en: { word: english, separator: ', ' },
  fr: { word: french, separator: ', ' },
  es: { word: spanish, separator: ', ' },
  ru: { word: russian, separator: ', ' },
  // The full-width comma carries its own spacing: no space after it.
  zh: { word: chinese, separator: '，' },
  ar: { word: arabic, separator: '، ' },
};

/** "zh-Hans" -> "zh", "es-419" -> "es", "fr-CA" -> "fr". */
const primaryLanguage = (lang: string): string => lang.split(/[-_]/)[0]?.toLowerCase() ?? '';

/**
 * The ordinal word that opens point `n` in `lang`, capitalised as it starts the paragraph
 * ("Twenty-first", "第二十一", "Vigésimo primero"), or null where the language has no table or
 * no word for that number.
 */
export function ordinalWord(n: number, lang: string): string | null {
  if (!Number.isInteger(n) || n < 1) return null;
  const word = spellers[primaryLanguage(lang)]?.word(n);
  return word ? capitalise(word) : null;
}

/**
 * "1. " for numbered points. Chinese keeps ASCII digits and full stop, as UN Chinese documents
 * do (the full-width "１．" belongs to typewriter-era layouts). Arabic follows UN Arabic, which
 * numbers operative paragraphs "1 - " with Western digits.
 */
function numberLabel(n: number, lang: string): string {
  return primaryLanguage(lang) === 'ar' ? `${n} - ` : `${n}. `;
}

/**
 * The prefix shown before numbered paragraph `number` in `lang` (the paragraph's language, not
 * the UI's): "First, ", "第一，", "أولاً، ", "1. ", or "" when the document is unnumbered. Ordinal
 * style falls back to the number where the language has no word for it.
 */
export function paragraphLabel(number: number, style: NumberingStyle, lang: string): string {
  if (style === 'none') return '';
  if (style === 'ordinal') {
    const word = ordinalWord(number, lang);
    if (word) return `${word}${spellers[primaryLanguage(lang)]?.separator ?? ', '}`;
  }
  return numberLabel(number, lang);
}
