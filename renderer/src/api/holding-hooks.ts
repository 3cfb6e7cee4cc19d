import { useQuery } from '@tanstack/react-query';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

/** One holding's page: every figure in one call (`portfolio:holding`). */
export function useHolding(symbol: string, account?: string) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.holding(symbol, account),
    queryFn: () => client.call('portfolio:holding', account === undefined ? { symbol } : { symbol, account }),
  });
}

/** Rows a holding's page lists: its newest records (the Transactions screen has them all). */
export const HOLDING_TRANSACTION_ROWS = 50;

/** The holding's records, newest first. */
export function useHoldingTransactions(symbol: string, account?: string) {
  const client = useClient();
  const query = { symbol, ...(account === undefined ? {} : { account }), sort: 'date', dir: 'desc' } as const;
  return useQuery({
    queryKey: [...queryKeys.transactions, query, 'holding'],
    queryFn: () => client.call('transactions:list', { ...query, limit: HOLDING_TRANSACTION_ROWS }),
  });
}
