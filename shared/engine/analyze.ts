// The figures behind `tiltfolio analyze SYMBOL … --json`, as one pure function. The CLI reads the
// bars from the store and prints the result unchanged, so the keys here are the contract's.
import type { Bar } from '../domain/bar';
import { indexOnOrBefore } from './bars';
import { relativePct } from './change';
import { bestWindow } from './close-windows';
import { addDays, isDay } from './dates';
import { maxDrawdown } from './drawdown';
import { lowestClose, previousHigh } from './highs-lows';

export interface AnalyzeInput {
  symbol: string;
  /** Daily closes, ascending by day. */
  bars: readonly Bar[];
  to: string;
  from?: string;
  vs?: { symbol: string; bars: readonly Bar[] };
  /** Calendar days, ending on `to`, that low, max_drawdown and best_window look at. */
  lookbackDays?: number;
  /** K, in trading days, for best_window. */
  window?: number;
}

export interface DatedClose {
  date: string;
  close: number;
}

export interface AnalyzeResult {
  symbol: string;
  /** The day of the close used: `to` itself, or the last trading day before it. */
  to: string;
  close: number;
  change?: {
    from: string;
    pct: number;
    benchmark?: string;
    benchmark_pct?: number;
    relative_pct?: number;
    /**
     * The days both series cover, over which benchmark_pct, compared_pct and relative_pct are
     * measured: from → to, cut to the benchmark's first or last close when it starts later or
     * stops earlier (flagged below).
     */
    compared_from?: string;
    compared_to?: string;
    /** The symbol's change over the compared days (= pct when they are from → to). */
    compared_pct?: number;
    benchmark_starts_late?: boolean;
    benchmark_ends_early?: boolean;
  };
  high: { is_new_high: boolean; previous_high: DatedClose | null };
  low: { date: string; close: number; above_pct: number };
  max_drawdown: { pct: number; peak: DatedClose; trough: DatedClose };
  best_window: { days: number; pct: number; start: string; end: string } | null;
}

export class AnalyzeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalyzeError';
  }
}

export const ANALYZE_DEFAULTS = { lookbackDays: 365, window: 5 } as const;

function closeIndex(symbol: string, bars: readonly Bar[], day: string): number {
  if (bars.length === 0) throw new AnalyzeError(`${symbol} has no bars.`);
  const index = indexOnOrBefore(bars, day);
  if (index < 0) throw new AnalyzeError(`${symbol} has no close on or before ${day} (its first is ${bars[0]?.day}).`);
  return index;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new AnalyzeError(`${name} must be a whole number of at least 1 (got ${value}).`);
  return value;
}

const dated = (bar: Bar): DatedClose => ({ date: bar.day, close: bar.close });

/**
 * The symbol against the benchmark over the days both cover: a benchmark whose closes stop
 * before `to` (or start after `from`) is compared up to its last close (from its first), the
 * symbol read on the same days, and flagged; with no days in common it is an error, never 0 %.
 */
function compareOverCommonDays(
  benchmark: { symbol: string; bars: readonly Bar[] },
  bars: readonly Bar[],
  fromBar: Bar,
  toBar: Bar,
) {
  const vs = benchmark.bars;
  if (vs.length === 0) throw new AnalyzeError(`${benchmark.symbol} has no bars.`);
  const first = (vs[0] as Bar).day;
  const last = (vs[vs.length - 1] as Bar).day;
  const startsLate = first > fromBar.day;
  const endsEarly = last < toBar.day;
  // The symbol's own closes on the benchmark's first and last day (or the last before them).
  const start = startsLate ? (bars[indexOnOrBefore(bars, first)] as Bar) : fromBar;
  const end = endsEarly ? (bars[indexOnOrBefore(bars, last)] as Bar) : toBar;
  if (last < fromBar.day || first > toBar.day || end.day <= start.day) {
    throw new AnalyzeError(
      `${benchmark.symbol} has closes from ${first} to ${last} only: no days in common with ${fromBar.day} – ${toBar.day} to compare.`,
    );
  }
  const startVs = vs[indexOnOrBefore(vs, start.day)] as Bar;
  const endVs = vs[indexOnOrBefore(vs, end.day)] as Bar;
  const benchmarkPct = (endVs.close / startVs.close - 1) * 100;
  const comparedPct = (end.close / start.close - 1) * 100;
  return {
    benchmark: benchmark.symbol,
    benchmark_pct: benchmarkPct,
    relative_pct: relativePct(comparedPct, benchmarkPct),
    compared_from: start.day,
    compared_to: end.day,
    compared_pct: comparedPct,
    benchmark_starts_late: startsLate,
    benchmark_ends_early: endsEarly,
  };
}

/**
 * Dates that are not trading days resolve to the last close on or before them, and the result
 * reports the days actually used. The lookback span is the `lookbackDays` calendar days ending
 * on the resolved `to` day (so 365 days ending 2016-11-14 start on 2015-11-15).
 */
export function analyze(input: AnalyzeInput): AnalyzeResult {
  const { symbol, bars } = input;
  for (const [name, day] of [
    ['to', input.to],
    ['from', input.from],
  ] as const) {
    if (day !== undefined && !isDay(day))
      throw new AnalyzeError(`${name} must be a date as YYYY-MM-DD (got ${JSON.stringify(day)}).`);
  }
  const lookbackDays = positiveInteger('lookback days', input.lookbackDays ?? ANALYZE_DEFAULTS.lookbackDays);
  const k = positiveInteger('window', input.window ?? ANALYZE_DEFAULTS.window);

  const toIndex = closeIndex(symbol, bars, input.to);
  const toBar = bars[toIndex] as Bar;
  const result: AnalyzeResult = {
    symbol,
    to: toBar.day,
    close: toBar.close,
    high: { is_new_high: false, previous_high: null },
    low: { date: toBar.day, close: toBar.close, above_pct: 0 },
    max_drawdown: { pct: 0, peak: dated(toBar), trough: dated(toBar) },
    best_window: null,
  };

  if (input.from !== undefined) {
    if (input.from > input.to) throw new AnalyzeError(`from (${input.from}) is after to (${input.to}).`);
    const fromBar = bars[closeIndex(symbol, bars, input.from)] as Bar;
    const pct = (toBar.close / fromBar.close - 1) * 100;
    result.change = { from: fromBar.day, pct };
    if (input.vs !== undefined)
      result.change = { ...result.change, ...compareOverCommonDays(input.vs, bars, fromBar, toBar) };
  } else if (input.vs !== undefined && input.vs.bars.length === 0) {
    throw new AnalyzeError(`${input.vs.symbol} has no bars.`);
  }

  // Every earlier close in the series: with none, the close is trivially a new high.
  const high = previousHigh(bars, toIndex);
  result.high = {
    is_new_high: high === null || toBar.close > high.close,
    previous_high: high === null ? null : dated(high),
  };

  // First bar inside the span (to − lookbackDays, to].
  const spanStart = indexOnOrBefore(bars, addDays(toBar.day, -lookbackDays)) + 1;
  const low = lowestClose(bars, spanStart, toIndex);
  if (low !== null) result.low = { date: low.bar.day, close: low.bar.close, above_pct: low.abovePct };
  const drawdown = maxDrawdown(bars, spanStart, toIndex);
  if (drawdown !== null)
    result.max_drawdown = { pct: drawdown.pct, peak: dated(drawdown.peak), trough: dated(drawdown.trough) };
  const best = bestWindow(bars, k, spanStart, toIndex);
  if (best !== null) result.best_window = { days: k, pct: best.pct, start: best.start.day, end: best.end.day };

  // Key order as the contract prints it.
  const { change, ...rest } = result;
  return change === undefined
    ? rest
    : {
        symbol: rest.symbol,
        to: rest.to,
        close: rest.close,
        change,
        high: rest.high,
        low: rest.low,
        max_drawdown: rest.max_drawdown,
        best_window: rest.best_window,
      };
}
