import { useTranslation } from 'react-i18next';
import { genders, orgTypes, participantRoles } from '../../../shared/participants';
import { participationSentence } from '../../../shared/participationSentence';
import { regions, type ParticipationStats } from '../../../shared/participationStats';
import { ErrorMessage } from '../components/ErrorMessage';
import { LocalText } from '../components/LocalText';
import { BalanceChart } from '../components/stats/BalanceChart';
import { BarChart, type BarRow } from '../components/stats/BarChart';
import { countryNamer } from '../components/stats/chartLayout';
import { SessionChart } from '../components/stats/SessionChart';
import { SpokenTimeCharts } from '../components/stats/SpokenTimeCharts';
import { StatsFigures } from '../components/stats/StatsFigures';
import { useApiQuery } from '../hooks/useApiQuery';
import { routeHref } from '../hooks/useRoute';
import { ExportButton } from '../components/exports/ExportButton';

/** Countries drawn as bars; the table beside lists them all. */
const TOP_COUNTRIES = 10;

/** Participation figures: who came, from where, in which roles, and who got to speak. */
export function StatsScreen({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation();
  const stats = useApiQuery('stats:get', { forumId });
  const forum = useApiQuery('forums:get', { id: forumId });

  const error = stats.error ?? forum.error;
  if (error) return <ErrorMessage error={error} />;
  if (!stats.data || !forum.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const lang = i18n.language;
  const { sourceLanguage } = forum.data;

  return (
    <article className="stats-screen">
      <div className="screen-heading">
        <h1>{t('stats.title')}</h1>
        <div className="actions">
          <ExportButton target={{ kind: 'participation', forumId, languages: [sourceLanguage, ...forum.data.languages.filter((l) => l !== sourceLanguage)], sourceLanguage }} />
        </div>
      </div>
      <LocalText as="p" className="meta" text={forum.data.title} lang={lang} sourceLanguage={sourceLanguage} />
      {stats.data.participants === 0 ? (
        <section className="empty-state" aria-labelledby="stats-empty-heading">
          <h2 id="stats-empty-heading">{t('stats.empty.title')}</h2>
          <p>{t('stats.empty.body')}</p>
          <div className="actions">
            <a className="button primary" href={routeHref({ name: 'newParticipant', id: forumId })}>
              {t('stats.empty.add')}
            </a>
            <a className="button" href={routeHref({ name: 'importParticipants', id: forumId })}>
              {t('stats.empty.import')}
            </a>
          </div>
        </section>
      ) : (
        <StatsBody stats={stats.data} sourceLanguage={sourceLanguage} />
      )}
    </article>
  );
}

function StatsBody({ stats, sourceLanguage }: { stats: ParticipationStats; sourceLanguage: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const sentence = participationSentence((key, options) => t(key, options), lang, stats);
  const notRecorded = t('stats.notRecorded');
  const rows = <K extends string>(keys: readonly K[], counts: Record<K, number>, label: (key: K) => string): BarRow[] =>
    keys.map((key) => ({ key, label: label(key), value: counts[key] })).filter((row) => row.value > 0);
  const genderKeys = [...genders, 'unknown'] as const;
  const genderLabel = (g: (typeof genderKeys)[number]) => (g === 'unknown' ? notRecorded : t(`participants.gender.${g}`));
  const regionLabel = (r: (typeof regions)[number]) => t(`stats.region.${r}`);
  const countryName = countryNamer(lang);
  const countries = stats.byCountry.map((c) => ({ key: c.country, label: countryName(c.country), value: c.count }));

  return (
    <>
      <p className="stats-sentence">{sentence}</p>
      <StatsFigures stats={stats} />
      <div className="stats-charts">
        <BarChart
          id="stats-org-type"
          caption={t('stats.chart.orgType')}
          rows={rows([...orgTypes, 'unknown'] as const, stats.byOrgType, (k) => (k === 'unknown' ? notRecorded : t(`participants.orgType.${k}`)))}
          total={stats.participants}
        />
        <BarChart id="stats-gender" caption={t('stats.chart.gender')} rows={rows(genderKeys, stats.byGender, genderLabel)} total={stats.participants} />
        <BarChart
          id="stats-role"
          caption={t('stats.chart.role')}
          rows={rows(participantRoles, stats.byRole, (k) => t(`participants.role.${k}`))}
          total={stats.participants}
        />
        <BarChart id="stats-region" caption={t('stats.chart.region')} rows={rows(regions, stats.byRegion, regionLabel)} total={stats.participants} />
        <BarChart
          id="stats-countries"
          caption={countries.length > TOP_COUNTRIES ? t('stats.chart.topCountries', { shown: TOP_COUNTRIES }) : t('stats.chart.countries')}
          rows={countries.slice(0, TOP_COUNTRIES)}
          tableRows={countries}
          total={stats.participants}
        />
      </div>

      <section aria-labelledby="stats-balance-heading">
        <h2 id="stats-balance-heading">{t('stats.balance.title')}</h2>
        {stats.speakers.total === 0 ? (
          <p className="empty-state">{t('stats.balance.noSpeakers')}</p>
        ) : (
          <div className="stats-charts">
            <BalanceChart
              id="stats-balance-gender"
              caption={t('stats.balance.gender')}
              rows={genderKeys.map((g) => ({ key: g, label: genderLabel(g), all: stats.byGender[g], speakers: stats.speakers.byGender[g] }))}
              participants={stats.participants}
              speakers={stats.speakers.total}
            />
            <BalanceChart
              id="stats-balance-region"
              caption={t('stats.balance.region')}
              rows={regions.map((r) => ({ key: r, label: regionLabel(r), all: stats.byRegion[r], speakers: stats.speakers.byRegion[r] }))}
              participants={stats.participants}
              speakers={stats.speakers.total}
            />
          </div>
        )}
      </section>

      <SpokenTimeCharts spoken={stats.spoken} />

      {stats.bySession.length > 0 && (
        <section aria-labelledby="stats-sessions-heading">
          <h2 id="stats-sessions-heading">{t('stats.sessionsHeading')}</h2>
          <SessionChart sessions={stats.bySession} sourceLanguage={sourceLanguage} />
        </section>
      )}
    </>
  );
}
