// A holding's page for one window in time: its closes, trades and relative-strength lines cut to
// the window, the lines rebased to 100 on the window's first day (so "rising means it leads" reads
// from where the window starts), and the statistics beside the chart for the same days. The
// holding call gives the whole history once; every window is a cut of it, not a new query.
import type { HoldingOutput } from '../api/holding-schemas';
import type { DayRange } from './date-window';

type Point = HoldingOutput['prices'][number];
type Line = { symbol: string; points: Point[] };

export interface HoldingWindow {
  /** The first and last day with a close inside the window. */
  shown: DayRange;
  prices: Point[];
  trades: HoldingOutput['trades'];
  benchmark: Line | null;
  sleeve: Line | null;
  stats: {
    /** Last close ÷ first close − 1, in percent. */
    changePct: number;
    high: Point;
    low: Point;
    /**
     * The move of each rebased line over the window (its last value − 100): what the holding gained
     * on the reference, over the days both have prices (`from`–`to`, which may be fewer than shown).
     */
    relative: { symbol: string; changePct: number; from: string; to: string }[];
  };
}

const inside = (days: DayRange) => (p: Point) => p.time >= days.from && p.time <= days.to;

function rebased(line: Line | null, days: DayRange): Line | null {
  if (!line) return null;
  const points = line.points.filter(inside(days));
  const first = points[0];
  if (!first || first.value === 0) return null;
  return { symbol: line.symbol, points: points.map((p) => ({ time: p.time, value: (100 * p.value) / first.value })) };
}

/** The window's cut of the page, or null when it holds no close (a window outside the prices). */
export function holdingWindow(
  holding: Pick<HoldingOutput, 'prices' | 'trades' | 'relative'>,
  days: DayRange,
): HoldingWindow | null {
  const prices = holding.prices.filter(inside(days));
  const first = prices[0];
  const last = prices.at(-1);
  if (!first || !last) return null;
  let high = first;
  let low = first;
  for (const p of prices) {
    if (p.value > high.value) high = p;
    if (p.value < low.value) low = p;
  }
  const benchmark = rebased(holding.relative.benchmark, days);
  const sleeve = rebased(holding.relative.sleeve, days);
  const relative = [benchmark, sleeve]
    .filter((line, i): line is Line => line !== null && (i === 0 || line.symbol !== benchmark?.symbol))
    .map((line) => {
      const end = line.points.at(-1) as Point;
      return { symbol: line.symbol, changePct: end.value - 100, from: (line.points[0] as Point).time, to: end.time };
    });
  return {
    shown: { from: first.time, to: last.time },
    prices,
    trades: holding.trades.filter((t) => t.day >= first.time && t.day <= last.time),
    benchmark,
    sleeve,
    stats: { changePct: (last.value / first.value - 1) * 100, high, low, relative },
  };
}
