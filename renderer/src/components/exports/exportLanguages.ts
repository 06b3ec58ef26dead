// The order of the columns of a parallel-language export, which the file name follows too
// ("…-en-zh-clean.docx"). A forum may store its languages in any order (one stored ['zh', 'en']
// with English as its source): the source language comes first unless the user moves another.

/** The working languages with the source first, the others in the forum's order. */
export function sourceFirst(languages: readonly string[], source: string): string[] {
  return languages.includes(source) ? [source, ...languages.filter((lang) => lang !== source)] : [...languages];
}

/**
 * `chosen` with `lang` added where the default order (`order`: source first) puts it among the
 * languages already chosen, which keep the order the user gave them.
 */
export function withLanguage(chosen: readonly string[], lang: string, order: readonly string[]): string[] {
  if (chosen.includes(lang)) return [...chosen];
  const rank = order.indexOf(lang);
  const before = chosen.findIndex((other) => order.indexOf(other) > rank);
  return before === -1 ? [...chosen, lang] : [...chosen.slice(0, before), lang, ...chosen.slice(before)];
}

export function withoutLanguage(chosen: readonly string[], lang: string): string[] {
  return chosen.filter((other) => other !== lang);
}

/** `lang` one column earlier (a no-op for the first). */
export function moveEarlier(chosen: readonly string[], lang: string): string[] {
  const at = chosen.indexOf(lang);
  if (at <= 0) return [...chosen];
  const out = [...chosen];
  out[at] = out[at - 1]!;
  out[at - 1] = lang;
  return out;
}
