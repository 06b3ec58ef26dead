import ar from '../../../resources/locales/ar/documentText.json';
import en from '../../../resources/locales/en/documentText.json';
import es from '../../../resources/locales/es/documentText.json';
import fr from '../../../resources/locales/fr/documentText.json';
import ru from '../../../resources/locales/ru/documentText.json';
import zh from '../../../resources/locales/zh/documentText.json';
import { directionOf } from '../../../shared/languages';
import type { ShownText, TextPart } from './outcomeModelTypes';

// Words printed inside exported documents follow the document's language, not the UI's: a
// Chinese outcome document says "附件1" whoever exports it. The files are imported statically so
// esbuild bundles them into the core (no file reading at export time).

type Tree = { [key: string]: string | Tree };
export type DocumentTextFn = (key: string, values?: Record<string, string | number>) => string;

const tables: Record<string, Tree> = {
  ar: ar.documentText as Tree,
  en: en.documentText as Tree,
  es: es.documentText as Tree,
  fr: fr.documentText as Tree,
  ru: ru.documentText as Tree,
  zh: zh.documentText as Tree,
};

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** "zh-Hans" -> "zh". */
const primary = (lang: string): string => lang.split(/[-_]/)[0]?.toLowerCase() ?? '';

const cache = new Map<string, DocumentTextFn>();

/**
 * The translator for words printed inside a document in `lang` ("outcome.annex" under
 * documentText.json), falling back to English for languages without a file and for keys a file
 * lacks; a key nobody has comes back as itself, so a slip shows in the document instead of
 * printing nothing. `{{name}}` placeholders are replaced by `values`.
 */
export function documentText(lang: string): DocumentTextFn {
  const code = primary(lang);
  const cached = cache.get(code);
  if (cached) return cached;
  const own = tables[code];
  const fn: DocumentTextFn = (key, values) => {
    // i18next's context, as the screens use it: "role.speaker" with context "female" is
    // "role.speaker_female" where the language has that form (Oradora), else the plain key.
    const context = typeof values?.context === 'string' && values.context ? `${key}_${values.context}` : undefined;
    const template = (context && (lookup(own, context) ?? lookup(tables.en, context))) || (lookup(own, key) ?? lookup(tables.en, key) ?? key);
    if (!values) return template;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
  cache.set(code, fn);
  return fn;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** Intl's names of languages or regions in `inLang`, built once per language (they are slow to build). */
export function namesIn(inLang: string, type: 'language' | 'region'): Intl.DisplayNames | null {
  const key = `${type}:${inLang}`;
  let names = displayNames.get(key);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([inLang, 'en'], { type });
    } catch {
      names = null;
    }
    displayNames.set(key, names);
  }
  return names;
}

/** The name of language `lang` written in language `inLang` ("English" in English, "英语" in Chinese). */
export function languageName(lang: string, inLang: string): string {
  try {
    return namesIn(inLang, 'language')?.of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** A text as a column shows it: its own language and direction, and the column's "not yet translated" note when it stands in. */
export function shownText(text: string, textLang: string, columnLang: string, parts: TextPart[]): ShownText {
  const fallback = textLang !== columnLang;
  return {
    text,
    lang: textLang,
    dir: directionOf(textLang),
    fallback,
    fallbackNote: fallback ? documentText(columnLang)('outcome.notTranslated', { language: languageName(textLang, columnLang) }) : '',
    parts,
  };
}
