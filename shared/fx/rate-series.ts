// Rates as the value series takes them: per currency, base units per unit on every calendar day
// from the first rate to the last one's expiry, NaN where lookupRate has none (a gap longer than
// MAX_RATE_AGE_DAYS). The valuation carries a value forward to the next calendar day it values,
// so the NaN after the last rate's expiry keeps an old rate from being used for ever.
import type { Bar, CloseSeries } from '../domain/bar';
import { CROSS_CURRENCIES, lookupRate, lookupRateOn, MAX_RATE_AGE_DAYS, type FxTable } from './rate-lookup';

/** The span of days any pair that can reach `currency` or `base` has rates on (day numbers). */
function spanOf(table: FxTable, currencies: readonly string[]): { first: number; last: number } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const [key, series] of table.pairs) {
    const [a, b] = key.split('/') as [string, string];
    if (!currencies.includes(a) && !currencies.includes(b)) continue;
    if (series.days.length === 0) continue;
    first = Math.min(first, series.days[0] as number);
    last = Math.max(last, series.days[series.days.length - 1] as number);
  }
  return first === Infinity ? null : { first, last };
}

/** Base units per unit of `currency`, one entry per calendar day (floats: they feed charts and returns). */
export function baseRateSeries(table: FxTable, currency: string, base: string): CloseSeries {
  const span = spanOf(table, [currency, base, ...CROSS_CURRENCIES]);
  if (span === null) return { days: new Int32Array(0), closes: new Float64Array(0) };
  const n = span.last + MAX_RATE_AGE_DAYS + 1 - span.first + 1;
  const days = new Int32Array(n);
  const closes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const day = span.first + i;
    days[i] = day;
    const found = lookupRateOn(table, currency, base, day);
    closes[i] = found.ok ? found.rate.toNumber() : Number.NaN;
  }
  return { days, closes };
}

/** The series for every currency in `currencies` other than `base`. */
export function baseRateSeriesMap(
  table: FxTable,
  currencies: Iterable<string>,
  base: string,
): Map<string, CloseSeries> {
  const out = new Map<string, CloseSeries>();
  for (const currency of currencies) if (currency !== base) out.set(currency, baseRateSeries(table, currency, base));
  return out;
}

/**
 * A price series in another currency measured in `base`: each close times that day's rate
 * (lookupRate's rule). Days without a rate are left out, counted, and the first named.
 */
export function barsInBase(
  bars: readonly Bar[],
  table: FxTable,
  currency: string,
  base: string,
): { bars: Bar[]; missing: number; firstMissing: string | null; reason: string | null } {
  if (currency === base) return { bars: [...bars], missing: 0, firstMissing: null, reason: null };
  const out: Bar[] = [];
  let missing = 0;
  let firstMissing: string | null = null;
  let reason: string | null = null;
  for (const bar of bars) {
    const found = lookupRate(table, currency, base, bar.day);
    if (found.ok) out.push({ day: bar.day, close: bar.close * found.rate.toNumber() });
    else {
      missing++;
      firstMissing ??= bar.day;
      reason ??= found.reason;
    }
  }
  return { bars: out, missing, firstMissing, reason };
}
