import type { Sleeve } from './sleeve';

/**
 * The index each sleeve is measured against (a holding's page, attribution): sector ETFs with long
 * daily histories. "Other" has no sector of its own, so it is measured against the benchmark
 * (null here). Kept in one place so that every view compares a sleeve with the same index.
 */
export const SLEEVE_INDEX: Record<Sleeve, string | null> = {
  large_cap_tech: 'XLK',
  financials: 'XLF',
  small_caps: 'IWM',
  other: null,
};

export type SleeveReference =
  { symbol: string; isBenchmark: boolean; note: null } | { symbol: null; isBenchmark: false; note: string };

/**
 * The index a sleeve is compared with: its sector index when that has prices, the benchmark for
 * "other", and none (with the reason) when the sector index has no prices.
 */
export function sleeveReference(
  sleeve: Sleeve,
  benchmark: string,
  hasPrices: (symbol: string) => boolean,
): SleeveReference {
  const index = SLEEVE_INDEX[sleeve];
  if (index === null) return { symbol: benchmark, isBenchmark: true, note: null };
  if (hasPrices(index)) return { symbol: index, isBenchmark: false, note: null };
  return { symbol: null, isBenchmark: false, note: `No sleeve index: ${index} has no prices in the cache.` };
}
