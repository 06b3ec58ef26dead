import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import { formatNumber } from '../../i18n/intlFormat';
import { ChartFigure } from './ChartFigure';
import { ChartLegend } from './ChartLegend';
import { barLength, fitLabel, listFormat, percentFormat, physicalX, startAnchor } from './chartLayout';

export interface BalanceRow {
  key: string;
  label: string;
  all: number;
  speakers: number;
}

interface Props {
  id: string;
  caption: string;
  rows: BalanceRow[];
  participants: number;
  speakers: number;
}

const ROW = 54;

/** Each group's share of all participants beside its share of speakers: the balance a chair is asked about. */
export function BalanceChart({ id, caption, rows, participants, speakers }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dir = directionOf(lang);
  const share = percentFormat(lang);
  const number = (n: number) => formatNumber(n, lang);
  const visible = rows.filter((row) => row.all > 0 || row.speakers > 0);
  const fraction = (n: number, of: number) => (of > 0 ? n / of : 0);
  const max = Math.max(0, ...visible.flatMap((row) => [fraction(row.all, participants), fraction(row.speakers, speakers)]));
  const items = visible.map((row) =>
    t('stats.balance.item', { label: row.label, all: share(row.all, participants), speakers: share(row.speakers, speakers) }),
  );
  const series = [
    { key: 'all', label: t('stats.balance.all'), className: 'bar-all' },
    { key: 'speakers', label: t('stats.balance.speakers'), className: 'bar-speakers' },
  ] as const;

  const table = (
    <table className="stats-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('stats.table.category')}</th>
          <th scope="col">{t('stats.balance.all')}</th>
          <th scope="col">{t('stats.balance.speakers')}</th>
        </tr>
      </thead>
      <tbody>
        {visible.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{`${share(row.all, participants)} (${number(row.all)})`}</td>
            <td>{`${share(row.speakers, speakers)} (${number(row.speakers)})`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFigure
      id={id}
      caption={caption}
      summary={t('stats.chart.summary', { title: caption, items: listFormat(lang)(items) })}
      height={visible.length * ROW}
      legend={<ChartLegend label={t('stats.chart.legend')} items={[...series]} />}
      table={table}
      draw={(width) =>
        visible.map((row, index) => {
          const y = index * ROW;
          const bars = [
            { ...series[0], value: row.all, of: participants, top: y + 19 },
            { ...series[1], value: row.speakers, of: speakers, top: y + 34 },
          ];
          return (
            <g key={row.key}>
              <text x={physicalX(dir, width, 0)} y={y + 14} direction={dir} textAnchor={startAnchor(dir, dir)} className="chart-label">
                {fitLabel(row.label, width)}
              </text>
              {bars.map((bar) => {
                const length = barLength(fraction(bar.value, bar.of), max, width);
                return (
                  <g key={bar.key}>
                    <rect x={physicalX(dir, width, 0, length)} y={bar.top} width={length} height={12} rx={2} className={bar.className} />
                    <text x={physicalX(dir, width, length + 6)} y={bar.top + 10} direction={dir} textAnchor="start" className="chart-value">
                      {share(bar.value, bar.of)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })
      }
    />
  );
}
