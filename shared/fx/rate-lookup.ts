// Exchange rates from the cache, looked up as docs/engine.md ("Exchange rates") says: the rate of
// the day or the last one before it up to MAX_RATE_AGE_DAYS old, the inverse pair, or a cross
// rate through EUR then USD. A missing rate is an answer with a reason, never an exception: the
// caller leaves out what it touches and says why.
import type { FxRate } from '../domain/fx-rate';
import { Decimal } from '../engine/decimal';
import { dayFromNumber, dayToNumber } from '../engine/dates';
import { lowerBound } from '../engine/bars';

/**
 * How old (in calendar days) the last rate before a day may be. The ECB publishes on TARGET
 * working days: Good Friday to Easter Monday leaves 4 days, Christmas to New Year with a weekend
 * at most 5; 7 covers those with a day to spare, and anything longer is a gap in the data.
 */
export const MAX_RATE_AGE_DAYS = 7;

/** The currencies a cross rate goes through, in this order, when no direct pair is cached. */
export const CROSS_CURRENCIES = ['EUR', 'USD'] as const;

/**
 * One stored pair's series: day numbers ascending and the rate texts (quote per 1 base), parsed
 * on first use: the whole ECB file is 217,000 rates, and a portfolio reads a few pairs of them.
 */
interface PairSeries {
  days: Int32Array;
  texts: string[];
  rates: (Decimal | undefined)[];
}

/** The cache's rates by pair, ready for lookups. Build once per snapshot. */
export interface FxTable {
  readonly pairs: ReadonlyMap<string, PairSeries>;
}

export type FxAnswer =
  | {
      ok: true;
      /** Units of `to` per unit of `from`, rounded once to 10 places when a division made it. */
      rate: Decimal;
      /** The oldest rate day used (the day itself unless a holiday or gap was bridged). */
      rateDay: string;
      /** `direct`, `inverse` (1 ÷ the stored pair) or `cross` (through `via`). */
      how: 'same' | 'direct' | 'inverse' | 'cross';
      via: string | null;
    }
  | { ok: false; reason: string };

const pairKey = (base: string, quote: string) => `${base}/${quote}`;

export function fxTable(rates: readonly FxRate[]): FxTable {
  const grouped = new Map<string, { day: number; text: string }[]>();
  for (const r of rates) {
    const key = pairKey(r.base, r.quote);
    let list = grouped.get(key);
    if (list === undefined) grouped.set(key, (list = []));
    list.push({ day: dayToNumber(r.day), text: r.rate });
  }
  const pairs = new Map<string, PairSeries>();
  for (const [key, list] of grouped) {
    list.sort((a, b) => a.day - b.day);
    pairs.set(key, { days: Int32Array.from(list, (e) => e.day), texts: list.map((e) => e.text), rates: [] });
  }
  return { pairs };
}

/** Entry i's rate, or null when it is not a positive number (the cache's CHECK keeps those out). */
function rateAt(series: PairSeries, i: number): Decimal | null {
  let rate = series.rates[i];
  if (rate === undefined) {
    try {
      rate = Decimal.parse(series.texts[i] as string);
    } catch {
      rate = Decimal.ZERO;
    }
    series.rates[i] = rate;
  }
  // A rate of zero or below cannot convert anything (and 1 ÷ it cannot be taken): not a rate.
  return rate.isPositive() ? rate : null;
}

/** One leg, as a fraction (numerator ÷ denominator) so that a cross rate divides only once. */
interface Leg {
  numerator: Decimal;
  denominator: Decimal;
  rateDay: number;
  inverse: boolean;
}

/** The stored pair's rate on `day` or at most MAX_RATE_AGE_DAYS before; null when there is none. */
function storedRate(table: FxTable, base: string, quote: string, day: number): { rate: Decimal; day: number } | null {
  const series = table.pairs.get(pairKey(base, quote));
  if (series === undefined) return null;
  for (let i = lowerBound(series.days, day + 1) - 1; i >= 0; i--) {
    const rateDay = series.days[i] as number;
    if (day - rateDay > MAX_RATE_AGE_DAYS) return null;
    const rate = rateAt(series, i);
    if (rate !== null) return { rate, day: rateDay };
  }
  return null;
}

/** from→to directly, or as the inverse of a stored to→from; null when neither has a recent rate. */
function leg(table: FxTable, from: string, to: string, day: number): Leg | null {
  const direct = storedRate(table, from, to, day);
  if (direct !== null) return { numerator: direct.rate, denominator: Decimal.ONE, rateDay: direct.day, inverse: false };
  const inverse = storedRate(table, to, from, day);
  if (inverse !== null)
    return { numerator: Decimal.ONE, denominator: inverse.rate, rateDay: inverse.day, inverse: true };
  return null;
}

const hasPair = (table: FxTable, a: string, b: string) =>
  table.pairs.has(pairKey(a, b)) || table.pairs.has(pairKey(b, a));

/**
 * Units of `to` per unit of `from` on `day` (YYYY-MM-DD). A cross rate multiplies the two legs'
 * numerators and denominators and divides once, rounding half to even to 10 places, so GBP→USD
 * through EUR is exactly EURUSD ÷ EURGBP to 10 places.
 */
export function lookupRate(table: FxTable, from: string, to: string, day: string): FxAnswer {
  return lookupRateOn(table, from, to, dayToNumber(day));
}

/** lookupRate with the day as a day number (shared/engine/dates.ts). */
export function lookupRateOn(table: FxTable, from: string, to: string, at: number): FxAnswer {
  if (from === to) return { ok: true, rate: Decimal.ONE, rateDay: dayFromNumber(at), how: 'same', via: null };
  const direct = leg(table, from, to, at);
  if (direct !== null) return answer([direct], direct.inverse ? 'inverse' : 'direct', null);
  for (const via of CROSS_CURRENCIES) {
    if (via === from || via === to) continue;
    const first = leg(table, from, via, at);
    const second = first === null ? null : leg(table, via, to, at);
    if (first !== null && second !== null) return answer([first, second], 'cross', via);
  }
  return { ok: false, reason: missingReason(table, from, to, dayFromNumber(at)) };
}

function answer(legs: Leg[], how: 'direct' | 'inverse' | 'cross', via: string | null): FxAnswer {
  let numerator = Decimal.ONE;
  let denominator = Decimal.ONE;
  for (const l of legs) {
    numerator = numerator.mul(l.numerator);
    denominator = denominator.mul(l.denominator);
  }
  const rate = denominator.eq(Decimal.ONE) ? numerator : numerator.div(denominator);
  const rateDay = Math.min(...legs.map((l) => l.rateDay));
  return { ok: true, rate, rateDay: dayFromNumber(rateDay), how, via };
}

/** "no EUR→USD rate on or before 2016-11-14", and why when the cache has the pair at all. */
function missingReason(table: FxTable, from: string, to: string, day: string): string {
  const known =
    hasPair(table, from, to) || CROSS_CURRENCIES.some((v) => hasPair(table, from, v) && hasPair(table, v, to));
  const head = `no ${from}→${to} rate on or before ${day}`;
  return known ? `${head} (within ${MAX_RATE_AGE_DAYS} days)` : head;
}

/** `amount` (in `from`) in `to`, rounded to 10 places; null with the reason when there is no rate. */
export function convertAmount(
  table: FxTable,
  amount: Decimal,
  from: string,
  to: string,
  day: string,
): { value: Decimal; rate: Decimal; rateDay: string } | { value: null; reason: string } {
  const found = lookupRate(table, from, to, day);
  if (!found.ok) return { value: null, reason: found.reason };
  return { value: amount.mul(found.rate), rate: found.rate, rateDay: found.rateDay };
}

/** The lookup as the ledger's settlement takes it: the rate, or the reason there is none. */
export function fxRateLookup(table: FxTable): (from: string, to: string, day: string) => Decimal | string {
  return (from, to, day) => {
    const found = lookupRate(table, from, to, day);
    return found.ok ? found.rate : found.reason;
  };
}
