import type { Bar } from '../domain/bar';
import { indexOnOrBefore } from './bars';

/** A close for every calendar day, carried over holidays and gaps, and where it was carried. */
export interface PriceGrid {
  /** NaN before the first close. */
  prices: Float64Array;
  /** 1 where the close is from an earlier day than the calendar day. */
  carried: Uint8Array;
  /** First calendar index with a price, or -1 when the series has none in range. */
  firstIndex: number;
}

export function gridCloses(bars: readonly Bar[], calendar: readonly string[]): PriceGrid {
  const n = calendar.length;
  const prices = new Float64Array(n).fill(Number.NaN);
  const carried = new Uint8Array(n);
  if (n === 0 || bars.length === 0) return { prices, carried, firstIndex: -1 };
  // Start at the last bar on or before the first calendar day: history before it is not needed.
  let j = Math.max(0, indexOnOrBefore(bars, calendar[0] as string));
  let last: Bar | undefined;
  let firstIndex = -1;
  for (let t = 0; t < n; t++) {
    const day = calendar[t] as string;
    while (j < bars.length && (bars[j] as Bar).day <= day) {
      last = bars[j];
      j++;
    }
    if (last === undefined) continue;
    prices[t] = last.close;
    if (last.day !== day) carried[t] = 1;
    if (firstIndex < 0) firstIndex = t;
  }
  return { prices, carried, firstIndex };
}

/** The sorted union of the series' days within [from, to]. */
export function unionCalendar(series: Iterable<readonly Bar[]>, from: string, to: string): string[] {
  let union: string[] = [];
  for (const bars of series) {
    const start = indexOnOrBefore(bars, from) + 1;
    const startDay = bars[start - 1]?.day;
    const first = startDay === from ? start - 1 : start;
    // Most series share one trading calendar: check for that before building anything.
    let same = true;
    let i = 0;
    let j = first;
    for (; j < bars.length; j++) {
      const day = (bars[j] as Bar).day;
      if (day > to) break;
      if (union[i] !== day) {
        same = false;
        break;
      }
      i++;
    }
    if (same && i === union.length) continue;
    union = mergeDays(union, bars, first, to);
  }
  return union;
}

function mergeDays(union: readonly string[], bars: readonly Bar[], first: number, to: string): string[] {
  const merged: string[] = [];
  let i = 0;
  for (let j = first; j < bars.length; j++) {
    const day = (bars[j] as Bar).day;
    if (day > to) break;
    while (i < union.length && (union[i] as string) < day) merged.push(union[i++] as string);
    if (i < union.length && union[i] === day) i++;
    merged.push(day);
  }
  while (i < union.length) merged.push(union[i++] as string);
  return merged;
}
