/** The colours of a chart, named; the swatches use the same classes as the bars. */
export function ChartLegend({ label, items }: { label: string; items: Array<{ key: string; label: string; className: string }> }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <svg className="swatch" viewBox="0 0 12 12" aria-hidden="true">
            <rect width="12" height="12" rx="2" className={item.className} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
