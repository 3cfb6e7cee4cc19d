import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CallInput } from '../../../shared/api/contract';
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

export function useCreateAccount() {
  const client = useClient();
  return useMutation({ mutationFn: (input: CallInput<'accounts:create'>) => client.call('accounts:create', input) });
}

/** Refetches what a backend push says has changed, whoever changed it (another window, the CLI). */
export function useDataChangedInvalidation(): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.on('data:changed', ({ scope }) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.summary });
        if (scope === 'accounts') void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
        if (scope === 'quotes') void queryClient.invalidateQueries({ queryKey: queryKeys.quotes });
      }),
    [client, queryClient],
  );
}
