// Brinson–Fachler attribution of the portfolio's return over a blended benchmark, sleeve by
// sleeve, computed day by day and linked over the window with Cariño's factors (docs/engine.md,
// "Attribution"). Returns are fractions here (0.0734 = 7.34 %).
import type { Bar } from '../domain/bar';
import { SLEEVES, type Sleeve, type SleeveWeights } from '../domain/sleeve';
import { indexOfDayOnOrBefore, indexOnOrBefore } from './bars';

export interface AttributionInput {
  /** The portfolio's valuation calendar, ascending. */
  days: readonly string[];
  /** Per sleeve, on `days`: its value and its price-return index (shared/engine/valuation.ts). */
  sleeves: readonly { sleeve: Sleeve; values: ArrayLike<number>; index: ArrayLike<number> }[];
  /** Each sleeve's reference index: its symbol and closes, ascending. */
  indexes: Record<Sleeve, { symbol: string; bars: readonly Bar[] }>;
  /** The benchmark's sleeve weights (fractions of one, summing to one). */
  benchmarkWeights: SleeveWeights;
  from: string;
  to: string;
}

export interface SleeveEffects {
  sleeve: Sleeve;
  /** Mean of the daily start-of-day weights over the window. */
  portfolioWeight: number;
  benchmarkWeight: number;
  /** The sleeve's own returns over the window, daily-linked. */
  portfolioReturn: number;
  benchmarkReturn: number;
  allocation: number;
  selection: number;
  interaction: number;
}

export interface AttributionResult {
  /** The days actually used: the last valuation day on or before `from` and `to`. */
  from: string;
  to: string;
  portfolioReturn: number;
  benchmarkReturn: number;
  active: number;
  sleeves: SleeveEffects[];
  /** The daily returns behind the figures (one per day after `from`), for the risk figures. */
  daily: { days: string[]; portfolio: number[]; benchmark: number[] };
}

export class AttributionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttributionError';
  }
}

/** A close's return between two days, each read on or before the day (a holiday uses the close before). */
function indexReturn(symbol: string, bars: readonly Bar[], previousDay: string, day: string): number {
  const a = indexOnOrBefore(bars, previousDay);
  if (a < 0) throw new AttributionError(`${symbol} has no close on or before ${previousDay}: import its quotes first.`);
  const b = indexOnOrBefore(bars, day);
  return (bars[b] as Bar).close / (bars[a] as Bar).close - 1;
}

/**
 * Cariño's factor: ln(1+r_p) − ln(1+r_b) over r_p − r_b, its limit 1/(1+r) when they are equal.
 * Scaling each day's effects by k_t/K makes the linked effects add up to R_p − R_b exactly.
 */
export function carinoFactor(rp: number, rb: number): number {
  if (Math.abs(rp - rb) < 1e-12) return 1 / (1 + rp);
  return (Math.log1p(rp) - Math.log1p(rb)) / (rp - rb);
}

/** Brinson–Fachler, one sleeve, one period. */
export function brinsonFachler(wp: number, wb: number, rp: number, rb: number, totalBenchmark: number) {
  return {
    allocation: (wp - wb) * (rb - totalBenchmark),
    selection: wb * (rp - rb),
    interaction: (wp - wb) * (rp - rb),
  };
}

export function attribution(input: AttributionInput): AttributionResult {
  const { days, from, to } = input;
  if (from > to) throw new AttributionError(`from (${from}) is after to (${to}).`);
  const start = indexOfDayOnOrBefore(days, from);
  const end = indexOfDayOnOrBefore(days, to);
  if (start < 0) throw new AttributionError(`The portfolio has no history on or before ${from}.`);
  if (end <= start)
    throw new AttributionError(`No trading day after ${days[start]} up to ${to}: choose a longer window.`);
  const bySleeve = new Map(input.sleeves.map((s) => [s.sleeve, s]));

  const n = end - start;
  // Per day t (1…n) and sleeve: weights, returns, raw effects.
  const perDay: { rp: number; rb: number; effects: Map<Sleeve, ReturnType<typeof brinsonFachler>> }[] = [];
  const weightSums = new Map<Sleeve, number>(SLEEVES.map((s) => [s, 0]));
  const growth = new Map<Sleeve, { p: number; b: number }>(SLEEVES.map((s) => [s, { p: 1, b: 1 }]));
  const dailyDays: string[] = [];
  for (let t = start + 1; t <= end; t++) {
    const day = days[t] as string;
    const previousDay = days[t - 1] as string;
    let held = 0;
    for (const s of SLEEVES) held += (bySleeve.get(s)?.values[t - 1] as number | undefined) ?? 0;
    const rows = SLEEVES.map((s) => {
      const series = bySleeve.get(s);
      const value = (series?.values[t - 1] as number | undefined) ?? 0;
      const wp = held > 0 ? value / held : 0;
      const rp = series && value > 0 ? (series.index[t] as number) / (series.index[t - 1] as number) - 1 : 0;
      const { symbol, bars } = input.indexes[s];
      const rb = indexReturn(symbol, bars, previousDay, day);
      return { s, wp, wb: input.benchmarkWeights[s], rp, rb };
    });
    const totalP = rows.reduce((sum, r) => sum + r.wp * r.rp, 0);
    const totalB = rows.reduce((sum, r) => sum + r.wb * r.rb, 0);
    const effects = new Map(rows.map((r) => [r.s, brinsonFachler(r.wp, r.wb, r.rp, r.rb, totalB)]));
    for (const r of rows) {
      weightSums.set(r.s, (weightSums.get(r.s) as number) + r.wp);
      const g = growth.get(r.s) as { p: number; b: number };
      g.p *= 1 + r.rp;
      g.b *= 1 + r.rb;
    }
    perDay.push({ rp: totalP, rb: totalB, effects });
    dailyDays.push(day);
  }
  const portfolioReturn = perDay.reduce((g, d) => g * (1 + d.rp), 1) - 1;
  const benchmarkReturn = perDay.reduce((g, d) => g * (1 + d.rb), 1) - 1;
  const bigK = carinoFactor(portfolioReturn, benchmarkReturn);
  const sleeves = SLEEVES.map((s): SleeveEffects => {
    let allocation = 0;
    let selection = 0;
    let interaction = 0;
    for (const d of perDay) {
      const scale = carinoFactor(d.rp, d.rb) / bigK;
      const e = d.effects.get(s) as ReturnType<typeof brinsonFachler>;
      allocation += e.allocation * scale;
      selection += e.selection * scale;
      interaction += e.interaction * scale;
    }
    const g = growth.get(s) as { p: number; b: number };
    return {
      sleeve: s,
      portfolioWeight: (weightSums.get(s) as number) / n,
      benchmarkWeight: input.benchmarkWeights[s],
      portfolioReturn: g.p - 1,
      benchmarkReturn: g.b - 1,
      allocation,
      selection,
      interaction,
    };
  });
  return {
    from: days[start] as string,
    to: days[end] as string,
    portfolioReturn,
    benchmarkReturn,
    active: portfolioReturn - benchmarkReturn,
    sleeves,
    daily: { days: dailyDays, portfolio: perDay.map((d) => d.rp), benchmark: perDay.map((d) => d.rb) },
  };
}

/**
 * The blended benchmark: Σ weight × sleeve index return, rebalanced to the weights every day
 * (as the attribution's benchmark is), daily-linked over from → to.
 */
export function blendedReturn(
  days: readonly string[],
  indexes: AttributionInput['indexes'],
  weights: SleeveWeights,
  from: string,
  to: string,
): number {
  const start = indexOfDayOnOrBefore(days, from);
  const end = indexOfDayOnOrBefore(days, to);
  let growth = 1;
  for (let t = Math.max(start, 0) + 1; t <= end; t++) {
    let r = 0;
    for (const s of SLEEVES)
      r += weights[s] * indexReturn(indexes[s].symbol, indexes[s].bars, days[t - 1] as string, days[t] as string);
    growth *= 1 + r;
  }
  return growth - 1;
}
