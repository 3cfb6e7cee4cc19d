import type { Bar } from '../domain/bar';

export interface WindowMove {
  /** K: trading days from start to end. */
  days: number;
  /** Percent, close to close. */
  pct: number;
  start: Bar;
  end: Bar;
}

function extremeWindow(bars: readonly Bar[], k: number, from: number, to: number, sign: 1 | -1): WindowMove | null {
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`A window needs a whole number of days of at least 1 (got ${k}).`);
  let best: WindowMove | null = null;
  for (let end = Math.max(from, k); end <= to && end < bars.length; end++) {
    const startBar = bars[end - k] as Bar;
    const endBar = bars[end] as Bar;
    const pct = (endBar.close / startBar.close - 1) * 100;
    if (best === null || sign * pct > sign * best.pct) best = { days: k, pct, start: startBar, end: endBar };
  }
  return best;
}

/**
 * The best K-day close-to-close move ending on a bar in [from, to]: the start is the close K
 * trading days before the end, which may lie before `from`. Null when no end has K bars before it.
 */
export function bestWindow(bars: readonly Bar[], k: number, from = 0, to = bars.length - 1): WindowMove | null {
  return extremeWindow(bars, k, from, to, 1);
}

/** The worst K-day move, on the same terms as bestWindow. */
export function worstWindow(bars: readonly Bar[], k: number, from = 0, to = bars.length - 1): WindowMove | null {
  return extremeWindow(bars, k, from, to, -1);
}
