/**
 * Which writing system a text is in, told from its letters alone (no model, no network): enough to
 * see that a note typed in Latin letters is not Arabic, or Arabic letters not English. It cannot
 * tell English from French; it only catches a language whose script the letters cannot be in.
 */
export type Script = 'latin' | 'arabic' | 'cyrillic' | 'han' | 'greek' | 'hebrew' | 'devanagari' | 'hangul' | 'kana' | 'thai';

const ranges: ReadonlyArray<readonly [number, number, Script]> = [
  [0x0041, 0x005a, 'latin'],
  [0x0061, 0x007a, 'latin'],
  [0x00c0, 0x024f, 'latin'],
  [0x1e00, 0x1eff, 'latin'],
  [0x0370, 0x03ff, 'greek'],
  [0x0400, 0x052f, 'cyrillic'],
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x08a0, 0x08ff, 'arabic'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfeff, 'arabic'],
  [0x0900, 0x097f, 'devanagari'],
  [0x0e00, 0x0e7f, 'thai'],
  [0x1100, 0x11ff, 'hangul'],
  [0xac00, 0xd7af, 'hangul'],
  [0x3040, 0x30ff, 'kana'],
  [0x3400, 0x4dbf, 'han'],
  [0x4e00, 0x9fff, 'han'],
  [0xf900, 0xfaff, 'han'],
  [0x20000, 0x2ffff, 'han'],
];

function scriptOfChar(code: number): Script | undefined {
  for (const [from, to, script] of ranges) if (code >= from && code <= to) return script;
  return undefined;
}

/** Letters looked at: the start of a note says what it is written in, and a long one costs nothing more. */
const sampleLength = 400;
/** Fewer letters than this say nothing ("OK", "SDG"). */
const minimumLetters = 4;
/** The script of most letters, if it is most of them: a Latin acronym in an Arabic sentence is still Arabic. */
const share = 0.6;

/** The script most of the text's letters are in, or undefined when there are too few letters or no clear majority. */
export function scriptOf(text: string): Script | undefined {
  const counts = new Map<Script, number>();
  let letters = 0;
  for (const char of text.slice(0, sampleLength)) {
    const script = scriptOfChar(char.codePointAt(0) ?? 0);
    if (!script) continue;
    letters++;
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (letters < minimumLetters) return undefined;
  let best: Script | undefined;
  let most = 0;
  for (const [script, count] of counts) {
    if (count > most) [best, most] = [script, count];
  }
  return most / letters >= share ? best : undefined;
}

const byLanguage: Record<string, Script> = {
  ar: 'arabic', fa: 'arabic', ur: 'arabic', ps: 'arabic', sd: 'arabic', ug: 'arabic', ku: 'arabic',
  ru: 'cyrillic', uk: 'cyrillic', be: 'cyrillic', bg: 'cyrillic', mk: 'cyrillic', kk: 'cyrillic', ky: 'cyrillic', mn: 'cyrillic', tg: 'cyrillic', sr: 'cyrillic',
  zh: 'han', ja: 'han', yue: 'han',
  el: 'greek', he: 'hebrew', yi: 'hebrew', hi: 'devanagari', ne: 'devanagari', mr: 'devanagari', ko: 'hangul', th: 'thai',
};

/**
 * The scripts a language is written in. A script subtag decides ("sr-Latn", "zh-Hant"); Japanese
 * mixes kana with Han; most languages without an entry are written in Latin letters.
 */
export function scriptsOfLanguage(lang: string): readonly Script[] {
  const [primary = '', ...subtags] = lang.toLowerCase().split('-');
  const scriptTag = subtags.find((s) => s.length === 4);
  if (scriptTag === 'latn') return ['latin'];
  if (scriptTag === 'cyrl') return ['cyrillic'];
  if (scriptTag === 'arab') return ['arabic'];
  if (scriptTag === 'hans' || scriptTag === 'hant') return ['han'];
  if (primary === 'ja') return ['han', 'kana'];
  if (primary === 'sr') return ['cyrillic', 'latin'];
  const script = byLanguage[primary];
  return script ? [script] : ['latin'];
}

/**
 * The language to offer when the text cannot be in `lang`: the first of `candidates` (working
 * languages first, the last one used before them) written in the text's script. Undefined when
 * the text may well be in `lang`, when its script is unclear, or when no candidate fits.
 */
export function suggestLanguage(text: string, lang: string, candidates: readonly string[]): string | undefined {
  const script = scriptOf(text);
  if (!script || scriptsOfLanguage(lang).includes(script)) return undefined;
  return candidates.find((candidate) => candidate !== lang && scriptsOfLanguage(candidate).includes(script));
}
