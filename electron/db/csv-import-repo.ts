import type { Statement } from 'better-sqlite3';
import type { TransactionRow } from '../../shared/api/transaction-schemas';
import type { Db } from './connection';
import { DEFAULT_WRITE_WAIT_MS, retryWhileBusy } from './write-lock';
import type { WriteTurn } from './write-queue';

export interface ImportAccount {
  id: number;
  name: string;
  currency: string;
}

/** A row for the transactions table, as the importer holds it. */
export interface NewTransaction {
  date: string;
  time: string | null;
  type: string;
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  fee: string | null;
  amount: string | null;
  currency: string;
  fxRate?: string | null;
  note: string;
}

const INSERT_COLUMNS =
  'account_id, date, time, type, symbol, quantity, price, fee, amount, currency, fx_rate, note, created_at';
const COLUMN_COUNT = 13;
const ROW_PLACEHOLDERS = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
// Many rows per statement cut the per-statement overhead that dominates bulk inserts; 80 rows are
// 1,040 parameters, far below SQLite's limit of 32,766.
export const ROWS_PER_INSERT = 80;

/**
 * The writes of one CSV import, on a connection of its own: BEGIN IMMEDIATE takes the write lock
 * for the whole import, and readers on the app's connection keep seeing the last commit (WAL)
 * until COMMIT. The one transaction in the app opened by hand: it spans the import's awaits, which
 * store.write cannot (store.ts). `turn`: the writer's turn it runs in, whose deadline bounds the
 * wait for a lock another process holds (by default, from when `begin` is called).
 */
export function createImportWriter(db: Db, turn?: WriteTurn) {
  const accounts = db.prepare<[], ImportAccount>('SELECT id, name, currency FROM accounts');
  const insertAccount = db.prepare<[string, string, string], { id: number }>(
    'INSERT INTO accounts (name, currency, created_at) VALUES (?, ?, ?) RETURNING id',
  );
  const symbols = db.prepare<[], { symbol: string }>('SELECT symbol FROM instruments');
  const insertInstrument = db.prepare<[string, string]>(
    'INSERT INTO instruments (symbol, currency) VALUES (?, ?) ON CONFLICT (symbol) DO NOTHING',
  );
  // Date order, as the ledger applies them: rows read in entry order (a 2017 file imported before
  // a 2016 one) made the replay find them out of order and start over.
  const everything = db.prepare<[], TransactionRow>(`
    SELECT t.id, t.date, t.time, a.name AS account, t.type, t.symbol, t.quantity, t.price, t.fee, t.amount,
           t.currency, t.fx_rate AS fxRate, t.note
    FROM transactions t JOIN accounts a ON a.id = t.account_id ORDER BY t.date, t.id`);
  const insertOne = db.prepare(`INSERT INTO transactions (${INSERT_COLUMNS}) VALUES ${ROW_PLACEHOLDERS}`);
  let insertBlock: Statement | null = null;
  const blockParams: unknown[] = new Array(ROWS_PER_INSERT * COLUMN_COUNT);
  const oneParams: unknown[] = new Array(COLUMN_COUNT);

  return {
    /** Takes the write lock, asking again after a pause while another process holds it (write-lock.ts). */
    begin: (): Promise<void> => {
      const since = turn?.since ?? Date.now();
      const deadline = turn?.deadline ?? since + DEFAULT_WRITE_WAIT_MS;
      return retryWhileBusy(() => void db.exec('BEGIN IMMEDIATE'), deadline, since);
    },
    commit: (): void => void db.exec('COMMIT'),
    rollback: (): void => {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
    accounts: (): ImportAccount[] => accounts.all(),
    /** Every transaction, by date and then entry order, as the ledger reads it. */
    transactions: (): TransactionRow[] => everything.all(),
    createAccount: (name: string, currency: string, createdAt: string): number =>
      (insertAccount.get(name, currency, createdAt) as { id: number }).id,
    symbols: (): string[] => symbols.all().map((row) => row.symbol),
    ensureInstrument: (symbol: string, currency: string): void => void insertInstrument.run(symbol, currency),
    /**
     * Inserts the rows in order (accountIds[i] for rows[i]) and returns the id of the first; the
     * ids are consecutive. One parameter array is reused: a million rows must not mean a million
     * short-lived arrays.
     */
    insertTransactions(rows: readonly NewTransaction[], accountIds: readonly number[], createdAt: string): number {
      let first = -1;
      const fill = (params: unknown[], at: number, row: NewTransaction, accountId: number) => {
        params[at] = accountId;
        params[at + 1] = row.date;
        params[at + 2] = row.time;
        params[at + 3] = row.type;
        params[at + 4] = row.symbol;
        params[at + 5] = row.quantity;
        params[at + 6] = row.price;
        params[at + 7] = row.fee;
        params[at + 8] = row.amount;
        params[at + 9] = row.currency;
        params[at + 10] = row.fxRate ?? null;
        params[at + 11] = row.note;
        params[at + 12] = createdAt;
      };
      let i = 0;
      if (rows.length >= ROWS_PER_INSERT) {
        insertBlock ??= db.prepare(
          `INSERT INTO transactions (${INSERT_COLUMNS}) VALUES ${Array(ROWS_PER_INSERT).fill(ROW_PLACEHOLDERS).join(', ')}`,
        );
        for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
          for (let k = 0; k < ROWS_PER_INSERT; k++) {
            fill(blockParams, k * COLUMN_COUNT, rows[i + k] as NewTransaction, accountIds[i + k] as number);
          }
          const last = Number(insertBlock.run(blockParams).lastInsertRowid);
          if (first < 0) first = last - ROWS_PER_INSERT + 1;
        }
      }
      for (; i < rows.length; i++) {
        fill(oneParams, 0, rows[i] as NewTransaction, accountIds[i] as number);
        const id = Number(insertOne.run(oneParams).lastInsertRowid);
        if (first < 0) first = id;
      }
      return first;
    },
  };
}

export type ImportWriter = ReturnType<typeof createImportWriter>;
