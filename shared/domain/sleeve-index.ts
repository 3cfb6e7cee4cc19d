import type { Sleeve } from './sleeve';

/**
 * The reference index each sleeve is measured against (attribution, the blended benchmark). `null`
 * means "the benchmark symbol in Settings", so a sleeve with no index of its own follows it.
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
