import { useMemo, useState } from 'react';
import type { HoldingsOutput, PerformanceOutput } from '../../../../shared/api/portfolio-schemas';
import { PERIODS } from '../../../../shared/engine/periods';
import { usePerformance } from '../../api/portfolio-hooks';
import { Chart } from '../../charts/chart';
import { ChartLegend } from '../../charts/chart-legend';
import { usePalette } from '../../charts/chart-theme';
import type { ChartSeries } from '../../charts/chart-types';
import { ErrorNote } from '../../components/error-note';
import { Segmented } from '../../components/segmented';
import { formatDay, formatMoney, formatPercent, signClass } from '../../format/format';
import { HOLDINGS_TOTALS, leftOutNotes } from '../../format/left-out-note';
import { staleNote } from '../../format/staleness';

type Period = (typeof PERIODS)[number];
const PERIOD_OPTIONS = PERIODS.map((p) => ({ value: p, label: p === 'ALL' ? 'All' : p }));
const PERIOD_WORDS: Record<Period, string> = {
  '1D': 'the last day',
  '1M': 'one month',
  '3M': 'three months',
  YTD: 'the year to date',
  '1Y': 'one year',
  '3Y': 'three years',
  ALL: 'all time',
};

function Figure({
  label,
  value,
  detail,
  tone,
  testId,
  warn = false,
}: {
  label: string;
  value: string;
  detail?: string;
  tone?: string;
  testId?: string;
  /** The detail is a warning (e.g. the figure is old): shown in the warning colour. */
  warn?: boolean;
}) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd className={tone} data-testid={testId}>
        {value}
      </dd>
      {detail && <dd className={warn ? 'figure-detail figure-warn' : 'figure-detail'}>{detail}</dd>}
    </div>
  );
}

/** A year or more is shown a year; under a year (where annualising misleads) over the period only. */
function moneyWeightedDetail(performance: PerformanceOutput | undefined): string {
  if (performance?.mwrPct == null) return 'no money at work';
  if (performance.mwrAnnualizedPct == null) return 'over the period (under a year: not annualised)';
  return `a year; ${formatPercent(performance.mwrPct, true)} over the period`;
}

/** Which change of the benchmark is compared: with its dividends reinvested, or its price alone. */
const BASIS_WORDS = { total: 'total return', price: 'price only' } as const;

/** The relative figure, and the span compared when the benchmark's prices cover less than the period. */
function benchmarkDetail(bench: PerformanceOutput['benchmark'] | undefined): string {
  if (!bench) return 'no benchmark prices';
  const ends = bench.endsEarly ? `prices end ${formatDay(bench.lastDay)}` : null;
  const starts = bench.startsLate ? `prices start ${formatDay(bench.firstDay)}` : null;
  const why = [starts, ends].filter((w) => w !== null).join(', ');
  if (bench.from === null || bench.relativePct === null) return `${why || 'no prices'}: nothing to compare`;
  const relative = `you: ${formatPercent(bench.relativePct, true)} relative`;
  if (!why) return relative;
  return `${why}: compared ${formatDay(bench.from)} – ${formatDay(bench.to)} only; ${relative}`;
}

export function Figures({
  holdings,
  performance,
  period,
  now,
}: {
  holdings?: HoldingsOutput;
  performance?: PerformanceOutput;
  period: Period;
  /** The user's today, for the age of the valuation day; the time of mounting when not given. */
  now?: number;
}) {
  const currency = holdings?.baseCurrency ?? performance?.baseCurrency ?? 'USD';
  const totals = holdings?.totals;
  const bench = performance?.benchmark;
  // Totals and day change are the last valuation day's: when that is old, say so beside them.
  const [mounted] = useState(Date.now);
  const stale = staleNote(holdings?.asOf, now ?? mounted);
  const withAge = (detail: string) => (stale ? `${detail}; ${stale}` : detail);
  return (
    <dl className="figures" aria-label="Key figures">
      <Figure
        label={`Total value (${currency})`}
        value={formatMoney(totals?.total, currency)}
        detail={totals ? withAge(`${formatMoney(totals.cash, currency)} in cash`) : undefined}
        testId="total-value"
        warn={stale !== null}
      />
      <Figure
        label="Day change"
        value={formatMoney(totals?.dayChange, currency, true)}
        detail={withAge(formatPercent(totals?.dayChangePct, true))}
        tone={signClass(totals?.dayChange)}
        testId="day-change"
        warn={stale !== null}
      />
      <Figure
        label="Time-weighted return"
        value={formatPercent(performance?.twrPct, true)}
        detail={
          performance?.from ? `${formatDay(performance.from)} – ${formatDay(performance.to)}` : PERIOD_WORDS[period]
        }
        tone={signClass(performance?.twrPct)}
        testId="twr"
      />
      <Figure
        label="Money-weighted (XIRR)"
        value={formatPercent(performance?.mwrAnnualizedPct ?? performance?.mwrPct, true)}
        detail={moneyWeightedDetail(performance)}
        tone={signClass(performance?.mwrAnnualizedPct ?? performance?.mwrPct)}
        testId="xirr"
      />
      <Figure
        label={
          bench
            ? `${bench.symbol} ${BASIS_WORDS[bench.basis]}${bench.currency !== bench.measuredIn ? ` in ${bench.measuredIn}` : ''} over the period`
            : 'Benchmark'
        }
        value={formatPercent(bench?.pct, true)}
        detail={benchmarkDetail(bench)}
        tone={signClass(bench?.pct)}
        testId="benchmark-return"
      />
    </dl>
  );
}

type Mode = 'growth' | 'value';

/** Notes shown under the figures; past this, the rest is one line linking to Data health (322 bullets make a page 8,000 px tall). */
export const NOTES_SHOWN = 4;

export function PerformanceCard({ holdings }: { holdings?: HoldingsOutput }) {
  const [period, setPeriod] = useState<Period>('1Y');
  const [mode, setMode] = useState<Mode>('growth');
  const performance = usePerformance({ period });
  // "Today" for the valuation day's age: read once per mount, so a re-render does not shift it.
  const [now] = useState(Date.now);
  const palette = usePalette();
  const data = performance.data;
  // The total value above is the holdings' total: say what it leaves out beside the series' notes.
  const notes = [
    ...(holdings ? leftOutNotes(holdings.totals.leftOut, holdings.baseCurrency, HOLDINGS_TOTALS) : []),
    ...(data?.notes ?? []),
  ];

  const series = useMemo<ChartSeries[]>(() => {
    if (!data) return [];
    if (mode === 'value')
      return [
        {
          id: 'value',
          kind: 'area',
          data: data.value,
          color: palette.primary,
          fill: palette.primaryFill,
          title: 'Value',
        },
      ];
    const lines: ChartSeries[] = [
      { id: 'growth', kind: 'line', data: data.growth, color: palette.primary, title: 'Portfolio' },
    ];
    if (data.benchmark)
      lines.push({
        id: 'benchmark',
        kind: 'line',
        data: data.benchmark.growth,
        color: palette.secondary,
        dashed: true,
        title: `${data.benchmark.symbol} (${BASIS_WORDS[data.benchmark.basis]})`,
      });
    return lines;
  }, [data, mode, palette]);

  return (
    <section className="card performance" aria-labelledby="performance-title">
      <div className="card-head">
        <h2 id="performance-title">Performance</h2>
        <Segmented label="Period" hideLabel options={PERIOD_OPTIONS} value={period} onChange={setPeriod} />
      </div>
      {performance.isError && <ErrorNote what="work out the returns" error={performance.error} />}
      <Figures holdings={holdings} performance={data} period={period} now={now} />
      <div className="chart-head">
        <Segmented
          label="Chart shows"
          hideLabel
          options={[
            { value: 'growth', label: 'Growth of 100 vs benchmark' },
            { value: 'value', label: 'Value' },
          ]}
          value={mode}
          onChange={setMode}
        />
        <ChartLegend series={series} />
      </div>
      {data && data.value.length > 0 ? (
        <Chart
          series={series}
          height={300}
          label={
            mode === 'value'
              ? `Portfolio value over ${PERIOD_WORDS[period]}`
              : `Growth of 100 over ${PERIOD_WORDS[period]}, portfolio against ${data.benchmark?.symbol ?? 'no benchmark'}`
          }
        />
      ) : (
        data && (
          <p className="muted">
            No valued days in this period yet: record a buy, or load prices under Import &amp; export.
          </p>
        )
      )}
      {notes.length > 0 && (
        <ul className="notes">
          {notes.slice(0, notes.length > NOTES_SHOWN ? NOTES_SHOWN - 1 : NOTES_SHOWN).map((note) => (
            <li key={note}>{note}</li>
          ))}
          {notes.length > NOTES_SHOWN && (
            <li>
              {(notes.length - NOTES_SHOWN + 1).toLocaleString()} more notes like these:{' '}
              <a href="#/health">see Data health</a>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
