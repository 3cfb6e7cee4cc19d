import type { TransactionColumn } from '../../shared/csv/transaction-columns';
import type { QuoteExportColumn } from '../../shared/quotes/quotes-export-csv';
import type { Db } from './connection';

// What each export column reads, by name; the order is the exporter's (electron/csv/exporters.ts),
// written there once.
const TRANSACTION_SQL = {
  date: 't.date',
  account: 'a.name',
  type: 't.type',
  symbol: 't.symbol',
  quantity: 't.quantity',
  price: 't.price',
  fee: 't.fee',
  amount: 't.amount',
  currency: 't.currency',
  note: 't.note',
  fx_rate: 't.fx_rate',
} as const satisfies Record<TransactionColumn, string>;

const QUOTE_SQL = {
  symbol: 'symbol',
  date: 'day',
  source: 'source',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  adj_close: 'adj_close',
  volume: 'volume',
  fetched_at: 'fetched_at',
} as const satisfies Record<QuoteExportColumn, string>;

const select = <C extends string>(sql: Record<C, string>, columns: readonly C[]) =>
  columns.map((column) => sql[column]).join(', ');

/** Rows with the given columns in their order; asOf (YYYY-MM-DD or null) keeps rows on or before it. */
export function createExportRepo(db: Db) {
  return {
    transactions: (columns: readonly TransactionColumn[], asOf: string | null) =>
      db
        .prepare<[string | null, string | null]>(
          `SELECT ${select(TRANSACTION_SQL, columns)}
           FROM transactions t JOIN accounts a ON a.id = t.account_id
           WHERE ? IS NULL OR t.date <= ?
           ORDER BY t.date, t.id`,
        )
        .raw()
        .iterate(asOf, asOf) as IterableIterator<(string | null)[]>,
    quotes: (columns: readonly QuoteExportColumn[], asOf: string | null) =>
      db
        .prepare<[string | null, string | null]>(
          `SELECT ${select(QUOTE_SQL, columns)}
           FROM quotes WHERE ? IS NULL OR day <= ?
           ORDER BY symbol, day, source`,
        )
        .raw()
        .iterate(asOf, asOf) as IterableIterator<(string | number | null)[]>,
  };
}
