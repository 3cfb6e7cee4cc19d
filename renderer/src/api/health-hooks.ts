import { useQuery } from '@tanstack/react-query';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

/** What is suspect in the data (the `health:check` call); refetched with everything on data:changed. */
export function useHealth() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.health, queryFn: () => client.call('health:check', {}) });
}
