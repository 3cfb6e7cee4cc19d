import { useRef, useState } from 'react';
import type { TransactionRow, TransactionSort } from '../../../../shared/api/transaction-schemas';
import type { TransactionType } from '../../../../shared/domain/transaction';
import {
  useAccounts,
  useDeleteTransaction,
  useRestoreTransaction,
  usePrefetchTransactions,
  useTransactionsFirstPage,
  type TransactionQuery,
} from '../../api/hooks';
import { AccountFilter } from '../../components/account-filter';
import { Notice } from '../../components/notice';
import { plural } from '../../../../shared/domain/plural';
import { describeTransaction } from './describe-transaction';
import { TransactionForm } from './transaction-form';
import { TransactionsTable } from './transactions-table';
import { TypeOptions } from './type-options';
import './transactions.css';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; row: TransactionRow };

export function TransactionsScreen() {
  // Newest first until a column header says otherwise.
  const [filter, setFilter] = useState<TransactionQuery>({ sort: 'date', dir: 'desc' });
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [message, setMessage] = useState<string | null>(null);
  const [lastDeleted, setLastDeleted] = useState<TransactionRow | null>(null);
  const [target, setTarget] = useState<{ id: number; highlight: boolean; key: number } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const aim = (id: number, highlight: boolean) => setTarget((t) => ({ id, highlight, key: (t?.key ?? 0) + 1 }));
  const accounts = useAccounts();
  const list = useTransactionsFirstPage(filter);
  const prefetch = usePrefetchTransactions();
  const changeFilter = (next: TransactionQuery) => {
    prefetch(next);
    setFilter(next);
  };
  const remove = useDeleteTransaction();
  const restore = useRestoreTransaction();
  const accountOptions = accounts.data ?? [];

  function onDelete(row: TransactionRow) {
    remove.mutate(
      { id: row.id },
      {
        onSuccess: (deleted) => {
          setLastDeleted(deleted);
          setTarget(null);
          setMessage(`Deleted ${describeTransaction(deleted)}.`);
          // Its row is gone: focus goes to the one control that stays.
          addButton.current?.focus();
        },
        onError: (error) => setMessage(error.message),
      },
    );
  }

  function undo() {
    if (!lastDeleted) return;
    restore.mutate(
      { row: lastDeleted },
      {
        onSuccess: (row) => {
          setMessage(`Restored ${describeTransaction(row)}.`);
          setLastDeleted(null);
          aim(row.id, true);
        },
        onError: (error) => setMessage(error.message),
      },
    );
  }

  // A new filter or sort starts at the top: the row last aimed at no longer pulls the view.
  const setField = (key: 'account' | 'type' | 'search' | 'from' | 'to', value: string) => {
    setTarget(null);
    changeFilter({ ...filter, [key]: value === '' ? undefined : value });
  };

  // A second click on the sorted column turns it around; a new column starts with its natural
  // direction (dates newest first, the rest A to Z and smallest first).
  const onSort = (key: TransactionSort) => {
    setTarget(null);
    changeFilter(
      filter.sort === key
        ? { ...filter, dir: filter.dir === 'asc' ? 'desc' : 'asc' }
        : { ...filter, sort: key, dir: key === 'date' ? 'desc' : 'asc' },
    );
  };

  return (
    <main className="screen wide" id="main" tabIndex={-1} aria-labelledby="tx-title">
      <div className="screen-head">
        <h1 id="tx-title">Transactions</h1>
        <button
          type="button"
          ref={addButton}
          onClick={() => setEditing({ mode: 'new' })}
          disabled={accountOptions.length === 0}
        >
          Add transaction
        </button>
      </div>

      {message && (
        <Notice onDismiss={() => setMessage(null)}>
          {message}
          {lastDeleted && message.startsWith('Deleted') && (
            <button type="button" className="link" onClick={undo}>
              Undo
            </button>
          )}
        </Notice>
      )}

      {editing.mode !== 'closed' && (
        <TransactionForm
          key={editing.mode === 'edit' ? editing.row.id : 'new'}
          accounts={accountOptions}
          editing={editing.mode === 'edit' ? editing.row : null}
          onCancel={() => {
            // Back where the person came from: the row's Edit button, or Add transaction.
            if (editing.mode === 'edit') aim(editing.row.id, false);
            else addButton.current?.focus();
            setEditing({ mode: 'closed' });
          }}
          onDone={(text, row) => {
            setEditing({ mode: 'closed' });
            setLastDeleted(null);
            setMessage(text);
            aim(row.id, true);
          }}
        />
      )}

      <div className="filters" role="search" aria-label="Filter transactions">
        <AccountFilter
          id="tx-filter-account"
          value={filter.account ?? ''}
          accounts={accountOptions}
          onChange={(account) => setField('account', account)}
        />
        <div className="field">
          <label htmlFor="tx-filter-type">Type</label>
          <select
            id="tx-filter-type"
            value={filter.type ?? ''}
            onChange={(e) => setField('type', e.target.value as TransactionType)}
          >
            <option value="">All types</option>
            <TypeOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="tx-filter-search">Search</label>
          <input
            id="tx-filter-search"
            type="search"
            placeholder="Symbol, note…"
            value={filter.search ?? ''}
            onChange={(e) => setField('search', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="tx-filter-from">From</label>
          <input
            id="tx-filter-from"
            type="date"
            value={filter.from ?? ''}
            max={filter.to}
            onChange={(e) => setField('from', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="tx-filter-to">To</label>
          <input
            id="tx-filter-to"
            type="date"
            value={filter.to ?? ''}
            min={filter.from}
            onChange={(e) => setField('to', e.target.value)}
          />
        </div>
        <p className="muted filter-count" aria-live="polite">
          {list.data ? `${list.data.total.toLocaleString()} of ${plural(list.data.all, 'transaction')}` : ''}
        </p>
      </div>

      {list.isError && (
        <p className="error-note" role="alert">
          Could not load transactions: {list.error.message}
        </p>
      )}
      {accountOptions.length === 0 && accounts.isSuccess && (
        <section className="card empty-state">
          <h2>No accounts yet</h2>
          <p>Create an account on the dashboard (or load the demo portfolio) before recording transactions.</p>
        </section>
      )}
      {list.data && list.data.all === 0 && accountOptions.length > 0 && (
        <section className="card empty-state">
          <h2>No transactions yet</h2>
          <p>
            Add your first buy or deposit with “Add transaction”, or import a CSV from your broker under Import &amp;
            export.
          </p>
        </section>
      )}
      {list.data && list.data.all > 0 && (
        <TransactionsTable
          query={filter}
          total={list.data.total}
          onSort={onSort}
          onEdit={(row) => setEditing({ mode: 'edit', row })}
          onDelete={onDelete}
          target={target}
          onTargetHidden={() =>
            setMessage((m) => `${m ?? ''} The current filter does not show it; clear the filter to see it.`.trim())
          }
        />
      )}
    </main>
  );
}
