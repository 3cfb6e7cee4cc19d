import type { IncomeOutput } from '../../../../shared/api/income-schemas';
import { formatMoney } from '../../format/format';

type Month = IncomeOutput['months'][number];

const MONTH = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 'YYYY-MM' → "Mar 2018". */
export function formatMonth(month: string): string {
  return MONTH.format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * Income per month as plain SVG bars (dividends, then interest stacked on them): a handful to a
 * few hundred bars, which need no chart library. Heights are floats for drawing only; each bar's
 * title gives the exact sums.
 */
export function IncomeBars({ months, currency }: { months: Month[]; currency: string }) {
  const width = 1000;
  const height = 220;
  const axis = 18;
  const gross = months.map((m) => Number(m.dividends) + Number(m.interest));
  const max = Math.max(...gross, 0);
  const slot = width / Math.max(months.length, 1);
  const bar = Math.max(slot * 0.7, 1);
  const scale = (v: number) => (max > 0 ? (v / max) * (height - axis - 4) : 0);
  // Label about a dozen months, so that the labels never overlap.
  const every = Math.max(1, Math.ceil(months.length / 12));
  return (
    <figure className="income-bars">
      <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label="Income by month">
        {months.map((m, i) => {
          const d = scale(Number(m.dividends));
          const n = scale(Number(m.interest));
          const x = i * slot + (slot - bar) / 2;
          const base = height - axis;
          return (
            <g key={m.month} data-testid={`income-bar-${m.month}`}>
              <title>
                {`${formatMonth(m.month)}: dividends ${formatMoney(m.dividends, currency)}, interest ${formatMoney(m.interest, currency)}, taxes withheld ${formatMoney(m.taxes, currency)}`}
              </title>
              <rect className="bar-dividends" x={x} y={base - d} width={bar} height={d} />
              <rect className="bar-interest" x={x} y={base - d - n} width={bar} height={n} />
            </g>
          );
        })}
        <line className="axis" x1={0} x2={width} y1={height - axis} y2={height - axis} />
      </svg>
      <div className="income-bars-labels" aria-hidden="true">
        {months.map((m, i) => (
          <span key={m.month} style={{ width: `${100 / months.length}%` }}>
            {i % every === 0 ? formatMonth(m.month) : ''}
          </span>
        ))}
      </div>
      <figcaption className="muted small">
        <span className="swatch bar-dividends" /> Dividends <span className="swatch bar-interest" /> Interest, in{' '}
        {currency}
      </figcaption>
    </figure>
  );
}
