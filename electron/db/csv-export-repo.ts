import type { Db } from './connection';

/** Rows in the order the export writes them; asOf (YYYY-MM-DD or null) keeps rows on or before it. */
export function createExportRepo(db: Db) {
  const transactions = db
    .prepare<[string | null, string | null]>(
      `SELECT t.date, a.name, t.type, t.symbol, t.quantity, t.price, t.fee, t.amount, t.currency, t.note
       FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE ? IS NULL OR t.date <= ?
       ORDER BY t.date, t.id`,
    )
    .raw();
  const quotes = db
    .prepare<[string | null, string | null]>(
      `SELECT symbol, day, source, open, high, low, close, adj_close, volume, fetched_at
       FROM quotes WHERE ? IS NULL OR day <= ?
       ORDER BY symbol, day, source`,
    )
    .raw();
  return {
    /** date, account, type, symbol, quantity, price, fee, amount, currency, note */
    transactions: (asOf: string | null) => transactions.iterate(asOf, asOf) as IterableIterator<(string | null)[]>,
    /** symbol, day, source, open, high, low, close, adj_close, volume, fetched_at */
    quotes: (asOf: string | null) => quotes.iterate(asOf, asOf) as IterableIterator<(string | number | null)[]>,
  };
}
