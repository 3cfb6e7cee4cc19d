import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CallInput } from '../../../shared/api/contract';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

/** Realized gains lot by lot (the `portfolio:realized` call); the last answer stays while a new year loads. */
export function useRealized(input: CallInput<'portfolio:realized'>) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.realized(input),
    queryFn: () => client.call('portfolio:realized', input),
    placeholderData: keepPreviousData,
  });
}
