import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CallInput } from '../../../shared/api/contract';
import type { TransactionPage, TransactionPageInput } from '../../../shared/api/transaction-schemas';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

export function useAppInfo() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => client.call('app:info', {}) });
}

export function usePortfolioSummary() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.summary, queryFn: () => client.call('portfolio:summary', {}) });
}

export function useAccounts() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.accounts, queryFn: () => client.call('accounts:list', {}) });
}

/** Rows per `transactions:list` call as the table scrolls: a screenful or two at a time. */
export const TRANSACTION_PAGE_ROWS = 200;

/** The filter and sort of the transactions table, without the page's place. */
export type TransactionQuery = Omit<TransactionPageInput, 'offset' | 'limit'>;

function transactionPageQuery(client: ReturnType<typeof useClient>, query: TransactionQuery, page: number) {
  return {
    queryKey: [...queryKeys.transactions, query, page],
    queryFn: () =>
      client.call('transactions:list', {
        ...query,
        offset: page * TRANSACTION_PAGE_ROWS,
        limit: TRANSACTION_PAGE_ROWS,
      }),
  };
}

/** The first page: how many rows match (and exist), and the rows a table shows first. */
export function useTransactionsFirstPage(query: TransactionQuery) {
  const client = useClient();
  // The last answer stays on screen while a new filter's first page loads.
  return useQuery({ ...transactionPageQuery(client, query, 0), placeholderData: keepPreviousData });
}

/**
 * Asks for a filter's first page at once, before the screen re-renders for it: the backend reads
 * while React renders, instead of after (a search at 50,000 rows, issue 20). The table's query for
 * the same page then waits for this answer rather than asking again.
 */
export function usePrefetchTransactions(): (query: TransactionQuery) => void {
  const client = useClient();
  const queryClient = useQueryClient();
  return (query) => void queryClient.prefetchQuery(transactionPageQuery(client, query, 0));
}

/** The pages the table has on screen, by page number; a page not yet loaded is absent. */
export function useTransactionPages(query: TransactionQuery, pages: readonly number[]): Map<number, TransactionPage> {
  const client = useClient();
  const results = useQueries({ queries: pages.map((page) => transactionPageQuery(client, query, page)) });
  const loaded = new Map<number, TransactionPage>();
  results.forEach((result, i) => {
    if (result.data) loaded.set(pages[i] as number, result.data);
  });
  return loaded;
}

/**
 * Where row `id` stands in the table's order and filter (null: the filter leaves it out), so the
 * table can scroll to it. Under the list's key, so that a write refreshes it with the pages.
 */
export function useTransactionPosition(query: TransactionQuery, id: number | null) {
  const client = useClient();
  return useQuery({
    queryKey: [...queryKeys.transactions, 'position', query, id],
    queryFn: () => client.call('transactions:position', { ...query, id: id as number }),
    enabled: id !== null,
  });
}

/** One hook per write; each refreshes what it changed when it succeeds. */
function useWrite<I, O>(write: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}

export function useCreateAccount() {
  const client = useClient();
  return useWrite((input: CallInput<'accounts:create'>) => client.call('accounts:create', input));
}

/** Sets an account's own cost method (null: the app-wide one). */
export function useUpdateAccount() {
  const client = useClient();
  return useWrite((input: CallInput<'accounts:update'>) => client.call('accounts:update', input));
}

export function useCreateTransaction() {
  const client = useClient();
  return useWrite((input: CallInput<'transactions:create'>) => client.call('transactions:create', input));
}

export function useUpdateTransaction() {
  const client = useClient();
  return useWrite((input: CallInput<'transactions:update'>) => client.call('transactions:update', input));
}

export function useDeleteTransaction() {
  const client = useClient();
  return useWrite((input: CallInput<'transactions:delete'>) => client.call('transactions:delete', input));
}

export function useRestoreTransaction() {
  const client = useClient();
  return useWrite((input: CallInput<'transactions:restore'>) => client.call('transactions:restore', input));
}

/** Refetches what a backend push says has changed, whoever changed it (another window, the CLI). */
export function useDataChangedInvalidation(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      // Everything on screen derives from accounts, transactions and quotes: refetch it all.
      client.on('data:changed', () => void queryClient.invalidateQueries()),
    [client, queryClient],
  );
}
