import type { Bar } from '../domain/bar';

/** Percent below the running peak (0 at a new peak, negative below it), for each bar. */
export function drawdownSeries(bars: readonly Bar[]): Float64Array {
  const out = new Float64Array(bars.length);
  let peak = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < bars.length; i++) {
    const close = (bars[i] as Bar).close;
    if (close > peak) peak = close;
    out[i] = (close / peak - 1) * 100;
  }
  return out;
}

export interface MaxDrawdown {
  /** Percent, zero or negative. */
  pct: number;
  peak: Bar;
  trough: Bar;
}

/**
 * The deepest fall from a running peak to a later close within bars [from, to]. With no fall at
 * all, depth 0 with peak and trough on the first bar. Null for an empty span. Ties keep the first.
 */
export function maxDrawdown(bars: readonly Bar[], from = 0, to = bars.length - 1): MaxDrawdown | null {
  const first = bars[from];
  if (first === undefined || to < from) return null;
  let peak = first;
  let best: MaxDrawdown = { pct: 0, peak: first, trough: first };
  for (let i = from; i <= to; i++) {
    const bar = bars[i] as Bar;
    if (bar.close > peak.close) peak = bar;
    const pct = (bar.close / peak.close - 1) * 100;
    if (pct < best.pct) best = { pct, peak, trough: bar };
  }
  return best;
}
