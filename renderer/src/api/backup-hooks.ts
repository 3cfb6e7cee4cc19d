import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from './client-context';
import { queryKeys } from './query-keys';

/** The database's backups, newest first, and the folder they are in. */
export function useBackups() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.backups, queryFn: () => client.call('backup:list', {}) });
}

export function useCreateBackup() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call('backup:create', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.backups }),
  });
}

/** Restores a backup by its name from the list; every screen reloads, since all data changed. */
export function useRestoreBackup() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => client.call('backup:restore', { name }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
