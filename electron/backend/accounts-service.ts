import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { BackendContext } from './backend-context';

export function accountHandlers({
  store,
  events,
  now,
}: BackendContext): Pick<Handlers, 'accounts:list' | 'accounts:create'> {
  const { accounts } = store;
  return {
    'accounts:list': () => accounts.list(),
    'accounts:create': async ({ name, currency }) => {
      // The check and the insert in one write, so two callers cannot both pass the check.
      const created = await store.write(() => {
        if (accounts.findByName(name)) {
          throw new ApiError('conflict', `An account named "${name}" already exists.`, [`name: already used`]);
        }
        return accounts.create(name, currency, now().toISOString());
      });
      events.emit('data:changed', { scope: 'accounts' });
      return created;
    },
  };
}
