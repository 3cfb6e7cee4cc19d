import type { Bar } from '../domain/bar';

/** Index of the last bar on or before `day`, or -1. Dates that are not trading days use the close before them. */
export function indexOnOrBefore(bars: readonly Bar[], day: string): number {
  let lo = 0;
  let hi = bars.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((bars[mid] as Bar).day <= day) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Index of the first day >= `day` in an ascending list (day strings or day numbers), or its length. */
export function lowerBound<T extends string | number>(days: ArrayLike<T>, day: T): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as T) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last day <= `day` in an ascending list, or -1. */
export function indexOfDayOnOrBefore(days: readonly string[], day: string): number {
  const i = lowerBound(days, day);
  return i < days.length && days[i] === day ? i : i - 1;
}

export interface AlignedPair {
  days: string[];
  a: Float64Array;
  b: Float64Array;
}

/** The days both series have a close, with both closes: ratios are only taken on common days. */
export function alignBars(a: readonly Bar[], b: readonly Bar[]): AlignedPair {
  const capacity = Math.min(a.length, b.length);
  const days: string[] = [];
  const av = new Float64Array(capacity);
  const bv = new Float64Array(capacity);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Bar;
    const y = b[j] as Bar;
    if (x.day === y.day) {
      days.push(x.day);
      av[n] = x.close;
      bv[n] = y.close;
      n++;
      i++;
      j++;
    } else if (x.day < y.day) {
      i++;
    } else {
      j++;
    }
  }
  return { days, a: n === capacity ? av : av.slice(0, n), b: n === capacity ? bv : bv.slice(0, n) };
}

/** A value series as bars, leaving out days without a positive value (before the first trade). */
export function toBars(days: readonly string[], values: ArrayLike<number>): Bar[] {
  const bars: Bar[] = [];
  for (let i = 0; i < days.length; i++) {
    const close = values[i] as number;
    if (Number.isFinite(close) && close > 0) bars.push({ day: days[i] as string, close });
  }
  return bars;
}
