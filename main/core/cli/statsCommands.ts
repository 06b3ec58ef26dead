import { countryName as sharedCountryName } from '../../../shared/countryNames';
import i18next from 'i18next';
import arParticipants from '../../../resources/locales/ar/participants.json';
import arStats from '../../../resources/locales/ar/stats.json';
import enParticipants from '../../../resources/locales/en/participants.json';
import enStats from '../../../resources/locales/en/stats.json';
import esParticipants from '../../../resources/locales/es/participants.json';
import esStats from '../../../resources/locales/es/stats.json';
import frParticipants from '../../../resources/locales/fr/participants.json';
import frStats from '../../../resources/locales/fr/stats.json';
import ruParticipants from '../../../resources/locales/ru/participants.json';
import ruStats from '../../../resources/locales/ru/stats.json';
import zhParticipants from '../../../resources/locales/zh/participants.json';
import zhStats from '../../../resources/locales/zh/stats.json';
import { sessionRoles } from '../../../shared/agenda';
import type { Forum } from '../../../shared/forum';
import { isUiLanguage, uiLanguages, type UiLanguage } from '../../../shared/languages';
import { pickText } from '../../../shared/multilingual';
import { genders, orgTypes, participantRoles } from '../../../shared/participants';
import { participationSentence, type Translate } from '../../../shared/participationSentence';
import { regions, type ParticipationStats } from '../../../shared/participationStats';
import { formatSpoken } from '../../../shared/speakingTime';
import { invoke } from '../commands/invoke';
import type { CliCommand } from './cliCommands';
import { dbOption, forumOption, jsonOption } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';
import { UsageError } from './usageError';

// The renderer's messages, so the terminal and the screen say the same thing in the same words.
const messages: Record<UiLanguage, object> = {
  ar: { ...arStats, ...arParticipants },
  zh: { ...zhStats, ...zhParticipants },
  en: { ...enStats, ...enParticipants },
  fr: { ...frStats, ...frParticipants },
  ru: { ...ruStats, ...ruParticipants },
  es: { ...esStats, ...esParticipants },
};

/** A translate function in `lang` from an i18next instance of the CLI's own (plurals by Intl.PluralRules). */
export async function statsTranslator(lang: UiLanguage): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    fallbackLng: 'en',
    resources: Object.fromEntries(uiLanguages.map((code) => [code, { app: messages[code] }])),
    defaultNS: 'app',
    ns: ['app'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const t = instance.getFixedT(lang);
  return (key, options) => String(t(key, options));
}

/** Terminal columns a string takes: East Asian wide characters two, marks and bidi controls none. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (/[\p{M}\u200b-\u200f\u061c\u2066-\u2069]/u.test(char)) continue;
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  }
  return width;
}

/** Columns padded to their widest cell; figures (and percentages) aligned on the end. */
function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  const numeric = (cell: string) => /^[\d\s.,%٪\u00a0\u202f\u200e\u200f\u061c\u066b\u066c–-]+$/u.test(cell);
  return rows.map((row) =>
    `  ${row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - displayWidth(cell));
        return numeric(cell) && i > 0 ? pad + cell : cell + pad;
      })
      .join('  ')}`.trimEnd(),
  );
}

/** The text report: the sentence, the figures, then one table per breakdown. */
export function statsReport(stats: ParticipationStats, forum: Forum, lang: UiLanguage, t: Translate): string[] {
  const number = new Intl.NumberFormat(lang);
  const list = new Intl.ListFormat(lang, { style: 'narrow', type: 'conjunction' });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const share = (n: number, of: number) => (of > 0 ? percent.format(n / of) : '–');
  const label = (key: string, fallback: string) => t(key, { defaultValue: fallback });
  const genderLabel = (g: string) => (g === 'unknown' ? t('stats.notRecorded', {}) : label(`participants.gender.${g}`, g));
  const regionLabel = (r: string) => t(`stats.region.${r}`, {});
  const countryName = (code: string) => sharedCountryName(code, lang);
  const breakdown = (title: string, entries: Array<[string, number]>) => [
    '',
    title,
    ...table(entries.filter(([, n]) => n > 0).map(([name, n]) => [name, number.format(n), share(n, stats.participants)])),
  ];
  const balance = (title: string, keys: readonly string[], name: (key: string) => string, all: Record<string, number>, speakers: Record<string, number>) => [
    '',
    title,
    ...table([
      [t('stats.table.category', {}), t('stats.balance.all', {}), t('stats.balance.speakers', {})],
      ...keys
        .filter((key) => (all[key] ?? 0) + (speakers[key] ?? 0) > 0)
        .map((key) => [name(key), share(all[key] ?? 0, stats.participants), share(speakers[key] ?? 0, stats.speakers.total)]),
    ]),
  ];

  const lines = [
    participationSentence(t, lang, stats),
    '',
    ...table(
      (['participants', 'checkedIn', 'organisations', 'internationalOrganisations', 'countries'] as const).map((key) => [
        t(`stats.figures.${key}`, {}),
        number.format(stats[key]),
      ]),
    ),
  ];
  if (stats.participants === 0) return lines;
  lines.push(
    ...breakdown(
      t('stats.chart.orgType', {}),
      [...orgTypes, 'unknown' as const].map((k) => [k === 'unknown' ? t('stats.notRecorded', {}) : label(`participants.orgType.${k}`, k), stats.byOrgType[k]]),
    ),
    ...breakdown(t('stats.chart.gender', {}), [...genders, 'unknown' as const].map((k) => [genderLabel(k), stats.byGender[k]])),
    ...breakdown(t('stats.chart.role', {}), participantRoles.map((k) => [label(`participants.role.${k}`, k), stats.byRole[k]])),
    ...breakdown(t('stats.chart.region', {}), regions.map((k) => [regionLabel(k), stats.byRegion[k]])),
    ...breakdown(t('stats.chart.countries', {}), stats.byCountry.map((c) => [`${countryName(c.country)} (${c.country})`, c.count])),
    '',
    t('stats.chart.sessions', {}),
    ...table([
      [
        t('stats.table.session', {}),
        t('stats.table.people', {}),
        ...sessionRoles.map((role) => label(`participants.role.${role}`, role)),
        t('stats.table.speakers', {}),
      ],
      ...stats.bySession.map((s) => [
        `${s.day} ${s.startTime} ${pickText(s.title, lang, forum.sourceLanguage).text}`,
        number.format(s.people),
        ...sessionRoles.map((role) => number.format(s.byRole[role])),
        list.format(
          [...genders, 'unknown' as const]
            .filter((g) => s.speakersByGender[g] > 0)
            .map((g) => `${genderLabel(g)} ${number.format(s.speakersByGender[g])}`),
        ),
      ]),
    ]),
    ...balance(t('stats.balance.gender', {}), [...genders, 'unknown'], genderLabel, stats.byGender, stats.speakers.byGender),
    ...balance(t('stats.balance.region', {}), regions, regionLabel, stats.byRegion, stats.speakers.byRegion),
  );
  // Who actually spoke, from the speakers' lists: time and turns per delegation.
  if (stats.spoken.turns > 0) {
    lines.push(
      '',
      t('stats.spoken.title', {}),
      t('stats.spoken.summary', { time: formatSpoken(stats.spoken.totalMs), turns: number.format(stats.spoken.turns) }),
      ...table([
        [t('stats.spoken.delegation', {}), t('stats.spoken.turns', {}), t('stats.spoken.time', {})],
        ...stats.spoken.byDelegation.map((d) => [d.delegation || t('stats.notRecorded', {}), number.format(d.turns), formatSpoken(d.ms)]),
      ]),
    );
  }
  return lines;
}

export const statsCommands: CliCommand[] = [
  {
    name: 'stats',
    summary: 'participation figures: participants, organisations, countries, gender, regions, sessions, speakers',
    options: [
      dbOption,
      forumOption,
      jsonOption,
      { name: 'lang', type: 'string', description: `language of the text report: ${uiLanguages.join(', ')} (default en)` },
    ],
    readOnly: true,
    validate(values) {
      if (values.lang !== undefined && (typeof values.lang !== 'string' || !isUiLanguage(values.lang))) {
        throw new UsageError(`--lang must be one of ${uiLanguages.join(', ')}, not "${String(values.lang)}".`);
      }
      checkForumOption(values);
    },
    async run(ctx, values, out) {
      const forum = await resolveForum(ctx, values.forum);
      const stats = await invoke(ctx, 'stats:get', { forumId: forum.id });
      if (values.json) {
        out(JSON.stringify(stats, null, 2));
        return 0;
      }
      const lang = typeof values.lang === 'string' && isUiLanguage(values.lang) ? values.lang : 'en';
      for (const line of statsReport(stats, forum, lang, await statsTranslator(lang))) out(line);
      return 0;
    },
  },
];
