import { languageTagPattern, uiLanguages } from '../../../shared/languages';
import { foldForMatching } from './foldForMatching';
import { foldKey } from './foldKey';

// Names ICU does not give but lists use.
const aliases: Record<string, string> = {
  mandarin: 'zh', 'mandarin chinese': 'zh', 汉语: 'zh', 普通话: 'zh', 华语: 'zh', 中文: 'zh', castellano: 'es', farsi: 'fa',
  'العربية': 'ar', 'عربي': 'ar', 'انجليزي': 'en', 'فرنسي': 'fr', 英文: 'en', 法文: 'fr', 俄文: 'ru', 西班牙文: 'es', 阿拉伯文: 'ar',
};

let names: Map<string, string> | undefined;
let known: Set<string> | undefined;
let english: Intl.DisplayNames | undefined;

/**
 * Every two-letter language ICU can name, with its name in the six UN languages and in itself
 * ("anglais", "英语", "English", "Deutsch"). Built once, from Intl.DisplayNames.
 */
function index(): { names: Map<string, string>; known: Set<string> } {
  if (names && known) return { names, known };
  names = new Map();
  known = new Set();
  english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  for (let a = 97; a <= 122; a++) {
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      if (english.of(code)) known.add(code);
    }
  }
  const displays = uiLanguages.map((lang) => new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }));
  for (const code of known) {
    const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' });
    for (const display of [...displays, own]) {
      const name = display.of(code);
      const key = name ? foldForMatching(name) : '';
      if (key && !names.has(key)) names.set(key, code);
    }
  }
  for (const [alias, code] of Object.entries(aliases)) names.set(foldForMatching(alias), code);
  return { names, known };
}

/** A language tag ("fr", "pt-BR") for a cell naming a language by tag or by name, or undefined. */
export function recogniseLanguage(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const { names: byName, known: codes } = index();
  const named = byName.get(foldKey(trimmed));
  if (named) return named;
  if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(trimmed)) return undefined;
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(trimmed.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
  if (!tag || !languageTagPattern.test(tag)) return undefined;
  const primary = tag.split('-')[0] ?? '';
  return (primary.length === 2 ? codes.has(primary) : english?.of(primary)) ? tag : undefined;
}
