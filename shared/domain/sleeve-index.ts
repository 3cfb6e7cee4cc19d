import type { Sleeve } from './sleeve';

/**
 * The reference index each sleeve is measured against (attribution, the blended benchmark, a
 * holding's page), set in Settings. `null` means "the benchmark symbol in Settings", so a sleeve
 * with no index of its own ("other") follows it. Kept in one place so that every view compares a
 * sleeve with the same index.
 */
export type SleeveIndexes = Record<Sleeve, string | null>;

// RUT rather than IWM for small caps: the bundled demo closes carry RUT, and both track the
// Russell 2000. XLK rather than QQQ: the tech sector fund, as XLF is the financials one.
export const DEFAULT_SLEEVE_INDEXES: SleeveIndexes = {
  large_cap_tech: 'XLK',
  financials: 'XLF',
  small_caps: 'RUT',
  other: null,
};

/** The symbol a sleeve is compared with: its own index, or the benchmark. */
export function sleeveIndexSymbol(indexes: SleeveIndexes, sleeve: Sleeve, benchmark: string): string {
  return indexes[sleeve] ?? benchmark;
}

export type SleeveReference =
  { symbol: string; isBenchmark: boolean; note: null } | { symbol: null; isBenchmark: false; note: string };

/**
 * The index a sleeve is compared with: its sector index when that has prices, the benchmark for a
 * sleeve without one, and none (with the reason) when the sector index has no prices.
 */
export function sleeveReference(
  sleeve: Sleeve,
  benchmark: string,
  hasPrices: (symbol: string) => boolean,
  indexes: SleeveIndexes = DEFAULT_SLEEVE_INDEXES,
): SleeveReference {
  const index = indexes[sleeve];
  if (index === null) return { symbol: benchmark, isBenchmark: true, note: null };
  if (hasPrices(index)) return { symbol: index, isBenchmark: false, note: null };
  return { symbol: null, isBenchmark: false, note: `No sleeve index: ${index} has no prices in the cache.` };
}
