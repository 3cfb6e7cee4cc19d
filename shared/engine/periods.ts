import type { Bar } from '../domain/bar';
import { indexOfDayOnOrBefore } from './bars';
import { changeBetween, relativePct } from './change';
import { addMonths, dayToNumber } from './dates';
import { moneyWeightedReturn, openingValue, timeWeightedReturn } from './returns';

export const PERIODS = ['1D', '1M', '3M', 'YTD', '1Y', '3Y', 'ALL'] as const;
export type PeriodKey = (typeof PERIODS)[number];
export type Period = PeriodKey | { from: string; to: string };

export interface PeriodRange {
  /** The close the period is measured from: the last day on or before its start. */
  fromIndex: number;
  toIndex: number;
  from: string;
  to: string;
  /**
   * ALL, or a period whose start falls before the first day: it runs from before the first day,
   * when nothing was invested, so it starts from the money paid in that day, not its close.
   */
  fromInception: boolean;
}

const MONTHS: Readonly<Partial<Record<PeriodKey, number>>> = { '1M': 1, '3M': 3, '1Y': 12, '3Y': 36 };

/**
 * Resolves a period against a day list, ending on `asOf` (default: the last day). A period
 * runs from the close on or before its start date (1D: the previous day in the list; YTD: the
 * last close of the previous year) to the close on or before its end; a start before the data
 * begins is clamped to the first day. Null when there is no day on or before the end.
 */
export function resolvePeriod(days: readonly string[], period: Period, asOf?: string): PeriodRange | null {
  const end = typeof period === 'object' ? period.to : (asOf ?? days[days.length - 1]);
  if (end === undefined) return null;
  const toIndex = indexOfDayOnOrBefore(days, end);
  if (toIndex < 0) return null;
  const to = days[toIndex] as string;
  let fromIndex: number;
  if (typeof period === 'object') {
    fromIndex = indexOfDayOnOrBefore(days, period.from);
  } else if (period === '1D') {
    fromIndex = toIndex - 1;
  } else if (period === 'YTD') {
    fromIndex = indexOfDayOnOrBefore(days, `${Number(to.slice(0, 4)) - 1}-12-31`);
  } else if (period === 'ALL') {
    fromIndex = 0;
  } else {
    fromIndex = indexOfDayOnOrBefore(days, addMonths(to, -(MONTHS[period] ?? 0)));
  }
  const fromInception = period === 'ALL' || fromIndex < 0;
  fromIndex = Math.min(Math.max(fromIndex, 0), toIndex);
  return { fromIndex, toIndex, from: days[fromIndex] as string, to, fromInception };
}

export interface PeriodPerformance {
  from: string;
  to: string;
  /** The close of the first day, or from inception the money paid in that day (PeriodRange.fromInception). */
  startValue: number;
  endValue: number;
  /** Percent. */
  twrPct: number;
  /**
   * XIRR, percent a year; null with nothing at work, and for a period under a year (365 days),
   * where annualising turns a day's +1 % into thousands of percent a year.
   */
  mwrAnnualizedPct: number | null;
  /** The money-weighted return over the period itself, percent; null with nothing at work. */
  mwrPct: number | null;
  benchmark: BenchmarkComparison | null;
}

/**
 * The portfolio against a benchmark over the days both cover: the period, cut to the benchmark's
 * first and last close when it starts later or stops earlier. With no day in common, the
 * figures are null (never 0 %).
 */
export interface BenchmarkComparison {
  symbol: string;
  /** The span compared, on the portfolio's days; null with no day in common. */
  from: string | null;
  to: string | null;
  /** The benchmark's change over the span, percent. */
  pct: number | null;
  /** The portfolio's time-weighted return over the same span, percent. */
  portfolioPct: number | null;
  relativePct: number | null;
  /** The benchmark's first and last close. */
  firstDay: string;
  lastDay: string;
  /** Its closes start after the period's first day / stop before its last: the span is shorter. */
  startsLate: boolean;
  endsEarly: boolean;
}

export interface PerformanceSeries {
  days: readonly string[];
  values: ArrayLike<number>;
  flows: ArrayLike<number>;
}

/** The portfolio over a period, against a benchmark's close-to-close change when one is given. */
export function periodPerformance(
  series: PerformanceSeries,
  period: Period,
  options: { asOf?: string; benchmark?: { symbol: string; bars: readonly Bar[] } } = {},
): PeriodPerformance | null {
  const range = resolvePeriod(series.days, period, options.asOf);
  if (range === null) return null;
  const { fromIndex, toIndex, fromInception } = range;
  const twr = timeWeightedReturn(series.values, series.flows, fromIndex, toIndex, fromInception);
  const mwr = moneyWeightedReturn(series.days, series.values, series.flows, fromIndex, toIndex, fromInception);
  const benchmark =
    options.benchmark === undefined || options.benchmark.bars.length === 0
      ? null
      : compareWithBenchmark(series, range, options.benchmark);
  return {
    from: range.from,
    to: range.to,
    startValue: openingValue(series.values, series.flows, fromIndex, fromInception),
    endValue: series.values[toIndex] as number,
    twrPct: twr * 100,
    mwrAnnualizedPct: mwr === null || spanDays(range.from, range.to) < 365 ? null : mwr.annualized * 100,
    mwrPct: mwr === null ? null : mwr.period * 100,
    benchmark,
  };
}

const spanDays = (from: string, to: string) => dayToNumber(to) - dayToNumber(from);

/** The span of `range` both the portfolio's days and the benchmark's closes cover, as indexes into `days`. */
export function commonSpan(
  days: readonly string[],
  range: PeriodRange,
  bars: readonly Bar[],
): { fromIndex: number; toIndex: number; startsLate: boolean; endsEarly: boolean } | null {
  const first = (bars[0] as Bar).day;
  const last = (bars[bars.length - 1] as Bar).day;
  const startsLate = first > range.from;
  const endsEarly = last < range.to;
  let fromIndex = range.fromIndex;
  while (startsLate && fromIndex <= range.toIndex && (days[fromIndex] as string) < first) fromIndex++;
  const toIndex = endsEarly ? Math.min(indexOfDayOnOrBefore(days, last), range.toIndex) : range.toIndex;
  // A span cut down to a single day (or to nothing) compares nothing.
  if (toIndex < fromIndex || (toIndex === fromIndex && (startsLate || endsEarly))) return null;
  return { fromIndex, toIndex, startsLate, endsEarly };
}

function compareWithBenchmark(
  series: PerformanceSeries,
  range: PeriodRange,
  benchmark: { symbol: string; bars: readonly Bar[] },
): BenchmarkComparison {
  const { symbol, bars } = benchmark;
  const firstDay = (bars[0] as Bar).day;
  const lastDay = (bars[bars.length - 1] as Bar).day;
  const span = commonSpan(series.days, range, bars);
  const none = { symbol, from: null, to: null, pct: null, portfolioPct: null, relativePct: null, firstDay, lastDay };
  if (span === null) return { ...none, startsLate: firstDay > range.from, endsEarly: lastDay < range.to };
  const from = series.days[span.fromIndex] as string;
  const to = series.days[span.toIndex] as string;
  const change = changeBetween(bars, from, to);
  if (change === null) return { ...none, startsLate: span.startsLate, endsEarly: span.endsEarly };
  const inception = range.fromInception && span.fromIndex === range.fromIndex;
  const portfolioPct = timeWeightedReturn(series.values, series.flows, span.fromIndex, span.toIndex, inception) * 100;
  return {
    symbol,
    from,
    to,
    pct: change.pct,
    portfolioPct,
    relativePct: relativePct(portfolioPct, change.pct),
    firstDay,
    lastDay,
    startsLate: span.startsLate,
    endsEarly: span.endsEarly,
  };
}
