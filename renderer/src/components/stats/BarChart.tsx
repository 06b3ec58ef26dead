import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import { formatNumber } from '../../i18n/intlFormat';
import { ChartFigure } from './ChartFigure';
import { barLength, fitLabel, listFormat, percentFormat, physicalX, startAnchor } from './chartLayout';

export interface BarRow {
  key: string;
  label: string;
  value: number;
}

interface Props {
  id: string;
  caption: string;
  note?: string;
  rows: BarRow[];
  /** Rows of the table when the drawing shows fewer (the top countries of many). */
  tableRows?: BarRow[];
  /** What shares are shares of: all participants. */
  total: number;
  /** How a value reads (a count by default; spoken time as 4:05). */
  format?: (value: number) => string;
  /** The heading of the values' column, when they are not a count. */
  valueHeading?: string;
}

const ROW = 40;

/** Horizontal bars, one per row, the label above each bar and the figure at its end. */
export function BarChart({ id, caption, note, rows, tableRows = rows, total, format, valueHeading }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dir = directionOf(lang);
  const number = format ?? ((n: number) => formatNumber(n, lang));
  const share = percentFormat(lang);
  const max = Math.max(0, ...rows.map((row) => row.value));
  const items = rows.map((row) => t('stats.chart.item', { label: row.label, value: number(row.value) }));
  const summary = t('stats.chart.summary', { title: caption, items: listFormat(lang)(items) });

  const table = (
    <table className="stats-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('stats.table.category')}</th>
          <th scope="col">{valueHeading ?? t('stats.table.count')}</th>
          <th scope="col">{t('stats.table.share')}</th>
        </tr>
      </thead>
      <tbody>
        {tableRows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{number(row.value)}</td>
            <td>{share(row.value, total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFigure
      id={id}
      caption={caption}
      note={note}
      summary={summary}
      height={rows.length * ROW}
      table={table}
      draw={(width) =>
        rows.map((row, index) => {
          const y = index * ROW;
          const length = barLength(row.value, max, width);
          return (
            <g key={row.key}>
              <text x={physicalX(dir, width, 0)} y={y + 14} direction={dir} textAnchor={startAnchor(dir, dir)} className="chart-label">
                {fitLabel(row.label, width)}
              </text>
              <rect x={physicalX(dir, width, 0, length)} y={y + 19} width={length} height={14} rx={2} className="bar" />
              <text x={physicalX(dir, width, length + 6)} y={y + 31} direction={dir} textAnchor="start" className="chart-value">
                {`${number(row.value)} (${share(row.value, total)})`}
              </text>
            </g>
          );
        })
      }
    />
  );
}
