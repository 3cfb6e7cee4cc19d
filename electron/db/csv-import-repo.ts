import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

export interface ImportAccount {
  id: number;
  name: string;
  currency: string;
}

/** One row for the transactions table, in column order (see INSERT_COLUMNS). */
export type TransactionValues = [
  accountId: number,
  date: string,
  time: string | null,
  type: string,
  symbol: string | null,
  quantity: string | null,
  price: string | null,
  fee: string | null,
  amount: string | null,
  currency: string,
  note: string,
  createdAt: string,
];

const INSERT_COLUMNS = 'account_id, date, time, type, symbol, quantity, price, fee, amount, currency, note, created_at';
const ROW_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
// Many rows per statement cut the per-statement overhead that dominates bulk inserts; 80 rows are
// 960 parameters, far below SQLite's limit of 32,766.
export const ROWS_PER_INSERT = 80;

/**
 * The writes of one CSV import, on a connection of its own: BEGIN IMMEDIATE takes the write lock
 * for the whole import, and readers on the app's connection keep seeing the last commit (WAL)
 * until COMMIT.
 */
export function createImportWriter(db: Db) {
  const accounts = db.prepare<[], ImportAccount>('SELECT id, name, currency FROM accounts');
  const insertAccount = db.prepare<[string, string, string], { id: number }>(
    'INSERT INTO accounts (name, currency, created_at) VALUES (?, ?, ?) RETURNING id',
  );
  const symbols = db.prepare<[], { symbol: string }>('SELECT symbol FROM instruments');
  const insertInstrument = db.prepare<[string, string]>(
    'INSERT INTO instruments (symbol, currency) VALUES (?, ?) ON CONFLICT (symbol) DO NOTHING',
  );
  const insertOne = db.prepare(`INSERT INTO transactions (${INSERT_COLUMNS}) VALUES ${ROW_PLACEHOLDERS}`);
  let insertBlock: Statement | null = null;

  return {
    begin: (): void => void db.exec('BEGIN IMMEDIATE'),
    commit: (): void => void db.exec('COMMIT'),
    rollback: (): void => {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
    accounts: (): ImportAccount[] => accounts.all(),
    createAccount: (name: string, currency: string, createdAt: string): number =>
      (insertAccount.get(name, currency, createdAt) as { id: number }).id,
    symbols: (): string[] => symbols.all().map((row) => row.symbol),
    ensureInstrument: (symbol: string, currency: string): void => void insertInstrument.run(symbol, currency),
    /** Inserts the rows in order and returns the id of the first; ids are consecutive. */
    insertTransactions(rows: readonly TransactionValues[]): number {
      let first = -1;
      let i = 0;
      if (rows.length >= ROWS_PER_INSERT) {
        insertBlock ??= db.prepare(
          `INSERT INTO transactions (${INSERT_COLUMNS}) VALUES ${Array(ROWS_PER_INSERT).fill(ROW_PLACEHOLDERS).join(', ')}`,
        );
        for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
          const params = rows.slice(i, i + ROWS_PER_INSERT).flat();
          const last = Number(insertBlock.run(params).lastInsertRowid);
          if (first < 0) first = last - ROWS_PER_INSERT + 1;
        }
      }
      for (; i < rows.length; i++) {
        const id = Number(insertOne.run(rows[i]).lastInsertRowid);
        if (first < 0) first = id;
      }
      return first;
    },
  };
}

export type ImportWriter = ReturnType<typeof createImportWriter>;
