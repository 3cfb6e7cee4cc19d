import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { TransactionFilter, TransactionInput, TransactionRow } from '../../shared/api/transaction-schemas';
import { LedgerError } from '../../shared/engine/ledger-error';
import { UnknownAccountError } from '../db/transactions-repo';
import type { BackendContext } from './backend-context';

type TransactionHandlers = Pick<
  Handlers,
  'transactions:list' | 'transactions:create' | 'transactions:update' | 'transactions:delete' | 'transactions:restore'
>;

export function matchesFilter(row: TransactionRow, filter: TransactionFilter): boolean {
  const search = filter.search?.trim().toLowerCase();
  return (
    (!filter.account || row.account === filter.account) &&
    (!filter.symbol || row.symbol === filter.symbol.toUpperCase()) &&
    (!filter.type || row.type === filter.type) &&
    (!filter.from || row.date >= filter.from) &&
    (!filter.to || row.date <= filter.to) &&
    (!search || `${row.symbol ?? ''} ${row.note} ${row.account} ${row.type}`.toLowerCase().includes(search))
  );
}

/**
 * Ledger edits. Every write runs inside one SQLite transaction together with a replay of the whole
 * ledger, so a change that would make the history invalid (selling shares not held, a split of
 * zero, a future date) is refused and leaves nothing behind.
 */
export function transactionHandlers({ store, events, now, snapshots: ledger }: BackendContext): TransactionHandlers {
  const { transactions: repo, accounts } = store;

  async function write<T>(work: () => T): Promise<T> {
    try {
      // The check's replay is the one the views use next: an edit replays the ledger once.
      let keep = () => {};
      const result = await store.write(() => {
        const value = work();
        keep = ledger.replay(
          repo.all(),
          accounts.list().map((a) => a.name),
        );
        return value;
      });
      events.emit('data:changed', { scope: 'transactions' });
      keep();
      return result;
    } catch (error) {
      if (error instanceof LedgerError) throw new ApiError('invalid_input', error.message, [error.problem]);
      if (error instanceof UnknownAccountError)
        throw new ApiError('invalid_input', error.message, [`account: ${error.message}`]);
      throw error;
    }
  }

  function found(id: number): TransactionRow {
    const row = repo.get(id);
    if (!row) throw new ApiError('not_found', `There is no transaction ${id}.`);
    return row;
  }

  return {
    'transactions:list': (filter) => {
      const rows = repo.all();
      const matching = rows.filter((row) => matchesFilter(row, filter));
      return { rows: matching, total: rows.length };
    },
    'transactions:create': (input: TransactionInput) => write(() => found(repo.insert(input, now().toISOString()))),
    'transactions:update': ({ id, transaction }) =>
      write(() => {
        found(id);
        repo.update(id, transaction);
        return found(id);
      }),
    'transactions:delete': ({ id }) =>
      write(() => {
        const row = found(id);
        repo.remove(id);
        return row;
      }),
    'transactions:restore': ({ row }) =>
      write(() => {
        if (repo.get(row.id)) throw new ApiError('conflict', `Transaction ${row.id} already exists.`);
        const { id, ...input } = row;
        return found(repo.insert(input, now().toISOString(), id));
      }),
  };
}
