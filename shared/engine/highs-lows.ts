import type { Bar } from '../domain/bar';
import { dayToNumber } from './dates';

/** The highest close before bar `index` (the first day it was reached), or null when there is none. */
export function previousHigh(bars: readonly Bar[], index: number): Bar | null {
  let high: Bar | null = null;
  for (let i = 0; i < index && i < bars.length; i++) {
    const bar = bars[i] as Bar;
    if (high === null || bar.close > high.close) high = bar;
  }
  return high;
}

export interface HighFlags {
  /** 1 where the close is above every earlier close (the first bar counts). */
  allTime: Uint8Array;
  /** 1 where the close is above every close of the previous 52 weeks (364 calendar days). */
  week52: Uint8Array;
}

export const WEEK_52_DAYS = 364;

export function newHighs(bars: readonly Bar[], windowDays = WEEK_52_DAYS): HighFlags {
  const n = bars.length;
  const allTime = new Uint8Array(n);
  const week52 = new Uint8Array(n);
  const dayNumbers = bars.map((bar) => dayToNumber(bar.day));
  let runningMax = Number.NEGATIVE_INFINITY;
  // Monotonic deque of indexes with falling closes: its head is the window's highest close.
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    const close = (bars[i] as Bar).close;
    const today = dayNumbers[i] as number;
    while (head < tail && (dayNumbers[deque[head] as number] as number) < today - windowDays) head++;
    const windowMax = head < tail ? (bars[deque[head] as number] as Bar).close : Number.NEGATIVE_INFINITY;
    if (close > windowMax) week52[i] = 1;
    if (close > runningMax) {
      allTime[i] = 1;
      runningMax = close;
    }
    while (head < tail && (bars[deque[tail - 1] as number] as Bar).close <= close) tail--;
    deque[tail++] = i;
  }
  return { allTime, week52 };
}

export interface Low {
  bar: Bar;
  /** How far the reference close stands above the low, percent. */
  abovePct: number;
}

/** The lowest close in bars [from, to] (the first day it was reached), and the close at `to` against it. */
export function lowestClose(bars: readonly Bar[], from = 0, to = bars.length - 1): Low | null {
  const last = bars[to];
  if (last === undefined || from > to) return null;
  let low = bars[from] as Bar;
  for (let i = from + 1; i <= to; i++) {
    const bar = bars[i] as Bar;
    if (bar.close < low.close) low = bar;
  }
  return { bar: low, abovePct: (last.close / low.close - 1) * 100 };
}
