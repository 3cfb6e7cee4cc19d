import { useSyncExternalStore } from 'react';
import { useClient } from '../api/client-context';

const never = () => () => {};

/**
 * In the sidebar while a call waits to try again because the database was busy (another import,
 * or the CLI, writing): the call has not failed, and nothing of it was written yet.
 */
export function BusyStatus() {
  const { busy } = useClient();
  const retrying = useSyncExternalStore(busy ? busy.subscribe : never, () => busy?.retrying() ?? 0);
  if (retrying === 0) return null;
  return (
    <p className="busy-status small muted" role="status" data-testid="busy-status">
      Busy, retrying: another import or process is writing.
      {retrying > 1 ? ` ${retrying} changes wait.` : ''}
    </p>
  );
}
