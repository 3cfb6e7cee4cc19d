import type { TransactionInput, TransactionRow } from '../../shared/api/transaction-schemas';
import type { Db } from './connection';

const SELECT = `
  SELECT t.id, t.date, t.time, a.name AS account, t.type, t.symbol, t.quantity, t.price, t.fee, t.amount,
         t.currency, t.fx_rate AS fxRate, t.note
  FROM transactions t JOIN accounts a ON a.id = t.account_id`;

export function createTransactionsRepo(db: Db) {
  const all = db.prepare<[], TransactionRow>(`${SELECT} ORDER BY t.date, t.id`);
  const byId = db.prepare<[number], TransactionRow>(`${SELECT} WHERE t.id = ?`);
  const accountId = db.prepare<[string], { id: number }>('SELECT id FROM accounts WHERE name = ?');
  const ensureInstrument = db.prepare<[string, string]>(
    'INSERT INTO instruments (symbol, currency) VALUES (?, ?) ON CONFLICT (symbol) DO NOTHING',
  );
  const insert = db.prepare(`
    INSERT INTO transactions (id, account_id, date, time, type, symbol, quantity, price, fee, amount, currency, fx_rate, note, created_at)
    VALUES (@id, @accountId, @date, @time, @type, @symbol, @quantity, @price, @fee, @amount, @currency, @fxRate, @note, @createdAt)`);
  const update = db.prepare(`
    UPDATE transactions SET account_id = @accountId, date = @date, time = @time, type = @type, symbol = @symbol,
      quantity = @quantity, price = @price, fee = @fee, amount = @amount, currency = @currency,
      fx_rate = @fxRate, note = @note
    WHERE id = @id`);
  const remove = db.prepare<[number]>('DELETE FROM transactions WHERE id = ?');

  function params(input: TransactionInput, id: number | null, createdAt: string) {
    const account = accountId.get(input.account);
    if (!account) throw new UnknownAccountError(input.account);
    if (input.symbol) ensureInstrument.run(input.symbol, input.currency);
    return { ...input, fxRate: input.fxRate ?? null, id, accountId: account.id, createdAt };
  }

  return {
    all: (): TransactionRow[] => all.all(),
    get: (id: number): TransactionRow | undefined => byId.get(id),
    /** `id` is given only when restoring a deleted row, so undo puts it back where it was. */
    insert(input: TransactionInput, createdAt: string, id: number | null = null): number {
      return Number(insert.run(params(input, id, createdAt)).lastInsertRowid);
    },
    update(id: number, input: TransactionInput): boolean {
      return update.run(params(input, id, '')).changes > 0;
    },
    remove: (id: number): boolean => remove.run(id).changes > 0,
  };
}

export class UnknownAccountError extends Error {
  constructor(readonly account: string) {
    super(`There is no account named "${account}".`);
    this.name = 'UnknownAccountError';
  }
}
