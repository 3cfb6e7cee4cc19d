// A split's ratio as a CSV cell holds it. `1:3`, `1/3` and `1-for-3` are not numbers in any
// number format, so they pass as written to the contract's schema, which reads and stores them
// (shared/engine/split-ratio.ts); a plain ratio (`7`, `0,5`) is a number in the file's format.
import type { Cells } from './preset-types';

// `:` and `/` never occur in a number format the import knows; `for` never in any number.
const RATIO_SIGN = /[:/]|for/i;
// More than 10 places after a point or comma: another program's printed fraction (Wealthfolio
// writes 1-for-3 as 0.3333333333333333333333333333). No thousands group is 11 digits long, so the
// mark is the decimal one in any format; split-ratio.ts reads it as the fraction it is.
const LONG_FRACTION = /^(\d+)[.,](\d{11,})$/;

/** The cell's ratio text, null when blank, undefined after a problem (as Cells.number). Signs are kept: a negative ratio is refused, never turned positive. */
export function splitRatioCell<K extends string>(c: Cells<K>, key: K): string | null | undefined {
  const text = c.text(key);
  if (RATIO_SIGN.test(text)) return text;
  const long = LONG_FRACTION.exec(text);
  if (long) return `${long[1]}.${long[2]}`;
  return c.number(key);
}
