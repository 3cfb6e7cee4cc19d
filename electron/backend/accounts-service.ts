import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { BackendContext } from './backend-context';

export function accountHandlers({
  store,
  events,
  now,
}: BackendContext): Pick<Handlers, 'accounts:list' | 'accounts:create' | 'accounts:update'> {
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
    'accounts:update': async ({ name, costMethod }) => {
      const updated = await store.write(() => accounts.setCostMethod(name, costMethod));
      if (updated === undefined) throw new ApiError('not_found', `There is no account named "${name}".`);
      // The accounts' scope: the ledger is replayed with the account's new method.
      events.emit('data:changed', { scope: 'accounts' });
      return updated;
    },
  };
}
