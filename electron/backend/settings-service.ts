import type { Handlers } from '../../shared/api/contract';
import type { BackendContext } from './backend-context';

/** The settings:* calls of the contract: every setting is read and written here. */
export function settingsHandlers({ settings, store }: BackendContext): Pick<Handlers, 'settings:get' | 'settings:set'> {
  return {
    'settings:get': () => settings.get(),
    'settings:set': (patch) => store.write(() => settings.set(patch)),
  };
}
