import type { Decimal } from './decimal';
import type { CostMethod, Lot } from './lots';

export interface LedgerOptions {
  /** The day the user is living in: later-dated records are refused. The engine never reads a clock. */
  today: string;
  /** Every account name a record may use. */
  accounts: Iterable<string>;
  /** The cost method of accounts that do not name their own in accountCostMethods; FIFO by default. */
  costMethod?: CostMethod;
  /** Accounts' own cost methods, by account name (an account not named uses costMethod). */
  accountCostMethods?: Readonly<Record<string, CostMethod>>;
  /** Settles trades across currencies in their account's currency (docs/engine.md, "Trades across currencies"). */
  settlement?: Settlement;
}

/** What settling a trade in its account's currency needs. */
export interface Settlement {
  /** Each account's currency, by name. */
  accountCurrency: ReadonlyMap<string, string>;
  /** Units of `to` per unit of `from` on `day` (the cached rate), or the reason there is none. */
  rate(from: string, to: string, day: string): Decimal | string;
}

/** One account's holding of one instrument, exact. Closed positions stay for their realized P&L. */
export interface Position {
  account: string;
  symbol: string;
  currency: string;
  quantity: Decimal;
  costBasis: Decimal;
  lots: Lot[];
  /** Proceeds (after the sale's fee) minus the cost basis of the shares sold. Sales only. */
  realizedPnl: Decimal;
  dividends: Decimal;
  /** Fee records naming this symbol (trade fees are in cost basis or proceeds instead). */
  fees: Decimal;
  /** Tax records naming this symbol, apart from fees (a dividend's withheld tax is in its fee). */
  taxes: Decimal;
}

/** The part of a sale that one lot gave: in the trade's currency, exact. */
export interface SaleLot {
  /** The lot's acquisition day (kept through splits and transfers between accounts). */
  acquired: string;
  /** Shares taken from the lot, in shares of the sale's day (after any split). */
  quantity: Decimal;
  /** The cost basis those shares took with them, as the method defines it (buy fees included). */
  cost: Decimal;
  /** The sale's proceeds (after its fee) in proportion to the shares; the last lot takes the remainder. */
  proceeds: Decimal;
  gain: Decimal;
  /** The buy or transfer_in that opened the lot. */
  lotTransactionId: number;
}

/** A sale matched to the lots it consumed. Its lots' figures add up to the sale's exactly. */
export interface SaleMatch {
  transactionId: number;
  account: string;
  symbol: string;
  currency: string;
  /** The sale's day. */
  day: string;
  method: CostMethod;
  quantity: Decimal;
  proceeds: Decimal;
  cost: Decimal;
  lots: SaleLot[];
}

/** An account's money in one currency, exact. */
export interface AccountCash {
  currency: string;
  balance: Decimal;
  /** Money the ledger spent without recording where it came from (see docs/engine.md). */
  implicitFunding: Decimal;
  deposits: Decimal;
  withdrawals: Decimal;
  dividends: Decimal;
  interest: Decimal;
  fees: Decimal;
  /** Taxes paid: the tax records, kept apart from fees. */
  taxes: Decimal;
}

export interface AccountState {
  name: string;
  cash: AccountCash[];
  positions: Position[];
}

/**
 * End-of-day states of a holding, on the days it changed. Floats: they feed the value series.
 * `day` indexes LedgerResult.days. `quantity` is in today's shares: the ledger quantity times
 * the ratios of the account's later split records, so it multiplies split-adjusted closes.
 */
export interface QuantityTimeline {
  symbol: string;
  currency: string;
  day: Int32Array;
  quantity: Float64Array;
  cost: Float64Array;
}

/** One account's holding of one instrument. */
export interface HoldingTimeline extends QuantityTimeline {
  account: string;
}

/** End-of-day cash in one currency, including implicit funding, on the days it changed. */
export interface BalanceTimeline {
  currency: string;
  day: Int32Array;
  balance: Float64Array;
}

export interface CashTimeline extends BalanceTimeline {
  account: string;
}

export type FlowKind = 'deposit' | 'withdrawal' | 'implicit_deposit' | 'transfer_in' | 'transfer_out';

/** Money or shares crossing an account's edge: what time-weighted returns neutralise. */
export interface LedgerFlow {
  day: string;
  account: string;
  currency: string;
  kind: FlowKind;
  /** Cash flows: signed money, positive into the account. Zero for transfers. */
  amount: number;
  symbol: string | null;
  /** Transfers: signed shares in today's shares, positive into the account. */
  quantity: number;
  /** Transfers: the cost basis that moved, signed like quantity. */
  cost: number;
  /** The two legs of a matched transfer between accounts: internal to the portfolio. */
  internal: boolean;
}

export interface LedgerResult {
  costMethod: CostMethod;
  accounts: AccountState[];
  /** Every transaction date, ascending: what the timelines' `day` fields index. */
  days: string[];
  /** Per account and instrument. */
  holdings: HoldingTimeline[];
  /** Per instrument, summed over accounts: what the portfolio's value series walks. */
  symbols: QuantityTimeline[];
  /** Per account and currency. */
  cash: CashTimeline[];
  /** Per currency, summed over accounts. */
  cashTotals: BalanceTimeline[];
  flows: LedgerFlow[];
  /** Every sale in the order applied, with the lots it consumed. */
  sales: SaleMatch[];
  /** The first and last transaction dates, or null for an empty ledger. */
  firstDay: string | null;
  lastDay: string | null;
  /**
   * Trades across currencies that found no rate to settle in their account's currency, and were
   * settled in their own currency's cash instead, in words.
   */
  unsettled?: string[];
}

// Code-point order: the same on every machine, unlike localeCompare.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
