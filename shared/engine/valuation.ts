// Daily value series from the ledger's timelines and cached closes. Everything here is float:
// these numbers draw charts and feed returns; the exact figures live in the ledger's positions.
import type { Bar } from '../domain/bar';
import { SLEEVES, type Sleeve } from '../domain/sleeve';
import { lowerBound } from './bars';
import type { LedgerResult } from './ledger';
import { gridCloses, unionCalendar, type PriceGrid } from './price-grid';
import { sleeveOf } from './sleeves';

export interface ValuationOptions {
  /** Split-adjusted daily closes by symbol, ascending. */
  closes: ReadonlyMap<string, readonly Bar[]>;
  /** The portfolio's currency. */
  baseCurrency?: string;
  /** Units of the base currency per unit of each other currency, by currency code. */
  fx?: ReadonlyMap<string, readonly Bar[]>;
  /** The days to value on; by default every day any held instrument has a close. */
  calendar?: readonly string[];
  /** Last day of the series; by default the last close or transaction. */
  to?: string;
  sleeveOf?: (symbol: string) => Sleeve;
}

export interface HoldingSeries {
  symbol: string;
  sleeve: Sleeve;
  currency: string;
  values: Float64Array;
  /** 1 where the close used is from an earlier day (holiday, gap, stale quote). */
  carried: Uint8Array;
  /** 1 where the holding is shown at cost because there is no close yet. */
  atCost: Uint8Array;
}

export interface AccountSeries {
  name: string;
  values: Float64Array;
  /** Flows across the account's edge, transfers between accounts included. */
  flows: Float64Array;
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
  accounts: AccountSeries[];
  sleeves: SleeveSeries[];
  notes: ValuationNote[];
}

export function valuePortfolio(ledger: LedgerResult, options: ValuationOptions): ValueSeries {
  const base = options.baseCurrency ?? 'USD';
  const classify = options.sleeveOf ?? ((symbol: string) => sleeveOf(symbol));
  const days = chooseCalendar(ledger, options);
  const n = days.length;
  const total = new Float64Array(n);
  const flows = new Float64Array(n);
  const carried = new Uint8Array(n);
  const atCost = new Uint8Array(n);
  const excluded = new Uint8Array(n);
  const notes: ValuationNote[] = [];

  const grids = new Map<string, PriceGrid | null>();
  const priceGrid = (symbol: string): PriceGrid | null => {
    if (!grids.has(symbol)) {
      const bars = options.closes.get(symbol);
      grids.set(symbol, bars === undefined || bars.length === 0 ? null : gridCloses(bars, days));
    }
    return grids.get(symbol) ?? null;
  };
  const fxGrids = new Map<string, PriceGrid | null>();
  const fxGrid = (currency: string): PriceGrid | null => {
    if (!fxGrids.has(currency)) {
      const bars = options.fx?.get(currency);
      fxGrids.set(currency, bars === undefined || bars.length === 0 ? null : gridCloses(bars, days));
    }
    return fxGrids.get(currency) ?? null;
  };
  /** The exchange rate on day t: 1 for the base currency, NaN when there is none. */
  const rateAt = (currency: string, t: number): number => {
    if (currency === base) return 1;
    return fxGrid(currency)?.prices[t] ?? Number.NaN;
  };

  const accountSeries = new Map<string, AccountSeries>();
  const accountOf = (name: string): AccountSeries => {
    let series = accountSeries.get(name);
    if (series === undefined) {
      series = { name, values: new Float64Array(n), flows: new Float64Array(n) };
      accountSeries.set(name, series);
    }
    return series;
  };
  const holdingSeries = new Map<string, HoldingSeries>();
  const sleeveValues = new Map<Sleeve, Float64Array>(SLEEVES.map((s) => [s, new Float64Array(n)]));
  const sleeveGain = new Map<Sleeve, Float64Array>(SLEEVES.map((s) => [s, new Float64Array(n)]));
  const sleeveStart = new Map<Sleeve, Float64Array>(SLEEVES.map((s) => [s, new Float64Array(n)]));
  const fxMissing = new Map<string, number>();

  for (const timeline of ledger.holdings) {
    const { symbol, currency } = timeline;
    const sleeve = classify(symbol);
    let holding = holdingSeries.get(symbol);
    if (holding === undefined) {
      holding = {
        symbol,
        sleeve,
        currency,
        values: new Float64Array(n),
        carried: new Uint8Array(n),
        atCost: new Uint8Array(n),
      };
      holdingSeries.set(symbol, holding);
    }
    const grid = priceGrid(symbol);
    const prices = grid?.prices;
    const gridCarried = grid?.carried;
    // null: no conversion needed; a grid of NaN: a currency with no rates at all.
    const fx = currency === base ? null : (fxGrid(currency)?.prices ?? new Float64Array(n).fill(Number.NaN));
    const account = accountOf(timeline.account).values;
    const sleeveV = sleeveValues.get(sleeve) as Float64Array;
    const sleeveG = sleeveGain.get(sleeve) as Float64Array;
    const sleeveS = sleeveStart.get(sleeve) as Float64Array;
    const steps = timeline.days.length;
    let k = 0;
    let quantity = 0;
    let cost = 0;
    let prevQuantity = 0;
    let prevUnit = Number.NaN; // yesterday's close × rate, NaN when yesterday was at cost
    let costDays = 0;
    let missingFx = 0;
    for (let t = lowerBound(days, timeline.days[0] ?? ''); t < n; t++) {
      const day = days[t] as string;
      while (k < steps && (timeline.days[k] as string) <= day) {
        quantity = timeline.quantity[k] as number;
        cost = timeline.cost[k] as number;
        k++;
      }
      if (quantity === 0 && prevQuantity === 0) {
        prevUnit = Number.NaN;
        continue;
      }
      const rate = fx === null ? 1 : (fx[t] as number);
      if (rate !== rate) {
        excluded[t] = 1;
        missingFx++;
        prevQuantity = quantity;
        prevUnit = Number.NaN;
        continue;
      }
      const price = prices === undefined ? Number.NaN : (prices[t] as number);
      let value: number;
      let unit = Number.NaN;
      if (price === price) {
        unit = price * rate;
        value = quantity * unit;
        if (quantity !== 0 && gridCarried?.[t] === 1) {
          holding.carried[t] = 1;
          carried[t] = 1;
        }
      } else {
        value = cost * rate;
        if (quantity !== 0) {
          holding.atCost[t] = 1;
          atCost[t] = 1;
          costDays++;
        }
      }
      if (prevQuantity !== 0 && unit === unit && prevUnit === prevUnit) {
        sleeveG[t] = (sleeveG[t] as number) + prevQuantity * (unit - prevUnit);
        sleeveS[t] = (sleeveS[t] as number) + prevQuantity * prevUnit;
      }
      holding.values[t] = (holding.values[t] as number) + value;
      account[t] = (account[t] as number) + value;
      sleeveV[t] = (sleeveV[t] as number) + value;
      total[t] = (total[t] as number) + value;
      prevQuantity = quantity;
      prevUnit = unit;
    }
    if (costDays > 0) notes.push(quoteNote(symbol, currency, grid, costDays));
    if (missingFx > 0) fxMissing.set(currency, (fxMissing.get(currency) ?? 0) + missingFx);
  }

  for (const timeline of ledger.cash) {
    const account = accountOf(timeline.account).values;
    const steps = timeline.days.length;
    let k = 0;
    let balance = 0;
    for (let t = lowerBound(days, timeline.days[0] ?? ''); t < n; t++) {
      while (k < steps && (timeline.days[k] as string) <= (days[t] as string))
        balance = timeline.balance[k++] as number;
      if (balance === 0) continue;
      const rate = rateAt(timeline.currency, t);
      if (rate !== rate) {
        excluded[t] = 1;
        fxMissing.set(timeline.currency, (fxMissing.get(timeline.currency) ?? 0) + 1);
        continue;
      }
      account[t] = (account[t] as number) + balance * rate;
      total[t] = (total[t] as number) + balance * rate;
    }
  }

  for (const flow of ledger.flows) {
    const t = lowerBound(days, flow.day);
    // Flows before the first valued day are inside its opening value; after the last, outside the series.
    if (t >= n || (t === 0 && flow.day < (days[0] as string))) continue;
    const rate = rateAt(flow.currency, t);
    if (rate !== rate) continue;
    let value = flow.amount * rate;
    if (flow.symbol !== null && flow.quantity !== 0) {
      const price = priceGrid(flow.symbol)?.prices[t] ?? Number.NaN;
      value = (price === price ? flow.quantity * price : flow.cost) * rate;
    }
    const account = accountOf(flow.account).flows;
    account[t] = (account[t] as number) + value;
    if (!flow.internal) flows[t] = (flows[t] as number) + value;
  }

  for (const [currency, count] of fxMissing) notes.push(fxNote(currency, base, fxGrid(currency), count));

  return {
    days,
    baseCurrency: base,
    total,
    flows,
    carried,
    atCost,
    excluded,
    holdings: [...holdingSeries.values()].sort((a, b) => (a.symbol < b.symbol ? -1 : 1)),
    accounts: [...accountSeries.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    sleeves: SLEEVES.map((sleeve) => ({
      sleeve,
      values: sleeveValues.get(sleeve) as Float64Array,
      index: chainIndex(sleeveGain.get(sleeve) as Float64Array, sleeveStart.get(sleeve) as Float64Array),
    })),
    notes,
  };
}

function chooseCalendar(ledger: LedgerResult, options: ValuationOptions): string[] {
  const first = ledger.firstDay;
  if (first === null) return [];
  const symbols = new Set(ledger.holdings.map((h) => h.symbol));
  let lastClose = '';
  for (const symbol of symbols) {
    const bars = options.closes.get(symbol);
    const day = bars?.[bars.length - 1]?.day ?? '';
    if (day > lastClose) lastClose = day;
  }
  const lastDay = ledger.lastDay ?? first;
  const to = options.to ?? (lastClose > lastDay ? lastClose : lastDay);
  if (options.calendar !== undefined) return options.calendar.filter((day) => day >= first && day <= to);
  const series: (readonly Bar[])[] = [];
  for (const symbol of symbols) {
    const bars = options.closes.get(symbol);
    if (bars !== undefined) series.push(bars);
  }
  const days = unionCalendar(series, first, to);
  // Transactions after the last close (or with no closes at all) still need days to land on.
  const tail = days[days.length - 1] ?? '';
  const extra = new Set<string>();
  for (const timeline of [...ledger.holdings, ...ledger.cash]) {
    for (const day of timeline.days) if (day > tail && day <= to) extra.add(day);
  }
  if (days.length === 0 || extra.size > 0) {
    if (days.length === 0) extra.add(first);
    return [...days, ...[...extra].sort()];
  }
  return days;
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

function quoteNote(symbol: string, currency: string, grid: PriceGrid | null, days: number): ValuationNote {
  if (grid === null || grid.firstIndex < 0) {
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

function fxNote(currency: string, base: string, grid: PriceGrid | null, days: number): ValuationNote {
  if (grid === null || grid.firstIndex < 0) {
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
    message: `No ${currency}→${base} rate before its first quote: ${currency} amounts are left out on those days (${days} day-values).`,
  };
}
