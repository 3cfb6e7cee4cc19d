import type { CloseSeries } from './domain/bar';
import { indexOnOrBeforeDay } from './close-series';

/** A close for every calendar day, carried over holidays and gaps, and where it was carried. */
export interface PriceGrid {
  /** NaN before the first close. */
  prices: Float64Array;
  /** 1 where the close is from an earlier day than the calendar day. */
  carried: Uint8Array;
  /** First calendar index with a price, or -1 when the series has none in range. */
  firstIndex: number;
}

/** `calendar`: ascending day numbers. */
export function gridCloses(series: CloseSeries, calendar: Int32Array): PriceGrid {
  const n = calendar.length;
  const prices = new Float64Array(n).fill(Number.NaN);
  const carried = new Uint8Array(n);
  const { days, closes } = series;
  if (n === 0 || days.length === 0) return { prices, carried, firstIndex: -1 };
  // Start at the last close on or before the first calendar day: history before it is not needed.
  let j = Math.max(0, indexOnOrBeforeDay(days, calendar[0] as number));
  let last = -1;
  let firstIndex = -1;
  for (let t = 0; t < n; t++) {
    const day = calendar[t] as number;
    while (j < days.length && (days[j] as number) <= day) last = j++;
    if (last < 0) continue;
    prices[t] = closes[last] as number;
    if (days[last] !== day) carried[t] = 1;
    if (firstIndex < 0) firstIndex = t;
  }
  return { prices, carried, firstIndex };
}

/** The sorted union of the series' days within [from, to], as day numbers. */
export function unionCalendar(series: Iterable<CloseSeries>, from: number, to: number): Int32Array {
  let union: Int32Array = new Int32Array(0);
  for (const { days } of series) {
    const first = indexOnOrBeforeDay(days, from - 1) + 1;
    // Most series share one trading calendar: check for that before building anything.
    let i = 0;
    let j = first;
    for (; j < days.length && i < union.length; j++, i++) {
      if (days[j] !== union[i]) break;
    }
    if (i === union.length && (j >= days.length || (days[j] as number) > to)) continue;
    union = mergeDays(union, days, first, to);
  }
  return union;
}

function mergeDays(union: Int32Array, days: Int32Array, first: number, to: number): Int32Array {
  const merged: number[] = [];
  let i = 0;
  for (let j = first; j < days.length; j++) {
    const day = days[j] as number;
    if (day > to) break;
    while (i < union.length && (union[i] as number) < day) merged.push(union[i++] as number);
    if (i < union.length && union[i] === day) i++;
    merged.push(day);
  }
  while (i < union.length) merged.push(union[i++] as number);
  return Int32Array.from(merged);
}
