import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallInput } from '../../../shared/api/contract';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

/** Every cached currency pair: first and last day, days with a rate, sources. */
export function useFxPairs() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.fxPairs, queryFn: () => client.call('fx:pairs', {}) });
}

/** The currencies the portfolio uses, and the pairs a refresh fetches for the base currency. */
export function useFxCurrencies() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.fxCurrencies, queryFn: () => client.call('fx:currencies', {}) });
}

/** A rate write re-values every figure in the base currency: every query is refetched. */
function useFxMutation<N extends 'fx:importFiles' | 'fx:setManualRate' | 'fx:deletePair'>(name: N) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<N>) => client.call(name, input),
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}

export const useImportFxFiles = () => useFxMutation('fx:importFiles');
export const useSetManualRate = () => useFxMutation('fx:setManualRate');
export const useDeleteFxPair = () => useFxMutation('fx:deletePair');
