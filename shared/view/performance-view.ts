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

/** The whole portfolio, or one account valued on its own (its flows include transfers). */
/** `total`: dividends reinvested (adjusted closes); `price`: closes only. */
export type BenchmarkBasis = 'total' | 'price';

export interface BenchmarkInput {
  symbol: string;
  bars: Bar[];
  basis: BenchmarkBasis;
  /** Why the basis is not the one asked for, when it is not. */
  note?: string | null;
  /** The currency its closes are in: already converted to the base currency when it differs (default: the base). */
  currency?: string;
}

export function performanceView(
  snapshot: Snapshot,
  input: PerformanceRequest,
  benchmark: BenchmarkInput | null,
): PerformanceOutput {
  let { series } = snapshot.result;
  if (input.account !== undefined) {
    if (!snapshot.result.accounts.some((a) => a.name === input.account)) {
      throw new ApiError('not_found', `There is no account named "${input.account}".`);
    }
    series = valuePortfolio(snapshot.result.ledger, {
      closes: snapshot.closes,
      baseCurrency: series.baseCurrency,
      fx: snapshot.fxSeries,
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
  const notes = empty.notes;
  const compared = perf.benchmark;
  if (benchmark && compared) {
    const span = compared.from === null ? null : { from: compared.from, to: compared.to as string };
    const points: { time: string; value: number }[] = [];
    if (span !== null) {
      // Only the days both cover, the benchmark starting level with the portfolio's growth.
      const start = series.days.indexOf(span.from, fromIndex);
      const end = series.days.indexOf(span.to, start);
      const base = benchmark.bars[indexOnOrBefore(benchmark.bars, span.from)]?.close ?? NaN;
      const level = growth[start - fromIndex] as number;
      for (let i = start; i <= end; i++) {
        const close = benchmark.bars[indexOnOrBefore(benchmark.bars, series.days[i] as string)]?.close ?? NaN;
        points.push({ time: series.days[i] as string, value: (level * close) / base });
      }
    }
    benchmarkOut = {
      ...compared,
      basis: benchmark.basis,
      currency: benchmark.currency ?? series.baseCurrency,
      measuredIn: series.baseCurrency,
      growth: points,
    };
    if (benchmark.note) notes.push(benchmark.note);
    const note = spanNote(compared, perf.from, perf.to);
    if (note !== null) notes.push(note);
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
    notes,
  };
}

/** Says when the benchmark covers less than the period: never a silent 0 %. */
function spanNote(
  compared: NonNullable<ReturnType<typeof periodPerformance>>['benchmark'],
  from: string,
  to: string,
): string | null {
  if (compared === null || (!compared.startsLate && !compared.endsEarly)) return null;
  const { symbol, firstDay, lastDay } = compared;
  const reason =
    compared.endsEarly && compared.startsLate
      ? `${symbol}'s prices run from ${firstDay} to ${lastDay} only`
      : compared.endsEarly
        ? `${symbol}'s prices end on ${lastDay}`
        : `${symbol}'s prices start on ${firstDay}`;
  if (compared.from === null) return `${reason}: no day in ${from} – ${to} to compare with.`;
  return `${reason}: the portfolio is compared with it over ${compared.from} – ${compared.to} only.`;
}
