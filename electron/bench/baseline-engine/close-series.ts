import type { Bar, CloseSeries } from './domain/bar';
import { lowerBound } from './bars';
import { dayFromNumber, dayToNumber } from './dates';

/** Bars (ascending, one per day) as columns. */
export function closeSeries(bars: readonly Bar[]): CloseSeries {
  const days = new Int32Array(bars.length);
  const closes = new Float64Array(bars.length);
  for (let i = 0; i < bars.length; i++) {
    const bar = bars[i] as Bar;
    days[i] = dayToNumber(bar.day);
    closes[i] = bar.close;
  }
  return { days, closes };
}

/** Index of the last day ≤ `day` in ascending day numbers, or −1. */
export function indexOnOrBeforeDay(days: Int32Array, day: number): number {
  return lowerBound(days, day + 1) - 1;
}

/** The close on or before `day` and the one before it, as bars; null before the first close. */
export function closeOnOrBefore(
  series: CloseSeries | undefined,
  day: string,
): { bar: Bar; previous: Bar | null } | null {
  if (series === undefined) return null;
  const i = indexOnOrBeforeDay(series.days, dayToNumber(day));
  if (i < 0) return null;
  const bar = { day: dayFromNumber(series.days[i] as number), close: series.closes[i] as number };
  const previous =
    i > 0 ? { day: dayFromNumber(series.days[i - 1] as number), close: series.closes[i - 1] as number } : null;
  return { bar, previous };
}
