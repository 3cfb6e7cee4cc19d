/** Simple moving average over `period` values; NaN until the window is full (or over a NaN input). */
export function sma(values: ArrayLike<number>, period: number): Float64Array {
  if (!Number.isInteger(period) || period < 1)
    throw new RangeError(`A moving average needs a whole period of at least 1 (got ${period}).`);
  const out = new Float64Array(values.length).fill(Number.NaN);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] as number;
    if (i >= period) sum -= values[i - period] as number;
    // Re-add from scratch now and then so rounding in the running sum cannot creep over decades.
    if (i % 4096 === 4095 && i >= period) {
      sum = 0;
      for (let j = i - period + 1; j <= i; j++) sum += values[j] as number;
    }
    if (i >= period - 1) out[i] = sum / period;
  }
  return out;
}
