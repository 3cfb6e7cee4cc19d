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
