import { useQuery } from '@tanstack/react-query';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

/**
 * What is suspect in the data (the `health:check` call); refetched with everything on data:changed.
 * `enabled: false` holds it back: the check reads every bar of every held symbol, and the backend
 * answers one call at a time, so a screen asks for it after what it shows first.
 */
export function useHealth({ enabled = true }: { enabled?: boolean } = {}) {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.health, queryFn: () => client.call('health:check', {}), enabled });
}
