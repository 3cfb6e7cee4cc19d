import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CallInput } from '../../../shared/api/contract';
import type { TransactionFilter } from '../../../shared/api/transaction-schemas';
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

export function useTransactions(filter: TransactionFilter) {
  const client = useClient();
  return useQuery({
    queryKey: [...queryKeys.transactions, filter],
    queryFn: () => client.call('transactions:list', filter),
    placeholderData: (previous) => previous,
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
