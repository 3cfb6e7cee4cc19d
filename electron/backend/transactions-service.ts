import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { TransactionInput, TransactionRow } from '../../shared/api/transaction-schemas';
import { LedgerError } from '../../shared/engine/ledger-error';
import { UnknownAccountError } from '../db/transactions-repo';
import type { BackendContext } from './backend-context';
import { patchRows } from './patch-rows';

type TransactionHandlers = Pick<
  Handlers,
  | 'transactions:list'
  | 'transactions:position'
  | 'transactions:create'
  | 'transactions:update'
  | 'transactions:delete'
  | 'transactions:restore'
>;

/**
 * Ledger edits. Every write runs inside one SQLite transaction together with a replay of the whole
 * ledger, so a change that would make the history invalid (selling shares not held, a split of
 * zero, a future date) is refused and leaves nothing behind.
 */
export function transactionHandlers({ store, events, now, snapshots: ledger }: BackendContext): TransactionHandlers {
  const { transactions: repo, accounts } = store;

  /**
   * `work` makes the change and says which row left and which came in; the ledger's rows are
   * patched with them and replayed from the earlier of their dates, when the last replay's rows
   * are still current (portfolio-snapshot.ts); otherwise every row is read and replayed.
   */
  async function write(
    work: () => { removed: TransactionRow | null; added: TransactionRow | null },
  ): Promise<TransactionRow> {
    try {
      // The check's replay is the one the views use next: an edit replays the ledger once.
      let keep = () => {};
      const result = await store.write(() => {
        const change = work();
        const current = ledger.current();
        const dates = [change.removed?.date, change.added?.date].filter((d): d is string => d !== undefined);
        const from = dates.sort()[0];
        if (current) {
          keep = ledger.replay(
            patchRows(current.rows as TransactionRow[], change.removed, change.added),
            current.accounts,
            from,
          );
        } else {
          keep = ledger.replay(
            repo.all(),
            accounts.list().map((a) => a.name),
          );
        }
        return (change.added ?? change.removed) as TransactionRow;
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

  // The search index is built once the table has been quiet a moment after showing an unsearched
  // list (the first search then takes a few ms instead of reading the table; issue 20), not while
  // its first pages are still being asked for.
  let warming: ReturnType<typeof setTimeout> | undefined;
  function warmSearchSoon(): void {
    clearTimeout(warming);
    warming = setTimeout(() => repo.warmSearch(), 300);
    warming.unref?.();
  }

  function found(id: number): TransactionRow {
    const row = repo.get(id);
    if (!row) throw new ApiError('not_found', `There is no transaction ${id}.`);
    return row;
  }

  return {
    'transactions:list': (query) => {
      const page = repo.page(query);
      if (!query.search?.trim()) warmSearchSoon();
      return page;
    },
    'transactions:position': ({ id, ...query }) => {
      const order = { ...query, offset: 0, limit: 1 };
      return { offset: repo.position(order, id), total: repo.page(order).total };
    },
    'transactions:create': (input: TransactionInput) =>
      write(() => ({ removed: null, added: found(repo.insert(input, now().toISOString())) })),
    'transactions:update': ({ id, transaction }) =>
      write(() => {
        const removed = found(id);
        repo.update(id, transaction);
        return { removed, added: found(id) };
      }),
    'transactions:delete': ({ id }) =>
      write(() => {
        const removed = found(id);
        repo.remove(id);
        return { removed, added: null };
      }),
    'transactions:restore': ({ row }) =>
      write(() => {
        if (repo.get(row.id)) throw new ApiError('conflict', `Transaction ${row.id} already exists.`);
        const { id, ...input } = row;
        return { removed: null, added: found(repo.insert(input, now().toISOString(), id)) };
      }),
  };
}
