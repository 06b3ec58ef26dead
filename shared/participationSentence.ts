/**
 * A translate function bound to one language, as i18next's `t` is: the renderer passes its own,
 * the CLI one from an i18next instance of its own, so both read the same messages.
 */
export type Translate = (key: string, options: Record<string, string | number>) => string;

export interface SentenceFigures {
  participants: number;
  internationalOrganisations: number;
  countries: number;
}

/** Every plural form any of the six UI languages uses; each plural message has all of them. */
export const pluralSuffixes = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** The plural messages the sentence is built from, under `stats.sentence.`. */
export const sentenceParts = ['participants', 'internationalOrganisations', 'countries'] as const;

/**
 * The seeds' sentence, "200 participants, 18 international organisations, 17 countries", in the
 * language `t` speaks. Each part picks its plural form from `count` (Arabic has six, Russian
 * three, Chinese one) and shows the number as `lang` writes it.
 */
export function participationSentence(t: Translate, lang: string, figures: SentenceFigures): string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(lang);
  } catch {
    format = new Intl.NumberFormat('en');
  }
  const part = (key: (typeof sentenceParts)[number]) =>
    t(`stats.sentence.${key}`, { count: figures[key], number: format.format(figures[key]) });
  return t('stats.sentence.list', {
    participants: part('participants'),
    organisations: part('internationalOrganisations'),
    countries: part('countries'),
  });
}
