import type { TransactionType } from '../domain/transaction';
import type { Cells } from './preset-types';

/** "Transfer_In", "transfer-in" and " TRANSFER  IN " all read as "transfer in". */
export function normaliseWord(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

export function wordTable<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries).map(([word, value]) => [normaliseWord(word), value]));
}

/** The mapped value of a type cell, or a problem listing what the column may hold. */
export function readWord<T, K extends string>(
  cells: Cells<K>,
  key: K,
  table: ReadonlyMap<string, T>,
  expected: string,
): T | undefined {
  const text = cells.text(key);
  if (text === '') return cells.problem(key, `is empty; expected one of ${expected}`);
  const value = table.get(normaliseWord(text));
  return value === undefined ? cells.problem(key, `is not a known type (expected one of ${expected})`, text) : value;
}

/** The app's own names, which every mapping understands. */
export const OWN_TYPE_WORDS: Record<string, TransactionType> = {
  buy: 'buy',
  sell: 'sell',
  dividend: 'dividend',
  split: 'split',
  fee: 'fee',
  tax: 'tax',
  interest: 'interest',
  deposit: 'deposit',
  withdrawal: 'withdrawal',
  transfer_in: 'transfer_in',
  transfer_out: 'transfer_out',
};

/** Common words from brokers and other trackers, for a column mapped by hand. */
export const COMMON_TYPE_WORDS: Record<string, TransactionType> = {
  ...OWN_TYPE_WORDS,
  purchase: 'buy',
  bought: 'buy',
  'market buy': 'buy',
  'limit buy': 'buy',
  kauf: 'buy',
  sold: 'sell',
  sale: 'sell',
  'market sell': 'sell',
  'limit sell': 'sell',
  verkauf: 'sell',
  dividends: 'dividend',
  div: 'dividend',
  'cash dividend': 'dividend',
  dividende: 'dividend',
  'stock split': 'split',
  fees: 'fee',
  commission: 'fee',
  gebühren: 'fee',
  taxes: 'tax',
  'withholding tax': 'tax',
  'tax withheld': 'tax',
  steuern: 'tax',
  steuer: 'tax',
  impôts: 'tax',
  impuestos: 'tax',
  tasse: 'tax',
  belastingen: 'tax',
  zinsen: 'interest',
  'cash in': 'deposit',
  contribution: 'deposit',
  einlage: 'deposit',
  removal: 'withdrawal',
  'cash out': 'withdrawal',
  entnahme: 'withdrawal',
  'delivery (inbound)': 'transfer_in',
  einlieferung: 'transfer_in',
  'delivery (outbound)': 'transfer_out',
  auslieferung: 'transfer_out',
};
