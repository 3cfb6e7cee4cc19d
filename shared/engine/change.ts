import type { Bar } from '../domain/bar';
import { indexOnOrBefore } from './bars';

export interface Change {
  from: Bar;
  to: Bar;
  /** Percent. */
  pct: number;
}

/** Close on (or before) `from` to close on (or before) `to`; null when either has no close. */
export function changeBetween(bars: readonly Bar[], from: string, to: string): Change | null {
  const start = bars[indexOnOrBefore(bars, from)];
  const end = bars[indexOnOrBefore(bars, to)];
  if (start === undefined || end === undefined) return null;
  return { from: start, to: end, pct: (end.close / start.close - 1) * 100 };
}

/** A's change relative to B's, percent: how much A grew per unit of B's growth. */
export function relativePct(pct: number, benchmarkPct: number): number {
  return ((1 + pct / 100) / (1 + benchmarkPct / 100) - 1) * 100;
}
