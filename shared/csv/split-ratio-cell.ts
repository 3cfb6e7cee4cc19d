// A split's ratio as a CSV cell holds it. `1:3`, `1/3` and `1-for-3` are not numbers in any
// number format, so they pass as written to the contract's schema, which reads and stores them
// (shared/engine/split-ratio.ts); a plain ratio (`7`, `0,5`) is a number in the file's format.
import type { Cells } from './preset-types';

// `:` and `/` never occur in a number format the import knows; `for` never in any number.
const RATIO_SIGN = /[:/]|for/i;

/** The cell's ratio text, null when blank, undefined after a problem (as Cells.number). Signs are kept: a negative ratio is refused, never turned positive. */
export function splitRatioCell<K extends string>(c: Cells<K>, key: K): string | null | undefined {
  const text = c.text(key);
  if (RATIO_SIGN.test(text)) return text;
  return c.number(key);
}
