import { useTranslation } from 'react-i18next';
import { sessionRoles } from '../../../../shared/agenda';
import { directionOf } from '../../../../shared/languages';
import { pickText } from '../../../../shared/multilingual';
import { genders } from '../../../../shared/participants';
import type { ParticipationStats } from '../../../../shared/participationStats';
import { formatClock, formatNumber } from '../../i18n/intlFormat';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { barLength, fitLabel, listFormat, physicalX, startAnchor } from './chartLayout';

type Session = ParticipationStats['bySession'][number];

/** More bars than this make a chart nobody reads; the table keeps every session. */
const MAX_BARS = 40;
const ROW = 40;
const speakerGenders = [...genders, 'unknown'] as const;

/** The sessions worth drawing: the busiest, kept in agenda order. */
function drawn(sessions: Session[]): Session[] {
  if (sessions.length <= MAX_BARS) return sessions;
  const busiest = new Set([...sessions].sort((a, b) => b.people - a.people).slice(0, MAX_BARS));
  return sessions.filter((s) => busiest.has(s));
}

/** People with a role in each session, the bar split into its speakers by gender and everyone else. */
export function SessionChart({ sessions, sourceLanguage }: { sessions: Session[]; sourceLanguage: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dir = directionOf(lang);
  const number = (n: number) => formatNumber(n, lang);
  const genderLabel = (g: (typeof speakerGenders)[number]) => (g === 'unknown' ? t('stats.notRecorded') : t(`participants.gender.${g}`));
  const shown = drawn(sessions);
  const max = Math.max(0, ...shown.map((s) => s.people));
  const title = (s: Session) => pickText(s.title, lang, sourceLanguage);
  const caption = t('stats.chart.sessions');
  const items = shown.map((s) => t('stats.chart.item', { label: title(s).text, value: number(s.people) }));
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const when = (s: Session) => {
    const date = new Date(`${s.day}T00:00:00Z`);
    return `${Number.isNaN(date.getTime()) ? s.day : day.format(date)} ${formatClock(s.startTime, lang)}`;
  };

  const legend = (
    <ChartLegend
      label={t('stats.chart.legend')}
      items={[
        ...speakerGenders
          .filter((g) => sessions.some((s) => s.speakersByGender[g] > 0))
          .map((g) => ({ key: g, label: t('stats.table.speakersByGender', { gender: genderLabel(g) }), className: `seg-${g}` })),
        { key: 'others', label: t('stats.table.otherRoles'), className: 'seg-others' },
      ]}
    />
  );

  const table = (
    <table className="stats-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('stats.table.session')}</th>
          <th scope="col">{t('stats.table.people')}</th>
          {sessionRoles.map((role) => (
            <th key={role} scope="col">
              {t(`participants.role.${role}`)}
            </th>
          ))}
          {speakerGenders.map((g) => (
            <th key={g} scope="col">
              {t('stats.table.speakersByGender', { gender: genderLabel(g) })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.sessionId}>
            <th scope="row">
              <span className="session-when">{when(s)}</span>{' '}
              <span lang={title(s).lang} dir={directionOf(title(s).lang)}>
                {title(s).text}
              </span>
            </th>
            <td>{number(s.people)}</td>
            {sessionRoles.map((role) => (
              <td key={role}>{number(s.byRole[role])}</td>
            ))}
            {speakerGenders.map((g) => (
              <td key={g}>{number(s.speakersByGender[g])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFigure
      id="stats-sessions"
      caption={caption}
      note={shown.length < sessions.length ? t('stats.chart.sessionsCapped', { shown: number(shown.length), total: number(sessions.length) }) : undefined}
      summary={t('stats.chart.summary', { title: caption, items: listFormat(lang)(items) })}
      height={shown.length * ROW}
      legend={legend}
      table={table}
      draw={(width) =>
        shown.map((s, index) => {
          const y = index * ROW;
          const picked = title(s);
          const textDir = directionOf(picked.lang);
          const segments = [
            ...speakerGenders.map((g) => ({ key: g, value: s.speakersByGender[g], className: `seg-${g}` })),
            { key: 'others', value: s.people - speakerGenders.reduce((sum, g) => sum + s.speakersByGender[g], 0), className: 'seg-others' },
          ].filter((segment) => segment.value > 0);
          let start = 0;
          const total = barLength(s.people, max, width);
          return (
            <g key={s.sessionId}>
              <text
                x={physicalX(dir, width, 0)}
                y={y + 14}
                direction={textDir}
                textAnchor={startAnchor(dir, textDir)}
                lang={picked.lang}
                className="chart-label"
              >
                {fitLabel(picked.text, width)}
              </text>
              {segments.map((segment) => {
                const length = s.people > 0 ? (segment.value / s.people) * total : 0;
                const x = physicalX(dir, width, start, length);
                start += length;
                return <rect key={segment.key} x={x} y={y + 19} width={length} height={14} className={segment.className} />;
              })}
              <text x={physicalX(dir, width, total + 6)} y={y + 31} direction={dir} textAnchor="start" className="chart-value">
                {number(s.people)}
              </text>
            </g>
          );
        })
      }
    />
  );
}
