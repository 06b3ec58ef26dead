import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useChartWidth } from './useChartWidth';

interface Props {
  id: string;
  caption: string;
  /** Said after the caption: what was left out of the drawing, and where to find it. */
  note?: string | undefined;
  /** The chart in words, for screen readers: the SVG is one image to them. */
  summary: string;
  height: number;
  legend?: ReactNode;
  /** The same figures as a table, folded away under the drawing. */
  table: ReactNode;
  /** Draws the chart `width` pixels wide. */
  draw: (width: number) => ReactNode;
}

/** A chart as a figure: caption, legend, the SVG drawing, and its figures as a table. */
export function ChartFigure({ id, caption, note, summary, height, legend, table, draw }: Props) {
  const { t } = useTranslation();
  const { ref, width } = useChartWidth<HTMLDivElement>();
  return (
    <figure className="stats-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {note && <p className="hint">{note}</p>}
      {legend}
      <div ref={ref} className="chart-box">
        <svg
          role="img"
          aria-label={summary}
          width={width}
          height={Math.max(height, 1)}
          viewBox={`0 0 ${width} ${Math.max(height, 1)}`}
          className="chart-drawing"
        >
          {draw(width)}
        </svg>
      </div>
      <details className="chart-table">
        <summary>{t('stats.chart.showTable')}</summary>
        {table}
      </details>
    </figure>
  );
}
