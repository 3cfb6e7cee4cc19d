// What a data-health check answers, and what it is given. Each check is a pure function from the
// input to rows of one type; checks.ts lists them, so a new check is one more entry there.
import type { FxTable } from '../fx/rate-lookup';
import type { HealthSeries } from './health-series';

/** Kinds of problem, in the order the report lists them (what breaks most figures first). */
export const HEALTH_KINDS = [
  'no_prices',
  'missing_fx_rate',
  'scale_jump',
  'trade_price',
  'series_ends_early',
  'stale_prices',
  'price_gap',
] as const;

export type HealthKind = (typeof HEALTH_KINDS)[number];

export interface HealthProblem {
  kind: HealthKind;
  /** The symbol concerned, or null for a problem of the whole portfolio. */
  symbol: string | null;
  /** Accounts that hold or traded it; empty for a series no account holds (the benchmark). */
  accounts: string[];
  /** The day the problem shows on, when it has one. */
  day: string | null;
  /** What is wrong, with the figures that show it. */
  detail: string;
  /** Which figures or screens it makes wrong. */
  affects: string;
  /** What to do about it. */
  fix: string;
}

/** One cached row, every source: the checks resolve one per day themselves, as history does. */
export interface HealthRow {
  day: string;
  close: number;
  high: number | null;
  low: number | null;
  source: string;
  fetchedAt: string;
}

/** A buy or sell with a price, as recorded. */
export interface HealthTrade {
  date: string;
  account: string;
  type: 'buy' | 'sell';
  symbol: string;
  quantity: string;
  price: string;
}

/** A ledger split: new shares per old share. */
export interface HealthSplit {
  date: string;
  symbol: string;
  ratio: number;
}

export interface HealthInput {
  /** The user's local day. */
  today: string;
  /** The portfolio's valuation day (its series' last day), or null with nothing to value. */
  portfolioLastDay: string | null;
  /** Open positions now: symbol → the accounts holding it. */
  holdings: ReadonlyMap<string, readonly string[]>;
  trades: readonly HealthTrade[];
  splits: readonly HealthSplit[];
  /** Series the portfolio is measured against, e.g. `{ symbol: 'SPY', role: 'benchmark' }`. */
  comparisons: readonly { symbol: string; role: string }[];
  /** What is cached of each symbol held, traded or compared with (absent: nothing cached). */
  series: ReadonlyMap<string, HealthSeries>;
  /** What converting into the base currency needs; absent: nothing to convert. */
  fx?: HealthFx;
}

export interface HealthFx {
  base: string;
  table: FxTable;
  /** Each open position (`symbol`) and non-zero cash balance (`symbol` null), with its currency. */
  held: readonly { symbol: string | null; account: string; currency: string }[];
  /** Trades across currencies that found no rate to settle in their account's currency, in words. */
  unsettled: readonly string[];
}

export type HealthCheck = (input: HealthInput) => HealthProblem[];
