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
    if (input.vs !== undefined) {
      const benchmark = input.vs;
      const start = benchmark.bars[closeIndex(benchmark.symbol, benchmark.bars, fromBar.day)] as Bar;
      const end = benchmark.bars[closeIndex(benchmark.symbol, benchmark.bars, toBar.day)] as Bar;
      const benchmarkPct = (end.close / start.close - 1) * 100;
      result.change = {
        ...result.change,
        benchmark: benchmark.symbol,
        benchmark_pct: benchmarkPct,
        relative_pct: relativePct(pct, benchmarkPct),
      };
    }
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
