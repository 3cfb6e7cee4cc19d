import { useQuery } from '@tanstack/react-query';
import type { CallInput } from '../../../shared/api/contract';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

/** Attribution by sleeve and risk against the blended benchmark over a window. */
export function useAttribution(input: CallInput<'portfolio:attribution'>) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.attribution(input),
    queryFn: () => client.call('portfolio:attribution', input),
    placeholderData: (previous) => previous,
  });
}

/** What changed over a window, dated (signals). */
export function useSignals(input: CallInput<'portfolio:signals'>) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.signals(input),
    queryFn: () => client.call('portfolio:signals', input),
    placeholderData: (previous) => previous,
  });
}
