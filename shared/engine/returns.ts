// Time- and money-weighted returns. Returns are fractions (0.0734 = 7.34 %) in this module.
import { dayToNumber } from './dates';

/**
 * The day's return with the day's external flow neutralised, the flow taken at the start of
 * the day (before that day's prices move): r_t = V_t / (V_{t−1} + F_t) − 1, and 0 when the
 * money at work at the start of the day is not positive (nothing invested, nothing to earn on).
 */
export function dailyReturn(values: ArrayLike<number>, flows: ArrayLike<number>, t: number): number {
  const previous = t > 0 ? (values[t - 1] as number) : 0;
  const atWork = previous + (flows[t] as number);
  if (!(atWork > 0)) return 0;
  return (values[t] as number) / atWork - 1;
}

/**
 * Time-weighted return from the close of day `fromIndex` to the close of `toIndex`, daily-linked.
 * `fromInception`: the period starts before day `fromIndex`, with nothing invested (the series'
 * first day), so that day's own return, V / F − 1 on the money paid in, counts: a fill above the
 * close and the commissions of the first day are part of the result.
 */
export function timeWeightedReturn(
  values: ArrayLike<number>,
  flows: ArrayLike<number>,
  fromIndex: number,
  toIndex: number,
  fromInception = false,
): number {
  let growth = 1;
  for (let t = fromInception ? fromIndex : fromIndex + 1; t <= toIndex; t++) {
    growth *= 1 + (fromInception && t === fromIndex ? firstDayReturn(values, flows, t) : dailyReturn(values, flows, t));
  }
  return growth - 1;
}

/** Day t's return with nothing held before it: its close on the money paid in that day. */
function firstDayReturn(values: ArrayLike<number>, flows: ArrayLike<number>, t: number): number {
  const paidIn = flows[t] as number;
  return paidIn > 0 ? (values[t] as number) / paidIn - 1 : 0;
}

/**
 * A growth index of the time-weighted return, 100 on the first day (for charts and relative
 * strength); `fromInception` (see timeWeightedReturn): 100 before the first day, so the first
 * point already holds that day's return.
 */
export function twrIndex(values: ArrayLike<number>, flows: ArrayLike<number>, fromInception = false): Float64Array {
  const index = new Float64Array(values.length);
  let level = 100;
  for (let t = 0; t < values.length; t++) {
    if (t > 0) level *= 1 + dailyReturn(values, flows, t);
    else if (fromInception) level *= 1 + firstDayReturn(values, flows, t);
    index[t] = level;
  }
  return index;
}

export interface DatedFlow {
  day: string;
  /** From the investor's side: money paid in is negative, money taken out (or held at the end) positive. */
  amount: number;
}

export class XirrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XirrError';
  }
}

/**
 * Excel's XIRR: the annual rate r with Σ amount_i / (1 + r)^((day_i − day_0) / 365) = 0.
 * Newton's method from `guess`, falling back to bisection on a bracketed root, to 1e-10.
 */
export function xirr(flows: readonly DatedFlow[], guess = 0.1): number {
  if (flows.length < 2) throw new XirrError('XIRR needs at least two cash flows.');
  const first = flows[0] as DatedFlow;
  const origin = dayToNumber(first.day);
  const years = flows.map((f) => (dayToNumber(f.day) - origin) / 365);
  const amounts = flows.map((f) => f.amount);
  if (!amounts.some((a) => a > 0) || !amounts.some((a) => a < 0)) {
    throw new XirrError('XIRR needs at least one positive and one negative cash flow.');
  }
  const npv = (rate: number): number => {
    let sum = 0;
    for (let i = 0; i < amounts.length; i++) sum += (amounts[i] as number) / Math.pow(1 + rate, years[i] as number);
    return sum;
  };
  const slope = (rate: number): number => {
    let sum = 0;
    for (let i = 0; i < amounts.length; i++) {
      const y = years[i] as number;
      sum -= (y * (amounts[i] as number)) / Math.pow(1 + rate, y + 1);
    }
    return sum;
  };

  let rate = guess;
  for (let i = 0; i < 100; i++) {
    const value = npv(rate);
    const d = slope(rate);
    if (!Number.isFinite(value) || !Number.isFinite(d) || d === 0) break;
    const next = rate - value / d;
    if (!(next > -1)) break;
    if (Math.abs(next - rate) < 1e-12) return next;
    rate = next;
  }

  // Bisection: NPV falls as the rate rises for conventional flows; find a bracket and halve it.
  let lo = -0.999999;
  let hi = 1;
  while (npv(lo) * npv(hi) > 0 && hi < 1e6) hi *= 2;
  if (npv(lo) * npv(hi) > 0) throw new XirrError('XIRR did not converge: no rate makes the flows net to zero.');
  for (let i = 0; i < 300 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (npv(lo) * npv(mid) <= 0) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

/**
 * What a period starts from: the close of its first day, or from inception the money paid in that
 * day (its close when nothing was paid in, e.g. shares transferred in at that close).
 */
export function openingValue(
  values: ArrayLike<number>,
  flows: ArrayLike<number>,
  fromIndex: number,
  fromInception: boolean,
): number {
  const paidIn = flows[fromIndex] as number;
  return fromInception && paidIn > 0 ? paidIn : (values[fromIndex] as number);
}

export interface MoneyWeighted {
  /** XIRR: annualised. */
  annualized: number;
  /** The same rate over the period's length: (1 + annualized)^(days / 365) − 1. */
  period: number;
}

/**
 * Money-weighted return between two closes of a value series: the opening value is paid in,
 * each external flow is paid in (deposits) or taken out, the closing value is taken out.
 * `fromInception` (see timeWeightedReturn): the opening is the money paid in on day `fromIndex`
 * instead of its close. Null when the period has no money at work.
 */
export function moneyWeightedReturn(
  days: readonly string[],
  values: ArrayLike<number>,
  flows: ArrayLike<number>,
  fromIndex: number,
  toIndex: number,
  fromInception = false,
): MoneyWeighted | null {
  const opening = openingValue(values, flows, fromIndex, fromInception);
  const cashflows: DatedFlow[] = [{ day: days[fromIndex] as string, amount: -opening }];
  for (let t = fromIndex + 1; t <= toIndex; t++) {
    const flow = flows[t] as number;
    if (flow !== 0) cashflows.push({ day: days[t] as string, amount: -flow });
  }
  cashflows.push({ day: days[toIndex] as string, amount: values[toIndex] as number });
  // Same-day entries would make XIRR's first flow ambiguous; merge by day.
  const merged: DatedFlow[] = [];
  for (const flow of cashflows) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.day === flow.day) last.amount += flow.amount;
    else merged.push({ ...flow });
  }
  const length = dayToNumber(days[toIndex] as string) - dayToNumber(days[fromIndex] as string);
  if (length <= 0) return null;
  try {
    const annualized = xirr(merged);
    return { annualized, period: Math.pow(1 + annualized, length / 365) - 1 };
  } catch (error) {
    if (error instanceof XirrError) return null;
    throw error;
  }
}
