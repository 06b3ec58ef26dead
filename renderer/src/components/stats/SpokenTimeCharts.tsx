import { useTranslation } from 'react-i18next';
import { genders } from '../../../../shared/participants';
import { regions, type ParticipationStats } from '../../../../shared/participationStats';
import { formatSpoken } from '../../../../shared/speakingTime';
import { formatNumber } from '../../i18n/intlFormat';
import { BarChart } from './BarChart';

/** Delegations drawn as bars; the table beside lists them all. */
const TOP = 10;

/**
 * Who actually spoke, from the speakers' lists: time per delegation, gender and region, drawn and
 * tabled like the other figures, and every speaker with their turns and time.
 */
export function SpokenTimeCharts({ spoken }: { spoken: ParticipationStats['spoken'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const notRecorded = t('stats.notRecorded');
  const heading = t('stats.spoken.time');
  const delegations = spoken.byDelegation.map((d) => ({ key: d.delegation, label: d.delegation || notRecorded, value: d.ms }));
  const genderKeys = [...genders, 'unknown'] as const;
  return (
    <section aria-labelledby="stats-spoken-heading">
      <h2 id="stats-spoken-heading">{t('stats.spoken.title')}</h2>
      {spoken.turns === 0 ? (
        <p className="empty-state">{t('stats.spoken.none')}</p>
      ) : (
        <>
          <p>{t('stats.spoken.summary', { time: formatSpoken(spoken.totalMs), turns: formatNumber(spoken.turns, lang) })}</p>
          <div className="stats-charts">
            <BarChart
              id="stats-spoken-delegation"
              caption={t('stats.spoken.byDelegation')}
              rows={delegations.slice(0, TOP)}
              tableRows={delegations}
              total={spoken.totalMs}
              format={formatSpoken}
              valueHeading={heading}
            />
            <BarChart
              id="stats-spoken-gender"
              caption={t('stats.spoken.byGender')}
              rows={genderKeys.map((g) => ({ key: g, label: g === 'unknown' ? notRecorded : t(`participants.gender.${g}`), value: spoken.byGender[g] })).filter((r) => r.value > 0)}
              total={spoken.totalMs}
              format={formatSpoken}
              valueHeading={heading}
            />
            <BarChart
              id="stats-spoken-region"
              caption={t('stats.spoken.byRegion')}
              rows={regions.map((r) => ({ key: r, label: t(`stats.region.${r}`), value: spoken.byRegion[r] })).filter((r) => r.value > 0)}
              total={spoken.totalMs}
              format={formatSpoken}
              valueHeading={heading}
            />
          </div>
          <div className="table-scroll">
          <table className="stats-table">
            <caption>{t('stats.spoken.bySpeaker')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.spoken.speaker')}</th>
                <th scope="col">{t('stats.spoken.delegation')}</th>
                <th scope="col">{t('stats.spoken.turns')}</th>
                <th scope="col">{heading}</th>
              </tr>
            </thead>
            <tbody>
              {spoken.bySpeaker.map((s) => (
                <tr key={s.participantId ?? `name:${s.delegation}`}>
                  <th scope="row">
                    <bdi>{s.name}</bdi>
                  </th>
                  <td>
                    <bdi>{s.delegation}</bdi>
                  </td>
                  <td>{formatNumber(s.turns, lang)}</td>
                  <td dir="ltr">{formatSpoken(s.ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      )}
    </section>
  );
}
