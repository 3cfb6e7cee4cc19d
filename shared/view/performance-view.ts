// What the performance call answers: the value and the time-weighted growth of 100 over a
// period, the returns, and the benchmark's growth over the same days.
import { ApiError } from '../api/errors';
import type { PerformanceOutput } from '../api/portfolio-schemas';
import type { Bar } from '../domain/bar';
import { indexOnOrBefore } from '../engine/bars';
import { periodPerformance, resolvePeriod, type Period } from '../engine/periods';
import { twrIndex } from '../engine/returns';
import { valuePortfolio } from '../engine/valuation';
import type { Snapshot } from './snapshot';

export interface PerformanceRequest {
  period: string;
  from?: string | undefined;
  to?: string | undefined;
  account?: string | undefined;
}

function rebase(days: readonly string[], values: ArrayLike<number>, from: number, to: number) {
  const base = values[from] as number;
  const out: { time: string; value: number }[] = [];
  for (let i = from; i <= to; i++) out.push({ time: days[i] as string, value: (100 * (values[i] as number)) / base });
  return out;
}

/** The whole portfolio, or one account valued on its own (its flows include transfers). */
export function performanceView(
  snapshot: Snapshot,
  input: PerformanceRequest,
  benchmark: { symbol: string; bars: Bar[] } | null,
): PerformanceOutput {
  let { series } = snapshot.result;
  if (input.account !== undefined) {
    if (!snapshot.result.accounts.some((a) => a.name === input.account)) {
      throw new ApiError('not_found', `There is no account named "${input.account}".`);
    }
    series = valuePortfolio(snapshot.result.ledger, {
      closes: snapshot.closes,
      account: input.account,
      sleeveOf: snapshot.sleeveOf,
      to: snapshot.asOf ?? undefined,
    });
  }
  const values = series.total;
  const flows = series.flows;
  const period: Period =
    input.period === 'CUSTOM' ? { from: input.from as string, to: input.to as string } : (input.period as Period);
  const empty: PerformanceOutput = {
    from: null,
    to: null,
    baseCurrency: series.baseCurrency,
    value: [],
    growth: [],
    benchmark: null,
    startValue: null,
    endValue: null,
    twrPct: null,
    mwrPct: null,
    mwrAnnualizedPct: null,
    carriedDays: 0,
    notes: series.notes.map((n) => n.message),
  };
  const range = resolvePeriod(series.days, period);
  if (!range) return empty;
  const perf = periodPerformance({ days: series.days, values, flows }, period, benchmark ? { benchmark } : {});
  if (!perf) return empty;
  const { fromIndex, toIndex } = range;
  const growth = twrIndex(
    values.subarray(fromIndex, toIndex + 1),
    flows.subarray(fromIndex, toIndex + 1),
    range.fromInception,
  );
  let carried = 0;
  for (let i = fromIndex; i <= toIndex; i++) carried += series.carried[i] as number;
  let benchmarkOut: PerformanceOutput['benchmark'] = null;
  if (benchmark && perf.benchmark) {
    const closes = series.days
      .slice(fromIndex, toIndex + 1)
      .map((day) => benchmark.bars[indexOnOrBefore(benchmark.bars, day)]?.close ?? NaN);
    const first = closes.findIndex((c) => Number.isFinite(c));
    benchmarkOut = {
      symbol: benchmark.symbol,
      growth: first < 0 ? [] : rebase(series.days.slice(fromIndex, toIndex + 1), closes, first, closes.length - 1),
      pct: perf.benchmark.pct,
      relativePct: perf.benchmark.relativePct,
    };
  }
  return {
    ...empty,
    from: perf.from,
    to: perf.to,
    value: series.days
      .slice(fromIndex, toIndex + 1)
      .map((time, i) => ({ time, value: values[fromIndex + i] as number })),
    growth: series.days.slice(fromIndex, toIndex + 1).map((time, i) => ({ time, value: growth[i] as number })),
    benchmark: benchmarkOut,
    startValue: perf.startValue,
    endValue: perf.endValue,
    twrPct: perf.twrPct,
    mwrPct: perf.mwrPct,
    mwrAnnualizedPct: perf.mwrAnnualizedPct,
    carriedDays: carried,
  };
}
