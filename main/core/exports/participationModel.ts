import type { Database } from 'better-sqlite3';
import { genders, orgTypes } from '../../../shared/participants';
import { participationSentence, type Translate } from '../../../shared/participationSentence';
import type { ParticipationStats } from '../../../shared/participationStats';
import { countryName as sharedCountryName } from '../../../shared/countryNames';
import { participationStats } from '../store/participationStats';
import { forumForExport, printedText, type DocText, type PrintedText } from './agendaModel';
import { documentText } from './documentText';
import { formatDate } from './formatDates';
import { formatSpoken } from '../../../shared/speakingTime';

/** One cell: plain text in the document's language, or forum content that may have fallen back. */
export type FigureCell = string | PrintedText;

export interface FigureTable {
  title: string;
  columns: string[];
  /** Columns holding numbers, aligned to the end of the cell. */
  numeric: number[];
  rows: FigureCell[][];
  /** The closing "Total" row, when the rows add up to something. */
  total: string[] | null;
}

export interface ParticipationModel {
  lang: string;
  heading: string;
  forumTitle: PrintedText;
  /** "200 participants, 18 international organisations, 17 countries", in the document's language. */
  sentence: string;
  tables: FigureTable[];
  stats: ParticipationStats;
}

function numberFormats(lang: string): { count: Intl.NumberFormat; share: Intl.NumberFormat } {
  const make = (locale: string) => ({
    count: new Intl.NumberFormat(locale),
    share: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
  });
  try {
    return make(lang);
  } catch {
    return make('en');
  }
}

/**
 * The shared sentence builder speaks i18next (`stats.sentence.x` with a count); documentText has
 * no plural resolution, so the plural form is chosen here with the document language's own rules
 * among the six suffixes every locale file carries.
 */
export function sentenceTranslate(t: DocText, lang: string): Translate {
  let rules: Intl.PluralRules;
  try {
    rules = new Intl.PluralRules(lang);
  } catch {
    rules = new Intl.PluralRules('en');
  }
  return (key, options) => {
    const name = key.replace(/^stats\.sentence\./, 'participation.sentence.');
    const count = options.count;
    if (typeof count !== 'number') return t(name, options);
    return t(`${name}_${rules.select(count)}`, options);
  };
}

/** A country's name in `lang` (the six UN languages), else in English, else its code. */
export function countryName(code: string, lang: string): string {
  return sharedCountryName(code, lang);
}

/** The participation figures of a forum, as tables in one of its languages. */
export function buildParticipationModel(db: Database, forumId: string, lang: string): ParticipationModel {
  const forum = forumForExport(db, forumId, lang);
  const stats = participationStats(db, forum.id);
  const t = documentText(lang);
  const { count, share } = numberFormats(lang);
  const n = (value: number) => count.format(value);
  const pct = (value: number) => (stats.participants > 0 ? share.format(value / stats.participants) : '');
  const col = (key: string) => t(`participation.column.${key}`);
  const shareColumns = [col('category'), col('count'), col('share')];
  const total = [t('participation.total'), n(stats.participants), stats.participants > 0 ? share.format(1) : ''];

  const counted = stats.byCountry.reduce((sum, row) => sum + row.count, 0);
  const countryRows: FigureCell[][] = stats.byCountry.map((row) => [countryName(row.country, lang), n(row.count), pct(row.count)]);
  // People without a country still count: the table adds up to every participant.
  if (stats.participants > counted) {
    countryRows.push([t('participation.notRecorded'), n(stats.participants - counted), pct(stats.participants - counted)]);
  }
  const keyed = <K extends string>(keys: readonly K[], values: Record<K, number>, label: (key: K) => string): FigureCell[][] =>
    keys.filter((key) => values[key] > 0).map((key) => [label(key), n(values[key]), pct(values[key])]);
  const unknown = t('participation.notRecorded');

  const sessionRows: FigureCell[][] = stats.bySession.map((s) => [
    printedText(t, s.title, lang, forum.sourceLanguage),
    `${formatDate(s.day, lang)} ${s.startTime}`.trim(),
    n(s.byRole.chair + s.byRole.moderator),
    n(s.byRole.speaker),
    n(s.byRole.rapporteur),
    n(s.people),
  ]);

  // Who actually spoke (the speakers' lists), as time: shares are of all the time spoken.
  const spoken = stats.spoken;
  const spokenShare = (ms: number) => (spoken.totalMs > 0 ? share.format(ms / spoken.totalMs) : '');
  const spokenTotal = spoken.turns > 0 ? [t('participation.total'), n(spoken.turns), formatSpoken(spoken.totalMs), share.format(1)] : null;
  const spokenTables: FigureTable[] = [
    {
      title: t('participation.spokenByDelegation'),
      columns: [col('delegation'), col('turns'), col('timeSpoken'), col('share')],
      numeric: [1, 2, 3],
      rows: spoken.byDelegation.map((d) => [d.delegation || unknown, n(d.turns), formatSpoken(d.ms), spokenShare(d.ms)]),
      total: spokenTotal,
    },
    {
      title: t('participation.spokenByGender'),
      columns: [col('category'), col('timeSpoken'), col('share')],
      numeric: [1, 2],
      rows: ([...genders, 'unknown'] as const)
        .filter((g) => spoken.byGender[g] > 0)
        .map((g) => [g === 'unknown' ? unknown : t(`participants.gender.${g}`), formatSpoken(spoken.byGender[g]), spokenShare(spoken.byGender[g])]),
      total: spokenTotal && [spokenTotal[0] ?? '', formatSpoken(spoken.totalMs), share.format(1)],
    },
  ];

  return {
    lang,
    heading: t('participation.heading'),
    forumTitle: printedText(t, forum.title, lang, forum.sourceLanguage),
    sentence: participationSentence(sentenceTranslate(t, lang), lang, stats),
    stats,
    tables: [
      {
        title: t('participation.byCountry'),
        columns: [col('country'), col('count'), col('share')],
        numeric: [1, 2],
        rows: countryRows,
        total,
      },
      {
        title: t('participation.byOrgType'),
        columns: shareColumns,
        numeric: [1, 2],
        rows: keyed([...orgTypes, 'unknown'], stats.byOrgType, (key) => (key === 'unknown' ? unknown : t(`participants.orgType.${key}`))),
        total,
      },
      {
        title: t('participation.byGender'),
        columns: shareColumns,
        numeric: [1, 2],
        rows: keyed([...genders, 'unknown'], stats.byGender, (key) => (key === 'unknown' ? unknown : t(`participants.gender.${key}`))),
        total,
      },
      {
        title: t('participation.bySession'),
        columns: [col('session'), col('time'), col('chairsAndModerators'), col('speakers'), col('rapporteurs'), col('people')],
        numeric: [2, 3, 4, 5],
        rows: sessionRows,
        // People may hold roles in several sessions: a sum of the column would count them twice.
        total: null,
      },
      ...spokenTables,
      // A forum without sessions yet gets no empty session table, one nobody spoke in no time table.
    ].filter((table) => table.rows.length > 0 || table.total !== null),
  };
}
