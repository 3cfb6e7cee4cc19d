// Daily value series from the ledger's timelines and cached closes. Everything here is float:
// these numbers draw charts and feed returns; the exact figures live in the ledger's positions.
import type { CloseSeries } from '../domain/bar';
import { SLEEVES, type Sleeve } from '../domain/sleeve';
import { lowerBound } from './bars';
import { indexOnOrBeforeDay } from './close-series';
import { dayFromNumber, dayToNumber } from './dates';
import { valueHolding, type HoldingDays, type PortfolioArrays } from './holding-values';
import { compareText, type BalanceTimeline, type LedgerResult, type QuantityTimeline } from './ledger-types';
import { gridCloses, unionCalendar } from './price-grid';
import { sleeveOf } from './sleeves';

export interface ValuationOptions {
  /** Split-adjusted daily closes by symbol. The days valued are every day any held instrument has one. */
  closes: ReadonlyMap<string, CloseSeries>;
  /** The portfolio's currency. */
  baseCurrency?: string;
  /**
   * Units of the base currency per unit of each other currency, by currency code: a value per
   * calendar day, NaN where there is no usable rate (shared/fx/rate-series.ts), carried to the
   * days valued like a close.
   */
  fx?: ReadonlyMap<string, CloseSeries>;
  /** Last day of the series; by default the last close or transaction. */
  to?: string;
  sleeveOf?: (symbol: string) => Sleeve;
  /**
   * Value one account instead of the portfolio: its holdings and cash only, and its flows
   * including transfers to and from the other accounts.
   */
  account?: string;
}

export interface HoldingSeries {
  symbol: string;
  sleeve: Sleeve;
  currency: string;
  /** The value on the series' last day (what weights and the holdings list need). */
  lastValue: number;
  /** Daily values. This and the flags below are worked out when first read (see HoldingDays). */
  readonly values: Float64Array;
  /** 1 where the close used is from an earlier day (holiday, gap, stale quote). */
  readonly carried: Uint8Array;
  /** 1 where the holding is shown at cost because there is no close yet. */
  readonly atCost: Uint8Array;
}

/**
 * A holding's daily series, walked again on first read. Every instrument's series for every day
 * would be most of a recompute's memory (500 instruments × 10 years is 1.26 million days), and
 * the app reads the days of one holding at a time, if any.
 */
class LazyHoldingSeries implements HoldingSeries {
  private days: HoldingDays | null = null;

  constructor(
    readonly symbol: string,
    readonly sleeve: Sleeve,
    readonly currency: string,
    readonly lastValue: number,
    private readonly walk: () => HoldingDays,
  ) {}

  get values(): Float64Array {
    return this.read().values;
  }

  get carried(): Uint8Array {
    return this.read().carried;
  }

  get atCost(): Uint8Array {
    return this.read().atCost;
  }

  private read(): HoldingDays {
    this.days ??= this.walk();
    return this.days;
  }
}

export interface SleeveSeries {
  sleeve: Sleeve;
  values: Float64Array;
  /** Price-return index of the sleeve's holdings, 100 on the first day (see docs/engine.md). */
  index: Float64Array;
}

export type ValuationNoteKind = 'no_quotes' | 'quotes_start_late' | 'no_fx_rate' | 'fx_starts_late';

/** What a total leaves out or approximates, said in words the UI can show as is. */
export interface ValuationNote {
  kind: ValuationNoteKind;
  symbol: string | null;
  currency: string;
  /** Calendar days affected. */
  days: number;
  message: string;
}

export interface ValueSeries {
  days: string[];
  baseCurrency: string;
  /** Holdings plus cash (with implicit funding), in the base currency. */
  total: Float64Array;
  /** External flows into the portfolio (deposits positive), applied at the start of the day. */
  flows: Float64Array;
  carried: Uint8Array;
  atCost: Uint8Array;
  /** 1 where something could not be valued at all (no exchange rate) and is missing from the total. */
  excluded: Uint8Array;
  holdings: HoldingSeries[];
  sleeves: SleeveSeries[];
  notes: ValuationNote[];
}

export function valuePortfolio(ledger: LedgerResult, options: ValuationOptions): ValueSeries {
  const base = options.baseCurrency ?? 'USD';
  const classify = options.sleeveOf ?? ((symbol: string) => sleeveOf(symbol));
  const account = options.account;
  const quantities: readonly QuantityTimeline[] =
    account === undefined ? ledger.symbols : ledger.holdings.filter((h) => h.account === account);
  const balances: readonly BalanceTimeline[] =
    account === undefined ? ledger.cashTotals : ledger.cash.filter((c) => c.account === account);
  // Day numbers inside (integer comparisons, no strings per close); day strings in the result.
  const calendar = chooseCalendar(ledger, quantities, options);
  const days = Array.from(calendar, dayFromNumber);
  const n = days.length;
  // Where each ledger day lands on the calendar: its own day, or the next one valued.
  const landing = new Int32Array(ledger.days.length);
  for (let j = 0; j < ledger.days.length; j++) landing[j] = lowerBound(calendar, dayToNumber(ledger.days[j] as string));
  const total = new Float64Array(n);
  const flows = new Float64Array(n);
  const carried = new Uint8Array(n);
  const atCost = new Uint8Array(n);
  const excluded = new Uint8Array(n);
  const notes: ValuationNote[] = [];

  const seriesOf = (symbol: string): CloseSeries | null => {
    const series = options.closes.get(symbol);
    return series === undefined || series.days.length === 0 ? null : series;
  };
  const noRate = new Float64Array(n).fill(Number.NaN);
  const fxGrids = new Map<string, Float64Array>();
  /** Rates by day; all NaN for a currency with none. Never called for the base currency. */
  const fxRates = (currency: string): Float64Array => {
    let rates = fxGrids.get(currency);
    if (rates === undefined) {
      const series = options.fx?.get(currency);
      rates = series === undefined || series.days.length === 0 ? noRate : gridCloses(series, calendar).prices;
      fxGrids.set(currency, rates);
    }
    return rates;
  };
  const rateAt = (currency: string, t: number): number => (currency === base ? 1 : (fxRates(currency)[t] as number));

  const holdingSeries: HoldingSeries[] = [];
  const sleeveValues = new Map<Sleeve, Float64Array>(SLEEVES.map((s) => [s, new Float64Array(n)]));
  const sleeveGain = new Map<Sleeve, Float64Array>(SLEEVES.map((s) => [s, new Float64Array(n)]));
  const sleeveStart = new Map<Sleeve, Float64Array>(SLEEVES.map((s) => [s, new Float64Array(n)]));
  const fxMissing = new Map<string, number>();
  const portfolio: PortfolioArrays = { carried, atCost, excluded };

  // One timeline per instrument: the portfolio's are summed over accounts, an account's are its own.
  for (const timeline of quantities) {
    const { symbol, currency } = timeline;
    const sleeve = classify(symbol);
    const series = seriesOf(symbol);
    const fx = currency === base ? null : fxRates(currency);
    const walk = (days: HoldingDays | null, into: PortfolioArrays, sleeveArrays: Float64Array[]) =>
      valueHolding(timeline, landing, calendar, series, fx, days, sleeveArrays, into);
    const stats = walk(null, portfolio, [
      sleeveValues.get(sleeve) as Float64Array,
      sleeveGain.get(sleeve) as Float64Array,
      sleeveStart.get(sleeve) as Float64Array,
    ]);
    holdingSeries.push(
      new LazyHoldingSeries(symbol, sleeve, currency, stats.lastValue, () => {
        const days = { values: new Float64Array(n), carried: new Uint8Array(n), atCost: new Uint8Array(n) };
        // The same walk, its portfolio-wide sums into scratch.
        const scratch = () => new Float64Array(n);
        const flags = {
          carried: new Uint8Array(n),
          atCost: new Uint8Array(n),
          excluded: new Uint8Array(n),
        };
        walk(days, flags, [scratch(), scratch(), scratch()]);
        return days;
      }),
    );
    if (stats.costDays > 0)
      notes.push(
        quoteNote(
          symbol,
          currency,
          series !== null && (series.days[0] as number) <= (calendar[n - 1] as number),
          stats.costDays,
        ),
      );
    if (stats.missingFx > 0) fxMissing.set(currency, (fxMissing.get(currency) ?? 0) + stats.missingFx);
  }

  // Holdings are in the total through their sleeves: four sums a day instead of one per holding.
  for (const values of sleeveValues.values())
    for (let t = 0; t < n; t++) total[t] = (total[t] as number) + (values[t] as number);

  for (const timeline of balances) {
    const steps = timeline.day.length;
    const rates = timeline.currency === base ? null : fxRates(timeline.currency);
    let k = 0;
    let balance = 0;
    for (let t = steps > 0 ? (landing[timeline.day[0] as number] as number) : n; t < n; t++) {
      while (k < steps && (landing[timeline.day[k] as number] as number) <= t)
        balance = timeline.balance[k++] as number;
      if (balance === 0) continue;
      const rate = rates === null ? 1 : (rates[t] as number);
      if (rate !== rate) {
        excluded[t] = 1;
        fxMissing.set(timeline.currency, (fxMissing.get(timeline.currency) ?? 0) + 1);
        continue;
      }
      total[t] = (total[t] as number) + balance * rate;
    }
  }

  for (const flow of ledger.flows) {
    if (account === undefined ? flow.internal : flow.account !== account) continue;
    const flowDay = dayToNumber(flow.day);
    const t = lowerBound(calendar, flowDay);
    // Flows before the first valued day are inside its opening value; after the last, outside the series.
    if (t >= n || (t === 0 && flowDay < (calendar[0] as number))) continue;
    const rate = rateAt(flow.currency, t);
    if (rate !== rate) continue;
    let value = flow.amount * rate;
    if (flow.symbol !== null && flow.quantity !== 0) {
      const series = seriesOf(flow.symbol);
      const at = series === null ? -1 : indexOnOrBeforeDay(series.days, calendar[t] as number);
      const price = series === null || at < 0 ? Number.NaN : (series.closes[at] as number);
      value = (price === price ? flow.quantity * price : flow.cost) * rate;
    }
    flows[t] = (flows[t] as number) + value;
  }

  for (const [currency, count] of fxMissing) notes.push(fxNote(currency, base, fxRates(currency) !== noRate, count));

  return {
    days,
    baseCurrency: base,
    total,
    flows,
    carried,
    atCost,
    excluded,
    holdings: holdingSeries.sort((a, b) => compareText(a.symbol, b.symbol)),
    sleeves: SLEEVES.map((sleeve) => ({
      sleeve,
      values: sleeveValues.get(sleeve) as Float64Array,
      index: chainIndex(sleeveGain.get(sleeve) as Float64Array, sleeveStart.get(sleeve) as Float64Array),
    })),
    notes,
  };
}

/** Every day a held instrument has a close, from the first transaction on, as day numbers. */
function chooseCalendar(
  ledger: LedgerResult,
  quantities: readonly QuantityTimeline[],
  options: ValuationOptions,
): Int32Array {
  if (ledger.firstDay === null) return new Int32Array(0);
  const first = dayToNumber(ledger.firstDay);
  const series: CloseSeries[] = [];
  let lastClose = -Infinity;
  for (const timeline of quantities) {
    const closes = options.closes.get(timeline.symbol);
    if (closes === undefined || closes.days.length === 0) continue;
    series.push(closes);
    lastClose = Math.max(lastClose, closes.days[closes.days.length - 1] as number);
  }
  const lastDay = dayToNumber(ledger.lastDay ?? ledger.firstDay);
  const to = options.to !== undefined ? dayToNumber(options.to) : Math.max(lastClose, lastDay);
  const days = unionCalendar(series, first, to);
  // Transactions after the last close (or with no closes at all) still need days to land on.
  const tail = days.length > 0 ? (days[days.length - 1] as number) : -Infinity;
  const extra: number[] = [];
  for (let i = ledger.days.length - 1; i >= 0; i--) {
    const day = dayToNumber(ledger.days[i] as string);
    if (day <= tail) break;
    if (day <= to) extra.push(day);
  }
  if (extra.length === 0) return days;
  const out = new Int32Array(days.length + extra.length);
  out.set(days);
  out.set(extra.reverse(), days.length);
  return out;
}

function chainIndex(gain: Float64Array, start: Float64Array): Float64Array {
  const index = new Float64Array(gain.length);
  let level = 100;
  for (let t = 0; t < gain.length; t++) {
    const s = start[t] as number;
    if (s > 0) level *= 1 + (gain[t] as number) / s;
    index[t] = level;
  }
  return index;
}

function quoteNote(symbol: string, currency: string, hasQuotes: boolean, days: number): ValuationNote {
  if (!hasQuotes) {
    return {
      kind: 'no_quotes',
      symbol,
      currency,
      days,
      message: `${symbol} has no quotes: valued at cost (${days} days).`,
    };
  }
  return {
    kind: 'quotes_start_late',
    symbol,
    currency,
    days,
    message: `${symbol} has no quote before its first close: valued at cost for ${days} days.`,
  };
}

function fxNote(currency: string, base: string, hasRates: boolean, days: number): ValuationNote {
  if (!hasRates) {
    return {
      kind: 'no_fx_rate',
      symbol: null,
      currency,
      days,
      message: `No ${currency}→${base} rate: ${currency} holdings and cash are left out of the total (${days} day-values).`,
    };
  }
  return {
    kind: 'fx_starts_late',
    symbol: null,
    currency,
    days,
    message: `No ${currency}→${base} rate on some days (none cached, or the last more than 7 days old): ${currency} amounts are left out of the total on those days (${days} day-values).`,
  };
}
