import type { ChartSeries } from './chart-types';
import './chart.css';

/** The series a chart draws, by name and colour; shading bands are described by their caller. */
export function ChartLegend({ series }: { series: readonly ChartSeries[] }) {
  const named = series.filter((s) => s.title && s.kind !== 'band');
  if (named.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label="Legend">
      {named.map((s) => (
        <li key={s.id}>
          <span className={`swatch${s.dashed ? ' dashed' : ''}`} style={{ borderColor: s.color }} aria-hidden="true" />
          {s.title}
        </li>
      ))}
    </ul>
  );
}
