// The valuation's hot loop: one holding over every day of the calendar, summed into its sleeve
// and the portfolio's day flags as it goes (valuation.ts runs it once per instrument).
import type { CloseSeries } from '../domain/bar';
import { indexOnOrBeforeDay } from './close-series';
import type { QuantityTimeline } from './ledger-types';

/** A holding's own daily series, when it is asked for (valuation.ts, LazyHoldingSeries). */
export interface HoldingDays {
  values: Float64Array;
  carried: Uint8Array;
  atCost: Uint8Array;
}

/** Day flags of the whole portfolio (holdings' values reach its total through their sleeves). */
export interface PortfolioArrays {
  carried: Uint8Array;
  atCost: Uint8Array;
  excluded: Uint8Array;
}

/**
 * The hot loop: one instrument over every calendar day. Written with plain locals and typed
 * arrays (no closures, no optional chaining) because it runs instruments × days times.
 */
export function valueHolding(
  timeline: QuantityTimeline,
  landing: Int32Array,
  calendar: Int32Array,
  series: CloseSeries | null,
  fx: Float64Array | null,
  holding: HoldingDays | null,
  sleeve: readonly Float64Array[],
  out: PortfolioArrays,
): { costDays: number; missingFx: number; lastValue: number } {
  const [sleeveV, sleeveG, sleeveS] = sleeve as [Float64Array, Float64Array, Float64Array];
  const n = calendar.length;
  const closeDays = series === null ? EMPTY_DAYS : series.days;
  const closes = series === null ? EMPTY_CLOSES : series.closes;
  const closeCount = closeDays.length;
  const steps = timeline.day;
  const stepQuantity = timeline.quantity;
  const stepCost = timeline.cost;
  const stepCount = steps.length;
  const { carried, atCost, excluded } = out;
  let k = 0;
  // Calendar index where the next change lands (n: none left).
  let nextStep = stepCount > 0 ? (landing[steps[0] as number] as number) : n;
  let quantity = 0;
  let cost = 0;
  let prevQuantity = 0;
  let prevUnit = Number.NaN; // yesterday's close × rate; NaN when yesterday was at cost
  let costDays = 0;
  let missingFx = 0;
  let lastValue = 0;
  // The close in force: walked forward with the calendar instead of a per-instrument price grid,
  // which would allocate instruments × days floats on every recompute.
  let j = nextStep >= n ? 0 : Math.max(0, indexOnOrBeforeDay(closeDays, calendar[nextStep] as number));
  let price = Number.NaN;
  let closeDay = -1;
  for (let t = nextStep; t < n; t++) {
    const day = calendar[t] as number;
    while (j < closeCount && (closeDays[j] as number) <= day) {
      price = closes[j] as number;
      closeDay = closeDays[j++] as number;
    }
    if (nextStep <= t) {
      while (k < stepCount && (landing[steps[k] as number] as number) <= t) {
        quantity = stepQuantity[k] as number;
        cost = stepCost[k] as number;
        k++;
      }
      nextStep = k < stepCount ? (landing[steps[k] as number] as number) : n;
    }
    if (quantity === 0 && prevQuantity === 0) {
      if (nextStep >= n) break; // closed for good
      // Closed until the next change: nothing to add on the days between.
      prevUnit = Number.NaN;
      t = nextStep - 1;
      continue;
    }
    if (fx === null && quantity !== 0 && quantity === prevQuantity && prevUnit === prevUnit && closeDay === day) {
      // The usual stretch: the same shares until the next change, a close on every day of it
      // (its first and last days match the calendar, and both lists only grow, so every day
      // between matches too). The same sums as below, without the searches and flags.
      const length = nextStep - t;
      const first = j - 1;
      if (first + length <= closeCount && closeDays[first + length - 1] === calendar[t + length - 1]) {
        let previous = prevUnit;
        for (let u = 0; u < length; u++) {
          const close = closes[first + u] as number;
          const value = quantity * close;
          sleeveG[t + u] = (sleeveG[t + u] as number) + quantity * (close - previous);
          sleeveS[t + u] = (sleeveS[t + u] as number) + quantity * previous;
          sleeveV[t + u] = (sleeveV[t + u] as number) + value;
          if (holding !== null) holding.values[t + u] = value;
          previous = close;
        }
        if (t + length === n) lastValue = quantity * previous;
        j = first + length;
        price = previous;
        closeDay = closeDays[j - 1] as number;
        prevUnit = previous;
        t += length - 1;
        continue;
      }
    }
    const rate = fx === null ? 1 : (fx[t] as number);
    if (rate !== rate) {
      excluded[t] = 1;
      missingFx++;
      prevQuantity = quantity;
      prevUnit = Number.NaN;
      continue;
    }
    let value: number;
    let unit = Number.NaN;
    if (price === price) {
      unit = price * rate;
      value = quantity * unit;
      if (quantity !== 0 && closeDay !== day) {
        if (holding !== null) holding.carried[t] = 1;
        carried[t] = 1;
      }
    } else {
      value = cost * rate;
      if (quantity !== 0) {
        if (holding !== null) holding.atCost[t] = 1;
        atCost[t] = 1;
        costDays++;
      }
    }
    if (prevQuantity !== 0 && unit === unit && prevUnit === prevUnit) {
      sleeveG[t] = (sleeveG[t] as number) + prevQuantity * (unit - prevUnit);
      sleeveS[t] = (sleeveS[t] as number) + prevQuantity * prevUnit;
    }
    if (holding !== null) holding.values[t] = value;
    if (t === n - 1) lastValue = value;
    sleeveV[t] = (sleeveV[t] as number) + value;
    prevQuantity = quantity;
    prevUnit = unit;
  }
  return { costDays, missingFx, lastValue };
}

const EMPTY_DAYS = new Int32Array(0);
const EMPTY_CLOSES = new Float64Array(0);
