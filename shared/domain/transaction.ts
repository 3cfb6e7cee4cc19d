// The ledger's one record type, as the store keeps it and the engine reads it. Quantities and
// money are decimal strings so that nothing on the way in (SQLite, JSON, a CSV import) turns them
// into binary floats before the engine's exact arithmetic sees them.

export const TRANSACTION_TYPES = [
  'buy',
  'sell',
  'dividend',
  'split',
  'fee',
  'tax',
  'interest',
  'deposit',
  'withdrawal',
  'transfer_in',
  'transfer_out',
] as const;

export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export interface Transaction {
  /** Entry order: the tie-breaker for records of one day (see docs/engine.md). */
  id: number;
  /** 'YYYY-MM-DD'. */
  date: string;
  /** 'HH:MM' (24 h) when the source gives one. */
  time?: string | null;
  /** The account's name. */
  account: string;
  type: TransactionType;
  /** The instrument, for buy, sell, split, transfer_in/out and (optionally) dividend, fee and tax. */
  symbol: string | null;
  /** Shares for trades and transfers; for a split, its ratio new : old shares, stored as `7`, `0.5` or `1/3` (split-ratio.ts). */
  quantity: string | null;
  /** Per share, in `currency`. */
  price: string | null;
  fee: string | null;
  /** Cash amount: required for dividend, interest, fee, tax, deposit, withdrawal; optional check on trades. */
  amount: string | null;
  /** ISO code of the money fields. */
  currency: string;
  /**
   * The broker's exchange rate when the trade's currency is not its account's: account currency
   * per unit of `currency` (decimal text). Absent or null: the day's cached rate is used.
   */
  fxRate?: string | null;
  note: string | null;
}

export function isTransactionType(value: unknown): value is TransactionType {
  return typeof value === 'string' && (TRANSACTION_TYPES as readonly string[]).includes(value);
}
