import { useMemo, useState, type ReactNode } from 'react';
import type { HoldingsOutput, PerformanceOutput } from '../../../../shared/api/portfolio-schemas';
import { PERIODS } from '../../../../shared/engine/periods';
import { usePerformance } from '../../api/portfolio-hooks';
import { Chart } from '../../charts/chart';
import { ChartLegend } from '../../charts/chart-legend';
import { usePalette } from '../../charts/chart-theme';
import type { ChartSeries } from '../../charts/chart-types';
import { ErrorNote } from '../../components/error-note';
import { Skeleton } from '../../components/skeleton';
import { FitMoney } from '../../components/fit-money';
import { Segmented } from '../../components/segmented';
import { DateWindowControl, useDateWindow } from '../../components/date-window';
import { isCustom, presetRange, windowLabel, type DateWindow } from '../../../../shared/view/date-window';
import { formatDay, formatMoney, formatPercent, signClass } from '../../format/format';
import { HOLDINGS_TOTALS, leftOutNotes } from '../../format/left-out-note';
import { staleNote } from '../../format/staleness';

type Period = (typeof PERIODS)[number] | 'CUSTOM';
const DEFAULT_WINDOW: DateWindow = { preset: '1Y' };
const PERIOD_WORDS: Record<Period, string> = {
  '1D': 'the last day',
  '1M': 'one month',
  '3M': 'three months',
  YTD: 'the year to date',
  '1Y': 'one year',
  '3Y': 'three years',
  ALL: 'all time',
  CUSTOM: 'the days chosen',
};

function Figure({
  label,
  value,
  detail,
  tone,
  testId,
  warn = false,
  loading = false,
}: {
  label: string;
  value: ReactNode;
  detail?: string;
  tone?: string;
  testId?: string;
  /** The detail is a warning (e.g. the figure is old): shown in the warning colour. */
  warn?: boolean;
  /** No answer yet: a placeholder, never the "none" of an answer that has nothing. */
  loading?: boolean;
}) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd className={loading ? undefined : tone} data-testid={testId}>
        {loading ? <Skeleton /> : value}
      </dd>
      {!loading && detail && <dd className={warn ? 'figure-detail figure-warn' : 'figure-detail'}>{detail}</dd>}
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
  failed = { holdings: false, performance: false },
}: {
  holdings?: HoldingsOutput;
  performance?: PerformanceOutput;
  period: Period;
  /** The user's today, for the age of the valuation day; the time of mounting when not given. */
  now?: number;
  /** Which call failed: its figures show a dash (the error is said above them), not a placeholder. */
  failed?: { holdings: boolean; performance: boolean };
}) {
  const holdingsLoading = !holdings && !failed.holdings;
  const performanceLoading = !performance && !failed.performance;
  const currency = holdings?.baseCurrency ?? performance?.baseCurrency ?? 'USD';
  const totals = holdings?.totals;
  const bench = performance?.benchmark;
  // Totals and day change are the last valuation day's: when that is old, say so beside them.
  const [mounted] = useState(Date.now);
  const stale = staleNote(holdings?.asOf, now ?? mounted);
  const withAge = (detail: string) => (stale ? `${detail}; ${stale}` : detail);
  return (
    <dl className="figures" aria-label="Key figures" aria-busy={holdingsLoading || performanceLoading}>
      <Figure
        label="Total value"
        value={<FitMoney value={totals?.total} currency={currency} />}
        detail={totals ? withAge(`${formatMoney(totals.cash, currency)} in cash`) : undefined}
        testId="total-value"
        loading={holdingsLoading}
        warn={stale !== null}
      />
      <Figure
        label="Day change"
        value={<FitMoney value={totals?.dayChange} currency={currency} signed />}
        detail={withAge(formatPercent(totals?.dayChangePct, true))}
        tone={signClass(totals?.dayChange)}
        testId="day-change"
        loading={holdingsLoading}
        warn={stale !== null}
      />
      <Figure
        label="Time-weighted return"
        value={formatPercent(performance?.twrPct, true)}
        detail={
          performance?.from && performance.to ? windowLabel(performance.from, performance.to) : PERIOD_WORDS[period]
        }
        tone={signClass(performance?.twrPct)}
        testId="twr"
        loading={performanceLoading}
      />
      <Figure
        label="Money-weighted (XIRR)"
        value={formatPercent(performance?.mwrAnnualizedPct ?? performance?.mwrPct, true)}
        detail={performance && moneyWeightedDetail(performance)}
        tone={signClass(performance?.mwrAnnualizedPct ?? performance?.mwrPct)}
        testId="xirr"
        loading={performanceLoading}
      />
      <Figure
        label={
          bench
            ? `${bench.symbol} ${BASIS_WORDS[bench.basis]}${bench.currency !== bench.measuredIn ? ` in ${bench.measuredIn}` : ''} over the period`
            : 'Benchmark'
        }
        value={formatPercent(bench?.pct, true)}
        detail={performance && benchmarkDetail(bench)}
        tone={signClass(bench?.pct)}
        testId="benchmark-return"
        loading={performanceLoading}
      />
    </dl>
  );
}

type Mode = 'growth' | 'value';

/** Notes shown under the figures; past this, the rest is one line linking to Data health (322 bullets make a page 8,000 px tall). */
export const NOTES_SHOWN = 4;

export function PerformanceCard({
  holdings,
  holdingsFailed = false,
}: {
  holdings?: HoldingsOutput;
  holdingsFailed?: boolean;
}) {
  const [dateWindow, setWindow] = useDateWindow(DEFAULT_WINDOW);
  const [mode, setMode] = useState<Mode>('growth');
  // The whole history, for the overview strip and the span typed days must meet.
  const whole = usePerformance({ period: 'ALL' });
  const span = whole.data?.from && whole.data.to ? { from: whole.data.from, to: whole.data.to } : null;
  // A preset the backend resolves against the portfolio's own days; typed days as a custom period.
  // A preset the engine has no period for (5Y in a hand-edited link) is sent as the days it stands for.
  const engineKnows = !isCustom(dateWindow) && (PERIODS as readonly string[]).includes(dateWindow.preset);
  const days = isCustom(dateWindow) ? dateWindow : !engineKnows && span ? presetRange(dateWindow.preset, span) : null;
  const period: Period = days ? 'CUSTOM' : engineKnows ? (dateWindow as { preset: Period }).preset : 'ALL';
  const performance = usePerformance(
    days ? { period: 'CUSTOM', from: days.from, to: days.to } : { period: period as Exclude<Period, 'CUSTOM'> },
  );
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
      </div>
      <DateWindowControl
        idPrefix="perf-window"
        presets={PERIODS}
        value={dateWindow}
        onChange={(next) => setWindow(next)}
        shown={data?.from && data.to ? { from: data.from, to: data.to } : null}
        span={span}
        overview={whole.data?.growth}
      />
      {performance.isError && <ErrorNote what="work out the returns" error={performance.error} />}
      <Figures
        holdings={holdings}
        performance={data}
        period={period}
        now={now}
        failed={{ holdings: holdingsFailed, performance: performance.isError }}
      />
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
          onVisibleDaysChange={(days) => setWindow(days, { replace: true })}
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
