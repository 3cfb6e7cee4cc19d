// The app's own transactions CSV: its columns, how a stored row becomes a record, and the
// fingerprint that recognises a row already in the database.
import type { TransactionRow } from '../api/transaction-schemas';

/**
 * Exactly these, in this order (issue 6). `time` is not among them: see docs/csv.md. `fx_rate`
 * came later (issue 16) and is last, so files written before it still import.
 */
export const TRANSACTION_COLUMNS = [
  'date',
  'account',
  'type',
  'symbol',
  'quantity',
  'price',
  'fee',
  'amount',
  'currency',
  'note',
  'fx_rate',
] as const;

export type TransactionColumn = (typeof TRANSACTION_COLUMNS)[number];

/** The record field behind each column: the same name, but for `fx_rate`, which is `fxRate` in the API. */
export const COLUMN_FIELDS = {
  date: 'date',
  account: 'account',
  type: 'type',
  symbol: 'symbol',
  quantity: 'quantity',
  price: 'price',
  fee: 'fee',
  amount: 'amount',
  currency: 'currency',
  note: 'note',
  fx_rate: 'fxRate',
} as const satisfies Record<TransactionColumn, keyof TransactionRow>;

export type ExportableTransaction = Pick<TransactionRow, (typeof COLUMN_FIELDS)[TransactionColumn]>;

/** The stored strings, unchanged: decimals are never converted, so nothing is rounded. */
export function transactionRecord(row: ExportableTransaction): string[] {
  return TRANSACTION_COLUMNS.map((column) => row[COLUMN_FIELDS[column]] ?? '');
}

const PLAIN_DECIMAL = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * One spelling per value: "010.50", "10.5" and "+10.50" all become "10.5"; "-0" becomes "0".
 * String work on the plain decimals the store holds, so it is exact; anything else is kept as is.
 */
export function canonicalDecimal(text: string | null): string {
  if (text === null) return '';
  const match = PLAIN_DECIMAL.exec(text.startsWith('+') ? text.slice(1) : text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return text;
  const integer = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const magnitude = fraction === '' ? integer : `${integer}.${fraction}`;
  return magnitude === '0' ? '0' : `${match[1] ?? ''}${magnitude}`;
}

/**
 * Two rows are the same transaction when their exported records are equal once numbers are
 * canonical. Time and entry order are not part of it (they are not exported either). The key is
 * the JSON of the record: unambiguous, and equal exactly when the CSV records would be.
 */
export function transactionFingerprint(row: ExportableTransaction): string {
  return JSON.stringify([
    row.date,
    row.account,
    row.type,
    row.symbol ?? '',
    canonicalDecimal(row.quantity),
    canonicalDecimal(row.price),
    canonicalDecimal(row.fee),
    canonicalDecimal(row.amount),
    row.currency,
    row.note,
    // The broker's rate is part of what was booked: the same trade at another rate is another trade.
    canonicalDecimal(row.fxRate ?? null),
  ]);
}
